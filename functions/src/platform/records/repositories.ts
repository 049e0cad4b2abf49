import type { FieldCipher } from '@zhixiang/shared/ports/field-cipher';
import { Service } from 'electrodb';
import type { TableContext } from '../dynamodb/table';
import { createAgentEntity, DynamoAgentRepository } from './agents';
import { createBranchEntity, DynamoBranchRepository } from './branches';
import { createCustomerEntity, DynamoCustomerRepository } from './customers';
import { createPolicyEntity, DynamoPolicyRepository } from './policies';
import { createProductEntity, DynamoProductRepository } from './products';
import { createUserAccountEntity, DynamoUserAccountRepository } from './user-accounts';

/** One ElectroDB service over the one table: every entity of the customer and policy domain. */
export function createDataService(ctx: TableContext) {
  return new Service(
    {
      branch: createBranchEntity(ctx),
      customer: createCustomerEntity(ctx),
      agent: createAgentEntity(ctx),
      product: createProductEntity(ctx),
      policy: createPolicyEntity(ctx),
      userAccount: createUserAccountEntity(ctx),
    },
    ctx,
  );
}
export type DataService = ReturnType<typeof createDataService>;

/**
 * The records most contexts read: customers, policies, products, branches, agents and user
 * accounts. Each context's wiring adds the repositories of its own entities beside these.
 */
export interface RecordRepositories {
  branches: DynamoBranchRepository;
  customers: DynamoCustomerRepository;
  agents: DynamoAgentRepository;
  products: DynamoProductRepository;
  policies: DynamoPolicyRepository;
  users: DynamoUserAccountRepository;
}

export function createRecordRepositories(ctx: TableContext, cipher: FieldCipher): RecordRepositories {
  const { entities } = createDataService(ctx);
  const products = new DynamoProductRepository(entities.product);
  return {
    branches: new DynamoBranchRepository(entities.branch),
    customers: new DynamoCustomerRepository(entities.customer, cipher, ctx),
    agents: new DynamoAgentRepository(entities.agent),
    products,
    policies: new DynamoPolicyRepository(entities.policy, cipher, products, ctx),
    users: new DynamoUserAccountRepository(entities.userAccount),
  };
}

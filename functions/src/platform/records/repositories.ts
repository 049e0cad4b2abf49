import type { FieldCipher } from '@zhixiang/shared/ports/field-cipher';
import type { TableContext } from '../dynamodb/table';
import { DynamoAgentRepository } from './agents';
import { DynamoBranchRepository } from './branches';
import { DynamoCustomerRepository } from './customers';
import { DynamoPolicyRepository } from './policies';
import { DynamoProductRepository } from './products';
import { DynamoUserAccountRepository } from './user-accounts';

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
  const products = new DynamoProductRepository(ctx);
  return {
    branches: new DynamoBranchRepository(ctx),
    customers: new DynamoCustomerRepository(ctx, cipher),
    agents: new DynamoAgentRepository(ctx),
    products,
    policies: new DynamoPolicyRepository(ctx, cipher, products),
    users: new DynamoUserAccountRepository(ctx),
  };
}

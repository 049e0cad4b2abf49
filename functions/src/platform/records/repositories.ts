import type { FieldCipher } from '@zhixiang/shared/ports/field-cipher';
import type { Repositories } from '@zhixiang/shared/ports/repositories';
import { Service } from 'electrodb';
import { DynamoConversationStore } from '../../assistant/adapters/assistant-conversations';
import { DynamoHandoffStore } from '../../assistant/adapters/handoffs';
import {
  createKnowledgeEntities,
  DynamoKnowledgeBaseRepository,
} from '../../assistant/adapters/knowledge-base';
import { DynamoLiveChatConnectionStore } from '../../assistant/adapters/live-chat-connections';
import {
  createCallbackBookingEntity,
  createCallbackFollowUpEntity,
  createCallbackSlotEntity,
  DynamoCallbackBookingRepository,
} from '../../callback/adapters/callback-bookings';
import {
  createDocumentEntity,
  createDocumentEventEntity,
  DynamoDocumentRepository,
} from '../../documents/adapters/documents';
import {
  createEndorsementEntities,
  DynamoEndorsementRepository,
} from '../../endorsements/adapters/endorsements';
import { DynamoIvrCallStore } from '../../ivr/adapters/ivr-calls';
import {
  createCatalogueProductEntity,
  DynamoCatalogueRepository,
} from '../../products/adapters/catalogue-products';
import {
  createProductActivityEntity,
  DynamoProductActivityRepository,
} from '../../products/adapters/product-activity';
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

export interface DynamoRepositories extends Repositories {
  branches: DynamoBranchRepository;
  customers: DynamoCustomerRepository;
  agents: DynamoAgentRepository;
  products: DynamoProductRepository;
  policies: DynamoPolicyRepository;
  users: DynamoUserAccountRepository;
  /** Product search (知客): the catalogue and its activity counters. */
  catalogue: DynamoCatalogueRepository;
  productActivity: DynamoProductActivityRepository;
  /** New-policy callback (回访) slots and bookings. */
  callbackBookings: DynamoCallbackBookingRepository;
  /** Electronic documents (电子批单) and their audit trails. */
  documents: DynamoDocumentRepository;
  /** The assistant's knowledge base (智能客服知识库), versioned. */
  knowledgeBase: DynamoKnowledgeBaseRepository;
  /** Conversations with the assistant: state per conversation and every turn. */
  assistantConversations: DynamoConversationStore;
  /** Calls announced by the call centre's IVR (caller pre-verification) and their request nonces. */
  ivrCalls: DynamoIvrCallStore;
  /** Handoffs of assistant conversations to a person, and their messages. */
  handoffs: DynamoHandoffStore;
  /** Live chat (issue 9): WebSocket connections and their handoff subscriptions. */
  liveChatConnections: DynamoLiveChatConnectionStore;
  /** Endorsement applications (保全), their audit trails and the domain-event outbox. */
  endorsements: DynamoEndorsementRepository;
}

export function createDynamoRepositories(ctx: TableContext, cipher: FieldCipher): DynamoRepositories {
  const { entities } = createDataService(ctx);
  const customers = new DynamoCustomerRepository(entities.customer, cipher);
  const policies = new DynamoPolicyRepository(entities.policy, cipher);
  const documents = new DynamoDocumentRepository(
    createDocumentEntity(ctx),
    createDocumentEventEntity(ctx),
    ctx,
  );
  return {
    branches: new DynamoBranchRepository(entities.branch),
    customers,
    agents: new DynamoAgentRepository(entities.agent),
    products: new DynamoProductRepository(entities.product),
    policies,
    users: new DynamoUserAccountRepository(entities.userAccount),
    catalogue: new DynamoCatalogueRepository(createCatalogueProductEntity(ctx)),
    productActivity: new DynamoProductActivityRepository(createProductActivityEntity(ctx)),
    callbackBookings: new DynamoCallbackBookingRepository(
      createCallbackSlotEntity(ctx),
      createCallbackBookingEntity(ctx),
      createCallbackFollowUpEntity(ctx),
      ctx,
    ),
    documents,
    knowledgeBase: new DynamoKnowledgeBaseRepository(createKnowledgeEntities(ctx)),
    assistantConversations: new DynamoConversationStore(ctx),
    ivrCalls: new DynamoIvrCallStore(ctx),
    handoffs: new DynamoHandoffStore(ctx),
    // Endorsements (保全, issue 6).
    endorsements: new DynamoEndorsementRepository(
      createEndorsementEntities(ctx),
      policies,
      customers,
      documents,
      cipher,
      ctx,
    ),
    // Live chat (issue 9).
    liveChatConnections: new DynamoLiveChatConnectionStore(ctx),
  };
}

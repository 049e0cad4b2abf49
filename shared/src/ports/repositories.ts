import type {
  AgentRecord,
  BranchRecord,
  CustomerRecord,
  PolicyRecord,
  ProductRecord,
  UserAccountRecord,
} from '../policy/model';

/** Storage ports. The DynamoDB adapters live in functions/src/adapters/dynamodb. */
export interface BranchRepository {
  get(branchId: string): Promise<BranchRecord | null>;
  put(branch: BranchRecord): Promise<void>;
}

export interface CustomerRepository {
  get(customerId: string): Promise<CustomerRecord | null>;
  findByIdNumber(idNumber: string): Promise<CustomerRecord | null>;
  listByAgent(agentId: string): Promise<CustomerRecord[]>;
  put(customer: CustomerRecord): Promise<void>;
}

export interface AgentRepository {
  get(agentId: string): Promise<AgentRecord | null>;
  put(agent: AgentRecord): Promise<void>;
}

export interface ProductRepository {
  get(productCode: string): Promise<ProductRecord | null>;
  put(product: ProductRecord): Promise<void>;
}

export interface PolicyRepository {
  get(policyNo: string): Promise<PolicyRecord | null>;
  /** Policies where the customer is the holder or the insured. */
  listByCustomer(customerId: string): Promise<PolicyRecord[]>;
  put(policy: PolicyRecord): Promise<void>;
}

export interface UserAccountRepository {
  get(userId: string): Promise<UserAccountRecord | null>;
  findByOpenid(openid: string): Promise<UserAccountRecord | null>;
  put(user: UserAccountRecord): Promise<void>;
}

import type {
  AgentRecord,
  BranchRecord,
  CustomerRecord,
  PolicyRecord,
  ProductRecord,
  UserAccountRecord,
} from '../policy/model';

/**
 * Storage ports. The DynamoDB adapters live in functions/src/<context>/adapters and functions/src/platform/records; the access
 * patterns behind each method are listed in docs/dynamodb-access-patterns.md.
 */
export interface BranchRepository {
  get(branchId: string): Promise<BranchRecord | null>;
  /** The same, from a per-process cache kept for a few minutes (reference data). */
  getCached(branchId: string): Promise<BranchRecord | null>;
  /** The branch at `path` and every branch below it, in path order. */
  listSubtree(path: string): Promise<BranchRecord[]>;
  put(branch: BranchRecord): Promise<void>;
}

export interface CustomerRepository {
  get(customerId: string): Promise<CustomerRecord | null>;
  /** Several customers in one read, by id (a missing one is absent from the map). */
  getMany(customerIds: readonly string[]): Promise<Map<string, CustomerRecord>>;
  findByIdNumber(idNumber: string): Promise<CustomerRecord | null>;
  listByAgent(agentId: string): Promise<CustomerRecord[]>;
  put(customer: CustomerRecord): Promise<void>;
}

export interface AgentRepository {
  get(agentId: string): Promise<AgentRecord | null>;
  /** The same, from a per-process cache kept for a few minutes (reference data). */
  getCached(agentId: string): Promise<AgentRecord | null>;
  listByBranch(branchId: string): Promise<AgentRecord[]>;
  put(agent: AgentRecord): Promise<void>;
}

export interface ProductRepository {
  get(productCode: string): Promise<ProductRecord | null>;
  /** The same, from a per-process cache kept for a few minutes (reference data). */
  getCached(productCode: string): Promise<ProductRecord | null>;
  /** The whole catalogue (tens of products), ordered by code. */
  list(): Promise<ProductRecord[]>;
  put(product: ProductRecord): Promise<void>;
}

export interface PolicyRepository {
  get(policyNo: string): Promise<PolicyRecord | null>;
  /** Policies where the customer is the holder or the insured, each once. */
  listByCustomer(customerId: string): Promise<PolicyRecord[]>;
  /** Same policies, counted without reading them (an agent's customer list). */
  countByCustomer(customerId: string): Promise<number>;
  /**
   * Optimistic concurrency: creates the policy when it does not exist, otherwise replaces it only
   * if the stored version still equals `policy.version` (else AppError CONFLICT). Returns the
   * stored record, whose version is `policy.version + 1`.
   */
  put(policy: PolicyRecord): Promise<PolicyRecord>;
}

export interface UserAccountRepository {
  get(userId: string): Promise<UserAccountRecord | null>;
  findByOpenid(openid: string): Promise<UserAccountRecord | null>;
  /** Accounts bound to the customer (binding refuses a second one). */
  findByCustomer(customerId: string): Promise<UserAccountRecord[]>;
  put(user: UserAccountRecord): Promise<void>;
}

export interface Repositories {
  branches: BranchRepository;
  customers: CustomerRepository;
  agents: AgentRepository;
  products: ProductRepository;
  policies: PolicyRepository;
  users: UserAccountRepository;
}

import type { CustomerRecord } from '@zhixiang/shared/policy/model';
import type { FieldCipher } from '@zhixiang/shared/ports/field-cipher';
import type { CustomerRepository } from '@zhixiang/shared/ports/repositories';
import { Entity } from 'electrodb';
import type { TransactWriteCommandInput } from '../dynamodb/document-client';
import { ALL_PAGES, orNull, orUndefined, SERVICE_NAME, type TableContext } from '../dynamodb/table';
import { batchGetItems, getItem, type ItemKey } from './point-reads';

/**
 * Customers (投保人 / 被保险人). The ID number and phone are stored only as ciphertext plus a keyed
 * HMAC blind index, so a lookup by ID number never decrypts anything in bulk.
 */
export const customerSchema = {
  model: { entity: 'customer', version: '1', service: SERVICE_NAME },
  attributes: {
    customerId: { type: 'string', required: true },
    name: { type: 'string', required: true },
    idNumberCipher: { type: 'string', required: true },
    idNumberIndex: { type: 'string', required: true },
    phoneCipher: { type: 'string', required: true },
    phoneIndex: { type: 'string', required: true },
    birthDate: { type: 'string', required: true },
    gender: { type: ['male', 'female'] as const, required: true },
    branchId: { type: 'string', required: true },
    branchPath: { type: 'string', required: true },
    agentId: { type: 'string' },
    address: { type: 'string' },
    email: { type: 'string' },
  },
  indexes: {
    // Policies, accounts and URLs refer to a customer by id.
    byId: {
      pk: { field: 'pk', composite: ['customerId'], template: 'CUSTOMER#${customerId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'CUSTOMER', casing: 'none' },
    },
    // Identity binding and CSV imports find a customer by ID number (through its blind index).
    byIdNumber: {
      index: 'gsi1',
      pk: {
        field: 'gsi1pk',
        composite: ['idNumberIndex'],
        template: 'IDNO#${idNumberIndex}',
        casing: 'none',
      },
      sk: { field: 'gsi1sk', composite: [], template: 'CUSTOMER', casing: 'none' },
    },
    // An agent's book of customers. Sparse: unassigned customers have no agentId and no entry.
    byAgent: {
      index: 'gsi2',
      pk: { field: 'gsi2pk', composite: ['agentId'], template: 'AGENT#${agentId}#CUSTOMERS', casing: 'none' },
      sk: { field: 'gsi2sk', composite: ['customerId'], template: 'CUSTOMER#${customerId}', casing: 'none' },
    },
  },
} as const;

/** The customer item's key (byId above), built without ElectroDB on the request paths. */
export function customerKey(customerId: string): ItemKey {
  return { pk: `CUSTOMER#${customerId}`, sk: 'CUSTOMER' };
}

export function createCustomerEntity(ctx: TableContext) {
  return new Entity(customerSchema, ctx);
}
export type CustomerEntity = ReturnType<typeof createCustomerEntity>;

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type CustomerItem = NonNullable<Awaited<ReturnType<ReturnType<CustomerEntity['get']>['go']>>['data']>;

export class DynamoCustomerRepository implements CustomerRepository {
  constructor(
    private readonly entity: CustomerEntity,
    private readonly cipher: FieldCipher,
    private readonly ctx: TableContext,
  ) {}

  async get(customerId: string): Promise<CustomerRecord | null> {
    const item = await getItem(this.ctx, customerKey(customerId));
    return item ? this.toRecord(item as CustomerItem) : null;
  }

  /** Several customers in one BatchGetItem, by id (a missing one is absent). */
  async getMany(customerIds: readonly string[]): Promise<Map<string, CustomerRecord>> {
    const items = await batchGetItems(this.ctx, customerIds.map(customerKey));
    const records = await Promise.all([...items.values()].map((item) => this.toRecord(item as CustomerItem)));
    return new Map(records.map((record) => [record.customerId, record]));
  }

  async findByIdNumber(idNumber: string): Promise<CustomerRecord | null> {
    const idNumberIndex = await this.cipher.blindIndex('id_number', normalizeIdNumber(idNumber));
    const { data } = await this.entity.query.byIdNumber({ idNumberIndex }).go(ALL_PAGES);
    const first = data[0];
    return first ? this.toRecord(first) : null;
  }

  async listByAgent(agentId: string): Promise<CustomerRecord[]> {
    const { data } = await this.entity.query.byAgent({ agentId }).go(ALL_PAGES);
    return Promise.all(data.map((item) => this.toRecord(item)));
  }

  async put(customer: CustomerRecord): Promise<void> {
    await this.entity.put(await this.toItem(customer)).go();
  }

  /**
   * The customer's replacement as one item of a caller's transaction (a contact change): only if
   * the stored phone is still `phoneBefore`, so two changes of the same contact cannot both win.
   */
  async transactPut(customer: CustomerRecord, phoneBefore: string | null): Promise<TransactItem> {
    const item = await this.toItem(customer);
    const phoneIndexBefore = phoneBefore === null ? null : await this.cipher.blindIndex('phone', phoneBefore);
    return {
      Put: this.entity
        .put(item)
        .where((attr, op) =>
          phoneIndexBefore === null ? op.exists(attr.customerId) : op.eq(attr.phoneIndex, phoneIndexBefore),
        )
        .params() as TransactItem['Put'],
    };
  }

  private async toItem(customer: CustomerRecord) {
    const idNumber = normalizeIdNumber(customer.idNumber);
    const [idNumberCipher, idNumberIndex, phoneCipher, phoneIndex] = await Promise.all([
      this.cipher.encrypt(idNumber),
      this.cipher.blindIndex('id_number', idNumber),
      this.cipher.encrypt(customer.phone),
      this.cipher.blindIndex('phone', customer.phone),
    ]);
    return {
      customerId: customer.customerId,
      name: customer.name,
      idNumberCipher,
      idNumberIndex,
      phoneCipher,
      phoneIndex,
      birthDate: customer.birthDate,
      gender: customer.gender,
      branchId: customer.branchId,
      branchPath: customer.branchPath,
      agentId: orUndefined(customer.agentId),
      address: orUndefined(customer.address),
      email: orUndefined(customer.email),
    };
  }

  private async toRecord(item: CustomerItem): Promise<CustomerRecord> {
    const [idNumber, phone] = await Promise.all([
      this.cipher.decrypt(item.idNumberCipher),
      this.cipher.decrypt(item.phoneCipher),
    ]);
    return {
      customerId: item.customerId,
      name: item.name,
      idNumber,
      phone,
      birthDate: item.birthDate,
      gender: item.gender,
      branchId: item.branchId,
      branchPath: item.branchPath,
      agentId: orNull(item.agentId),
      ...(item.address !== undefined ? { address: item.address } : {}),
      ...(item.email !== undefined ? { email: item.email } : {}),
    };
  }
}

/** The blind index must not depend on how the user typed the check character. */
function normalizeIdNumber(idNumber: string): string {
  return idNumber.trim().toUpperCase();
}

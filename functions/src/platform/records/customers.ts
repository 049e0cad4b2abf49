import type { CustomerRecord } from '@zhixiang/shared/policy/model';
import type { FieldCipher } from '@zhixiang/shared/ports/field-cipher';
import type { CustomerRepository } from '@zhixiang/shared/ports/repositories';
import { PutCommand, type TransactWriteCommandInput } from '../dynamodb/document-client';
import { entityItem, orNull, orUndefined, type TableContext } from '../dynamodb/table';
import { batchGetItems, getItem, type ItemKey, queryEntity, type RawItem } from './point-reads';

/**
 * Customers (投保人 / 被保险人; entity `customer`). The ID number and phone are stored only as
 * ciphertext plus a keyed HMAC blind index, so a lookup by ID number never decrypts anything in
 * bulk. Keys: `pk=CUSTOMER#<customerId>`, `sk=CUSTOMER` (policies, accounts and URLs refer to a
 * customer by id); gsi1 = identity binding and CSV imports find a customer by ID number through
 * its blind index (`gsi1pk=IDNO#<idNumberIndex>`, `gsi1sk=CUSTOMER`); gsi2 = an agent's book of
 * customers (`gsi2pk=AGENT#<agentId>#CUSTOMERS`, `gsi2sk=CUSTOMER#<customerId>`; an unassigned
 * customer carries `gsi2pk=AGENT#`, which no agent id reads).
 */
export function customerKey(customerId: string): ItemKey {
  return { pk: `CUSTOMER#${customerId}`, sk: 'CUSTOMER' };
}

/** The stored attributes of a customer (ciphertext and blind indexes instead of clear values). */
export interface CustomerAttributes {
  customerId: string;
  name: string;
  idNumberCipher: string;
  idNumberIndex: string;
  phoneCipher: string;
  phoneIndex: string;
  birthDate: string;
  gender: CustomerRecord['gender'];
  branchId: string;
  branchPath: string;
  agentId?: string;
  address?: string;
  email?: string;
}

/** The customer item as stored (`record-items.test.ts` holds its exact shape). */
export function customerItem(attributes: CustomerAttributes): RawItem {
  return entityItem('customer', {
    ...attributes,
    ...customerKey(attributes.customerId),
    gsi1pk: `IDNO#${attributes.idNumberIndex}`,
    gsi1sk: 'CUSTOMER',
    gsi2pk: attributes.agentId != null ? `AGENT#${attributes.agentId}#CUSTOMERS` : 'AGENT#',
    gsi2sk: `CUSTOMER#${attributes.customerId}`,
  });
}

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export class DynamoCustomerRepository implements CustomerRepository {
  constructor(
    private readonly ctx: TableContext,
    private readonly cipher: FieldCipher,
  ) {}

  async get(customerId: string): Promise<CustomerRecord | null> {
    const item = await getItem(this.ctx, customerKey(customerId));
    return item ? this.toRecord(item as unknown as CustomerAttributes) : null;
  }

  /** Several customers in one BatchGetItem, by id (a missing one is absent). */
  async getMany(customerIds: readonly string[]): Promise<Map<string, CustomerRecord>> {
    const items = await batchGetItems(this.ctx, customerIds.map(customerKey));
    const records = await Promise.all(
      [...items.values()].map((item) => this.toRecord(item as unknown as CustomerAttributes)),
    );
    return new Map(records.map((record) => [record.customerId, record]));
  }

  async findByIdNumber(idNumber: string): Promise<CustomerRecord | null> {
    const idNumberIndex = await this.cipher.blindIndex('id_number', normalizeIdNumber(idNumber));
    const [first] = await queryEntity(this.ctx, 'customer', {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk = :sk',
      ExpressionAttributeValues: { ':pk': `IDNO#${idNumberIndex}`, ':sk': 'CUSTOMER' },
    });
    return first ? this.toRecord(first as unknown as CustomerAttributes) : null;
  }

  async listByAgent(agentId: string): Promise<CustomerRecord[]> {
    const items = await queryEntity(this.ctx, 'customer', {
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `AGENT#${agentId}#CUSTOMERS`, ':prefix': 'CUSTOMER#' },
    });
    return Promise.all(items.map((item) => this.toRecord(item as unknown as CustomerAttributes)));
  }

  async put(customer: CustomerRecord): Promise<void> {
    await this.ctx.client.send(
      new PutCommand({ TableName: this.ctx.table, Item: customerItem(await this.toItem(customer)) }),
    );
  }

  /**
   * The customer's replacement as one item of a caller's transaction (a contact change): only if
   * the stored phone is still `phoneBefore`, so two changes of the same contact cannot both win.
   */
  async transactPut(customer: CustomerRecord, phoneBefore: string | null): Promise<TransactItem> {
    const item = await this.toItem(customer);
    const phoneIndexBefore = phoneBefore === null ? null : await this.cipher.blindIndex('phone', phoneBefore);
    return {
      Put: {
        TableName: this.ctx.table,
        Item: customerItem(item),
        ...(phoneIndexBefore === null
          ? {
              ConditionExpression: 'attribute_exists(#customerId)',
              ExpressionAttributeNames: { '#customerId': 'customerId' },
            }
          : {
              ConditionExpression: '#phoneIndex = :phoneIndexBefore',
              ExpressionAttributeNames: { '#phoneIndex': 'phoneIndex' },
              ExpressionAttributeValues: { ':phoneIndexBefore': phoneIndexBefore },
            }),
      },
    };
  }

  private async toItem(customer: CustomerRecord): Promise<CustomerAttributes> {
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

  private async toRecord(item: CustomerAttributes): Promise<CustomerRecord> {
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

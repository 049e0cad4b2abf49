import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { PowerOfAttorney } from '@zhixiang/shared/authorisations/power-of-attorney';
import type { AuthorisationRecord, AuthorisationStore } from '@zhixiang/shared/ports/authorisations';
import type { FieldCipher } from '@zhixiang/shared/ports/field-cipher';
import { conditionally, queryAll, type TableContext } from '../../platform/dynamodb/table';

/**
 * Video authorisations in the one table: one item each (`AUTHORISATION#<id>` / `AUTHORISATION`),
 * its power of attorney encrypted as a whole by the field cipher. gsi1 = a customer's
 * authorisations by creation. Key shapes: docs/dynamodb-access-patterns.md.
 */
const key = (authorisationId: string) => ({ pk: `AUTHORISATION#${authorisationId}`, sk: 'AUTHORISATION' });
const byCustomer = (customerId: string) => `AUTHORISATIONS#CUSTOMER#${customerId}`;

type Item = Omit<AuthorisationRecord, 'poa'> & { sealedPoa: string };

export class DynamoAuthorisationStore implements AuthorisationStore {
  constructor(
    private readonly ctx: TableContext,
    private readonly cipher: FieldCipher,
  ) {}

  async get(authorisationId: string): Promise<AuthorisationRecord | null> {
    const { Item: item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: key(authorisationId), ConsistentRead: true }),
    );
    return item ? this.toRecord(item as Item) : null;
  }

  async listByCustomer(customerId: string): Promise<AuthorisationRecord[]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': byCustomer(customerId) },
      ScanIndexForward: false,
    });
    return Promise.all(items.map((item) => this.toRecord(item as Item)));
  }

  async put(record: AuthorisationRecord, expectedVersion: number | null): Promise<boolean> {
    const { poa, ...rest } = record;
    return conditionally(
      this.ctx,
      new PutCommand({
        TableName: this.ctx.table,
        Item: {
          ...key(record.authorisationId),
          gsi1pk: byCustomer(record.customerId),
          gsi1sk: record.createdAt,
          ...rest,
          sealedPoa: await this.cipher.encrypt(JSON.stringify(poa)),
        },
        ...(expectedVersion === null
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              ConditionExpression: '#version = :expected',
              ExpressionAttributeNames: { '#version': 'version' },
              ExpressionAttributeValues: { ':expected': expectedVersion },
            }),
      }),
    );
  }

  async recordPart(authorisationId: string, s3UploadId: string, partNumber: number, etag: string) {
    return conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: key(authorisationId),
        UpdateExpression: 'SET #upload.#parts.#part = :etag',
        ConditionExpression: '#upload.#s3UploadId = :uploadId',
        ExpressionAttributeNames: {
          '#upload': 'videoUpload',
          '#parts': 'parts',
          '#part': String(partNumber),
          '#s3UploadId': 's3UploadId',
        },
        ExpressionAttributeValues: { ':etag': etag, ':uploadId': s3UploadId },
      }),
    );
  }

  private async toRecord(item: Item): Promise<AuthorisationRecord> {
    const { sealedPoa, ...rest } = item;
    const {
      pk: _pk,
      sk: _sk,
      gsi1pk: _g1,
      gsi1sk: _g1s,
      ...record
    } = rest as typeof rest & Record<string, unknown>;
    return {
      ...(record as Omit<AuthorisationRecord, 'poa'>),
      poa: JSON.parse(await this.cipher.decrypt(sealedPoa)) as PowerOfAttorney,
    };
  }
}

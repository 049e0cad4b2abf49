import type {
  BreachWarning,
  StandardAuditEvent,
  StandardStore,
  StoredStandardVersion,
} from '@zhixiang/shared/ports/standards';
import { VERSION_STATUSES, type VersionStatus } from '@zhixiang/shared/standards/model';
import { PutCommand, TransactWriteCommand } from '../../platform/dynamodb/document-client';
import {
  conditionally,
  isConditionalCheckFailed,
  queryAll,
  type TableContext,
  toTtlSeconds,
} from '../../platform/dynamodb/table';

/**
 * The catalogue in the one table. One partition per standard holds its versions
 * (`VERSION#<0001>`, the version as JSON plus its `status` for conditions), the admins' audit
 * events (`AUDIT#<at>#<version>#<step>#<action>`, in the order of the steps) and the warnings of breached cases
 * (`WARNING#<caseId>`, created once). gsi1 = every version of every standard (`STANDARDS`,
 * `<standardId>#<0001>`): the catalogue is a few dozen items, read whole.
 * Key shapes: docs/dynamodb-access-patterns.md.
 */
const standardPk = (standardId: string) => `STANDARD#${standardId}`;
const versionSk = (version: number) => `VERSION#${String(version).padStart(4, '0')}`;
const CATALOGUE = 'STANDARDS';

export class DynamoStandardStore implements StandardStore {
  constructor(private readonly ctx: TableContext) {}

  async listAll(): Promise<StoredStandardVersion[][]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk',
      ExpressionAttributeValues: { ':pk': CATALOGUE },
    });
    const byStandard = new Map<string, StoredStandardVersion[]>();
    for (const item of items) {
      const version = JSON.parse(item.data as string) as StoredStandardVersion;
      const list = byStandard.get(version.standardId) ?? [];
      list.push(version);
      byStandard.set(version.standardId, list);
    }
    return [...byStandard.values()];
  }

  async listVersions(standardId: string): Promise<StoredStandardVersion[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': standardPk(standardId), ':sk': 'VERSION#' },
      ConsistentRead: true,
    });
    return items.map((item) => JSON.parse(item.data as string) as StoredStandardVersion);
  }

  private versionItem(version: StoredStandardVersion) {
    return {
      pk: standardPk(version.standardId),
      sk: versionSk(version.version),
      gsi1pk: CATALOGUE,
      gsi1sk: `${version.standardId}#${String(version.version).padStart(4, '0')}`,
      status: version.status,
      data: JSON.stringify(version),
    };
  }

  private auditPut(audit: StandardAuditEvent) {
    return {
      Put: {
        TableName: this.ctx.table,
        Item: {
          pk: standardPk(audit.standardId),
          sk: `AUDIT#${String(audit.at).padStart(13, '0')}#${String(audit.version).padStart(4, '0')}#${VERSION_STATUSES.indexOf(audit.action as VersionStatus)}#${audit.action}`,
          ...audit,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  private async transact(
    items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>,
  ) {
    try {
      await this.ctx.client.send(new TransactWriteCommand({ TransactItems: items }));
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      throw error;
    }
  }

  create(version: StoredStandardVersion, audit: StandardAuditEvent): Promise<boolean> {
    return this.transact([
      {
        Put: {
          TableName: this.ctx.table,
          Item: this.versionItem(version),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      this.auditPut(audit),
    ]);
  }

  save(version: StoredStandardVersion, expectedStatus: string, audit: StandardAuditEvent): Promise<boolean> {
    return this.transact([
      {
        Put: {
          TableName: this.ctx.table,
          Item: this.versionItem(version),
          ConditionExpression: '#status = :seen',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':seen': expectedStatus },
        },
      },
      this.auditPut(audit),
    ]);
  }

  async listAudit(standardId: string): Promise<StandardAuditEvent[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': standardPk(standardId), ':sk': 'AUDIT#' },
    });
    return items.map(({ standardId: id, version, action, at, actorId, detail }) => ({
      standardId: id as string,
      version: version as number,
      action: action as string,
      at: at as number,
      actorId: actorId as string,
      detail: detail as string,
    }));
  }

  claimNonce(nonce: string, expiresAt: number): Promise<boolean> {
    return conditionally(
      this.ctx,
      new PutCommand({
        TableName: this.ctx.table,
        Item: { pk: `STANDARDSNONCE#${nonce}`, sk: 'NONCE', expiresAt: toTtlSeconds(expiresAt) },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  raiseWarning(warning: BreachWarning): Promise<boolean> {
    return conditionally(
      this.ctx,
      new PutCommand({
        TableName: this.ctx.table,
        Item: { pk: standardPk(warning.standardId), sk: `WARNING#${warning.caseId}`, ...warning },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async listWarnings(standardId: string): Promise<BreachWarning[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': standardPk(standardId), ':sk': 'WARNING#' },
    });
    return items.map(({ standardId: id, caseId, version, branchPath, escalatedTo, raisedAt }) => ({
      standardId: id as string,
      caseId: caseId as string,
      version: version as number,
      branchPath: branchPath as string,
      escalatedTo: (escalatedTo as string | null) ?? null,
      raisedAt: raisedAt as number,
    }));
  }
}

import type {
  AlertPushEntry,
  StandardAlert,
  StandardAuditEvent,
  StandardStore,
  StoredStandardVersion,
} from '@zhixiang/shared/ports/standards';
import { caseKeyOf } from '@zhixiang/shared/standards/measure';
import { VERSION_STATUSES, type VersionStatus } from '@zhixiang/shared/standards/model';
import {
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '../../platform/dynamodb/document-client';
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
 * events (`AUDIT#<at>#<version>#<step>#<action>`, in the order of the steps) and the alerts of its
 * cases (`ALERT#<case key>#<level>`, the case key being `<caseId>#<startAt>` (`caseKeyOf`), created
 * once, with the job's audit event `AUDIT#<at>#<version>#9#alert:<case key>:<level>` and its push
 * outbox entry `ALERTPUSH#<case key>#<level>`
 * in the same transaction; the push, once done, leaves `AUDIT#<at>#<version>#9#alert_pushed:…`). gsi1 = every version of
 * every standard (`STANDARDS`, `<standardId>#<0001>`): the catalogue is a few dozen items, read
 * whole; and every alert by the branch it went to (`STANDARDALERTS`, `<path>/#<raisedAt>#…`), so a
 * subtree's alerts are one `begins_with` on its path; and the pushes due (`STANDARDALERTPUSH`,
 * `<due at>#<standardId>#<case key>#<level>`), oldest first.
 * Key shapes: docs/dynamodb-access-patterns.md.
 */
const standardPk = (standardId: string) => `STANDARD#${standardId}`;
const versionSk = (version: number) => `VERSION#${String(version).padStart(4, '0')}`;
const CATALOGUE = 'STANDARDS';
const ALERTS = 'STANDARDALERTS';
/** An alert's identity: its case (`caseKeyOf`) and level. */
const alertKey = (alert: StandardAlert) => `${caseKeyOf(alert)}#${alert.level}`;
const alertSk = (alert: StandardAlert) => `ALERT#${alertKey(alert)}`;
/** The alerts' push outbox: one entry per alert, on gsi1 by due time until pushed. */
const PUSHES = 'STANDARDALERTPUSH';
const pushSk = (alert: StandardAlert) => `ALERTPUSH#${alertKey(alert)}`;
const pushIndex = (entry: Pick<AlertPushEntry, 'alert' | 'dueAt'>) => ({
  gsi1pk: PUSHES,
  gsi1sk: `${String(entry.dueAt).padStart(13, '0')}#${entry.alert.standardId}#${alertKey(entry.alert)}`,
});

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

  raiseAlert(alert: StandardAlert): Promise<boolean> {
    const at = String(alert.raisedAt).padStart(13, '0');
    return this.transact([
      // The push outbox entry: the alert reaches its listeners exactly when it exists.
      {
        Put: {
          TableName: this.ctx.table,
          Item: this.pushItem({ alert, dueAt: alert.raisedAt, attempts: 0, lastError: null }),
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: this.ctx.table,
          Item: {
            pk: standardPk(alert.standardId),
            sk: alertSk(alert),
            gsi1pk: ALERTS,
            gsi1sk: `${alert.escalatedTo}/#${at}#${alert.standardId}#${alertKey(alert)}`,
            ...alert,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      {
        Put: {
          TableName: this.ctx.table,
          Item: {
            pk: standardPk(alert.standardId),
            sk: `AUDIT#${at}#${String(alert.version).padStart(4, '0')}#9#alert:${caseKeyOf(alert)}:${alert.level}`,
            standardId: alert.standardId,
            version: alert.version,
            action: 'alert',
            at: alert.raisedAt,
            actorId: 'system',
            detail: `${alert.caseId} 第 ${alert.level} 级 → ${alert.escalatedTo}`,
          } satisfies StandardAuditEvent & Record<string, unknown>,
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ]);
  }

  private pushItem(entry: AlertPushEntry): Record<string, unknown> {
    const { alert } = entry;
    return {
      pk: standardPk(alert.standardId),
      sk: pushSk(alert),
      ...pushIndex(entry),
      entity: 'standardAlertPush',
      alert,
      dueAt: entry.dueAt,
      attempts: entry.attempts,
      lastError: entry.lastError,
    };
  }

  async listDueAlertPushes(now: number, limit: number): Promise<AlertPushEntry[]> {
    const page = await this.ctx.client.send(
      new QueryCommand({
        TableName: this.ctx.table,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :due',
        ExpressionAttributeValues: { ':pk': PUSHES, ':due': `${String(now).padStart(13, '0')}#\uffff` },
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map((item) => ({
      alert: item.alert as StandardAlert,
      dueAt: item.dueAt as number,
      attempts: item.attempts as number,
      lastError: (item.lastError as string | null | undefined) ?? null,
    }));
  }

  claimAlertPush(entry: AlertPushEntry, now: number, leaseUntil: number): Promise<boolean> {
    const held = { ...entry, dueAt: leaseUntil };
    return conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: { pk: standardPk(entry.alert.standardId), sk: pushSk(entry.alert) },
        UpdateExpression: 'SET dueAt = :lease, gsi1sk = :sk',
        ConditionExpression: 'dueAt = :seen AND dueAt <= :now',
        ExpressionAttributeValues: {
          ':lease': leaseUntil,
          ':sk': pushIndex(held).gsi1sk,
          ':seen': entry.dueAt,
          ':now': now,
        },
      }),
    );
  }

  completeAlertPush(
    entry: AlertPushEntry,
    leaseUntil: number,
    pushedAt: number,
    detail: string,
  ): Promise<boolean> {
    const { alert } = entry;
    const at = String(pushedAt).padStart(13, '0');
    return this.transact([
      {
        Delete: {
          TableName: this.ctx.table,
          Key: { pk: standardPk(alert.standardId), sk: pushSk(alert) },
          ConditionExpression: 'dueAt = :lease',
          ExpressionAttributeValues: { ':lease': leaseUntil },
        },
      },
      {
        Put: {
          TableName: this.ctx.table,
          Item: {
            pk: standardPk(alert.standardId),
            sk: `AUDIT#${at}#${String(alert.version).padStart(4, '0')}#9#alert_pushed:${caseKeyOf(alert)}:${alert.level}`,
            standardId: alert.standardId,
            version: alert.version,
            action: 'alert_pushed',
            at: pushedAt,
            actorId: 'system',
            detail,
          } satisfies StandardAuditEvent & Record<string, unknown>,
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ]);
  }

  async recordAlertPushFailure(
    entry: AlertPushEntry,
    leaseUntil: number,
    reason: string,
    retryAt: number | null,
  ): Promise<void> {
    const next = { ...entry, attempts: entry.attempts + 1, lastError: reason, dueAt: retryAt ?? leaseUntil };
    await conditionally(
      this.ctx,
      new UpdateCommand({
        TableName: this.ctx.table,
        Key: { pk: standardPk(entry.alert.standardId), sk: pushSk(entry.alert) },
        // Given up: off the due index, kept with its last error (the operators' alarm has the log line).
        UpdateExpression:
          retryAt === null
            ? 'SET attempts = :attempts, lastError = :reason, pushStatus = :failed REMOVE gsi1pk, gsi1sk'
            : 'SET attempts = :attempts, lastError = :reason, dueAt = :due, gsi1sk = :sk',
        ConditionExpression: 'dueAt = :lease',
        ExpressionAttributeValues: {
          ':attempts': next.attempts,
          ':reason': reason,
          ':lease': leaseUntil,
          ...(retryAt === null
            ? { ':failed': 'failed' }
            : { ':due': retryAt, ':sk': pushIndex(next).gsi1sk }),
        },
      }),
    );
  }

  async listAlerts(standardId: string): Promise<StandardAlert[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :sk)',
      ExpressionAttributeValues: { ':pk': standardPk(standardId), ':sk': 'ALERT#' },
    });
    return items.map(toAlert);
  }

  async listAlertsTo(path: string, fromMs: number, toMs: number): Promise<StandardAlert[]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi1',
      KeyConditionExpression: path ? 'gsi1pk = :pk AND begins_with(gsi1sk, :path)' : 'gsi1pk = :pk',
      FilterExpression: 'raisedAt >= :from AND raisedAt < :to',
      ExpressionAttributeValues: {
        ':pk': ALERTS,
        ':from': fromMs,
        ':to': toMs,
        ...(path ? { ':path': `${path}/` } : {}),
      },
    });
    return items.map(toAlert);
  }
}

function toAlert(item: Record<string, unknown>): StandardAlert {
  return {
    standardId: item.standardId as string,
    caseId: item.caseId as string,
    version: item.version as number,
    level: item.level as number,
    branchPath: item.branchPath as string,
    escalatedTo: item.escalatedTo as string,
    policyNo: (item.policyNo as string | null | undefined) ?? null,
    startAt: item.startAt as number,
    raisedAt: item.raisedAt as number,
  };
}

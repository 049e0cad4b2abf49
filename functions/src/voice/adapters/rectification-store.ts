import type { RectificationRecord, RectificationStore } from '@zhixiang/shared/ports/voice';
import { GetCommand, PutCommand } from '../../platform/dynamodb/document-client';
import { conditionally, queryAll, type TableContext } from '../../platform/dynamodb/table';

/**
 * Rectification tasks (整改): `RECTIFICATION#<id>` / `TASK`. On gsi2 under `VOICE#RECTIFICATIONS`
 * by the opener's branch path then time (a subtree is one `begins_with`); on gsi1 under
 * `VOICE#RECTIFICATIONS#OPEN` by due date while open (the overdue ones are one range query; the
 * entry goes when the task closes). Key shapes: docs/dynamodb-access-patterns.md.
 */
const taskKey = (rectificationId: string) => ({ pk: `RECTIFICATION#${rectificationId}`, sk: 'TASK' });
const ALL = 'VOICE#RECTIFICATIONS';
const OPEN = 'VOICE#RECTIFICATIONS#OPEN';

function taskItem(task: RectificationRecord): Record<string, unknown> {
  return {
    ...taskKey(task.rectificationId),
    entity: 'rectification',
    ...task,
    ...(task.status === 'open' ? { gsi1pk: OPEN, gsi1sk: `${task.dueDate}#${task.rectificationId}` } : {}),
    gsi2pk: ALL,
    gsi2sk: `${task.branchPath}#${task.openedAt}#${task.rectificationId}`,
  };
}

function toTask(item: Record<string, unknown>): RectificationRecord {
  const { pk: _pk, sk: _sk, entity: _e, gsi1pk: _a, gsi1sk: _b, gsi2pk: _c, gsi2sk: _d, ...rest } = item;
  return rest as unknown as RectificationRecord;
}

export class DynamoRectificationStore implements RectificationStore {
  constructor(private readonly ctx: TableContext) {}

  create(task: RectificationRecord): Promise<boolean> {
    return conditionally(
      this.ctx,
      new PutCommand({
        TableName: this.ctx.table,
        Item: taskItem(task),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async get(rectificationId: string): Promise<RectificationRecord | null> {
    const { Item } = await this.ctx.client.send(
      new GetCommand({ TableName: this.ctx.table, Key: taskKey(rectificationId), ConsistentRead: true }),
    );
    return Item ? toTask(Item) : null;
  }

  save(task: RectificationRecord): Promise<boolean> {
    return conditionally(
      this.ctx,
      new PutCommand({
        TableName: this.ctx.table,
        Item: taskItem(task),
        ConditionExpression: 'version = :expected',
        ExpressionAttributeValues: { ':expected': task.version - 1 },
      }),
    );
  }

  async listInSubtree(branchPath: string): Promise<RectificationRecord[]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi2',
      KeyConditionExpression: branchPath ? 'gsi2pk = :pk AND begins_with(gsi2sk, :prefix)' : 'gsi2pk = :pk',
      ExpressionAttributeValues: { ':pk': ALL, ...(branchPath ? { ':prefix': branchPath } : {}) },
    });
    return items
      .map(toTask)
      .filter((t) => !branchPath || t.branchPath === branchPath || t.branchPath.startsWith(`${branchPath}/`))
      .sort((a, b) => b.openedAt.localeCompare(a.openedAt));
  }

  async listOverdue(date: string): Promise<RectificationRecord[]> {
    const items = await queryAll(this.ctx, {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk < :date',
      ExpressionAttributeValues: { ':pk': OPEN, ':date': date },
    });
    return items.map(toTask);
  }
}

import type { AttachmentOwner, AttachmentView, AttachmentViewLog } from '@zhixiang/shared/ports/attachments';
import { TransactWriteCommand } from '../dynamodb/document-client';
import { queryAll, type TableContext } from '../dynamodb/table';

/** The owner's own partition: a complaint's or a rectification task's. */
const ownerPk = (owner: AttachmentOwner) =>
  owner.kind === 'complaint' ? `COMPLAINT#${owner.complaintId}` : `RECTIFICATION#${owner.rectificationId}`;

/**
 * Views of attached files (a complaint's photos, a rectification's evidence): one item per file and
 * reading, `FILEVIEW#<at>#<user>#<file no>` in the record's own partition, never expired (the audit
 * lives as long as the record). Key shapes: docs/dynamodb-access-patterns.md.
 */
export class DynamoAttachmentViewLog implements AttachmentViewLog {
  constructor(private readonly ctx: TableContext) {}

  async record(owner: AttachmentOwner, views: readonly AttachmentView[]): Promise<void> {
    if (views.length === 0) return;
    const pk = ownerPk(owner);
    // One transaction: a reading's views are recorded together or not at all.
    await this.ctx.client.send(
      new TransactWriteCommand({
        TransactItems: views.map((v) => ({
          Put: {
            TableName: this.ctx.table,
            Item: {
              pk,
              sk: `FILEVIEW#${v.at}#${v.byUserId}#${String(v.fileNo).padStart(2, '0')}`,
              entity: 'attachmentView',
              ...v,
            },
          },
        })),
      }),
    );
  }

  async list(owner: AttachmentOwner): Promise<AttachmentView[]> {
    const items = await queryAll(this.ctx, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :view)',
      ExpressionAttributeValues: { ':pk': ownerPk(owner), ':view': 'FILEVIEW#' },
      ConsistentRead: true,
    });
    return items.map(({ pk: _pk, sk: _sk, entity: _e, ...rest }) => rest as unknown as AttachmentView);
  }
}

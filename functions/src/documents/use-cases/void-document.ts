import type { DocumentRecord } from '@zhixiang/shared/documents/model';
import { AppError } from '@zhixiang/shared/errors';
import { auditEvent, DOCUMENT_NOT_FOUND_MESSAGE, type DocumentDeps } from './document-deps';

export const VOID_REASON_REQUIRED_MESSAGE = '作废须写明原因（2 至 200 个字）';

/**
 * Voids an issued document (a 批单 issued in error, an application withdrawn outside the app): it
 * keeps its file and record, becomes `voided` with the reason and time, the audit trail records
 * who voided it, and the public verification answers 「已作废」 with both from then on.
 * An operator's act (the admin CLI), never a customer's.
 */
export async function voidDocument(
  deps: Pick<DocumentDeps, 'repositories' | 'now'>,
  input: { documentId: string; reason: string; byUserId: string },
): Promise<DocumentRecord> {
  const reason = input.reason.trim();
  if ([...reason].length < 2 || [...reason].length > 200)
    throw new AppError('VALIDATION_FAILED', VOID_REASON_REQUIRED_MESSAGE, { field: 'reason' });
  const document = await deps.repositories.documents.get(input.documentId);
  if (!document) throw new AppError('NOT_FOUND', DOCUMENT_NOT_FOUND_MESSAGE);
  const now = deps.now();
  return deps.repositories.documents.voidDocument({
    documentId: document.documentId,
    voided: { reason, at: now, byUserId: input.byUserId },
    event: auditEvent(document, 'voided', null, now, {
      detail: `作废原因：${reason}（操作人 ${input.byUserId}）`,
    }),
  });
}

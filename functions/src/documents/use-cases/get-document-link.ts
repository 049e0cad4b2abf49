import { DOCUMENT_LINK_SECONDS } from '@zhixiang/shared/documents/model';
import type { DocumentLinkResponse } from '@zhixiang/shared/documents/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { type Actor, auditEvent, type DocumentDeps, loadOpenableDocument } from './document-deps';

/** A presigned GET (≤ 5 minutes) of the sealed PDF, recorded as `downloaded`. */
export async function getDocumentLink(
  deps: Pick<DocumentDeps, 'repositories' | 'files' | 'now'>,
  actor: Actor,
  documentId: string,
): Promise<DocumentLinkResponse> {
  const document = await loadOpenableDocument(deps, actor.claims, documentId);
  if (!document.sealed) throw new AppError('CONFLICT', '该申请书尚未签署，签署后即可查看 PDF');
  const now = deps.now();
  const url = await deps.files.pdfLink(document.sealed.key, `${document.documentId}.pdf`);
  await deps.repositories.documents.appendEvent(auditEvent(document, 'downloaded', actor, now));
  return { url, expiresAt: new Date(now + DOCUMENT_LINK_SECONDS * 1000).toISOString() };
}

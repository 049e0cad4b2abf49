import type { AuditTrailResponse } from '@zhixiang/shared/documents/schemas';
import { toAuditEventView } from '@zhixiang/shared/documents/view';
import { type Actor, type DocumentDeps, loadOpenableDocument } from './document-deps';

/** A document's audit trail, oldest first. */
export async function getDocumentAuditTrail(
  deps: Pick<DocumentDeps, 'repositories'>,
  actor: Actor,
  documentId: string,
): Promise<AuditTrailResponse> {
  const document = await loadOpenableDocument(deps, actor.claims, documentId);
  const events = await deps.repositories.documents.listEvents(documentId);
  return { documentId, events: events.map((event) => toAuditEventView(event, document.kind)) };
}

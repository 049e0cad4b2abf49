import { DOCUMENT_LINK_SECONDS, documentKeys } from '@zhixiang/shared/documents/model';
import type { DocumentLinkResponse } from '@zhixiang/shared/documents/schemas';
import { type Actor, type DocumentDeps, loadOpenableDocument } from './document-deps';

/** The trail as a one-page, insurer-sealed audit certificate PDF, behind a presigned GET (≤ 5 min). */
export async function exportAuditCertificate(
  deps: Pick<DocumentDeps, 'repositories' | 'files' | 'signingKey' | 'pdf' | 'brand' | 'now'>,
  actor: Actor,
  documentId: string,
): Promise<DocumentLinkResponse> {
  const document = await loadOpenableDocument(deps, actor.claims, documentId);
  const [events, signingKey] = await Promise.all([
    deps.repositories.documents.listEvents(documentId),
    deps.signingKey.get(),
  ]);
  const now = deps.now();
  const { pdf, sealRect } = await deps.pdf.renderAuditCertificate(document, events, deps.brand, now);
  const { sealed } = await deps.pdf.sealPdf(pdf, signingKey, {
    widgetRect: sealRect,
    signingTime: new Date(now),
  });
  const key = documentKeys.auditCertificate(documentId, now);
  await deps.files.put(key, sealed, 'application/pdf');
  const url = await deps.files.pdfLink(key, `${documentId}-审计证书.pdf`);
  return { url, expiresAt: new Date(now + DOCUMENT_LINK_SECONDS * 1000).toISOString() };
}

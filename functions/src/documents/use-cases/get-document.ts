import { signerOf } from '@zhixiang/shared/documents/model';
import type { DocumentDetail } from '@zhixiang/shared/documents/schemas';
import { toDocumentDetail } from '@zhixiang/shared/documents/view';
import { AppError } from '@zhixiang/shared/errors';
import {
  type Actor,
  auditEvent,
  canHostSigning,
  type DocumentDeps,
  loadOpenableDocument,
} from './document-deps';

/**
 * One document as its content preview (exactly what is signed), recorded as `viewed`. While it
 * awaits signature, it also says whether the holder's identity is verified for its purpose, so
 * the signing screen can send them to verification before they draw.
 */
export async function getDocument(
  deps: Pick<DocumentDeps, 'repositories' | 'identityProofs' | 'now'>,
  actor: Actor,
  documentId: string,
): Promise<DocumentDetail> {
  const document = await loadOpenableDocument(deps, actor.claims, documentId);
  const now = deps.now();
  const canSign = canHostSigning(actor.claims, document);
  const [identityVerified] = await Promise.all([
    canSign
      ? deps.identityProofs
          .requireVerified({ customerId: signerOf(document).customerId, purpose: document.purpose, now })
          .then(
            () => true,
            (error: unknown) => {
              if (error instanceof AppError) return false;
              throw error;
            },
          )
      : Promise.resolve(document.status === 'signed'),
    deps.repositories.documents.appendEvent(auditEvent(document, 'viewed', actor, now)),
  ]);
  return toDocumentDetail(document, { canSign, identityVerified });
}

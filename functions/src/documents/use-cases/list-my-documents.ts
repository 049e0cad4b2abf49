import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { DocumentListResponse } from '@zhixiang/shared/documents/schemas';
import { toDocumentSummary } from '@zhixiang/shared/documents/view';
import { AppError } from '@zhixiang/shared/errors';
import type { DocumentDeps } from './document-deps';

/** 我的批单: the signed-in policyholder's documents, newest first (awaiting signature included). */
export async function listMyDocuments(
  deps: Pick<DocumentDeps, 'repositories'>,
  claims: AccessClaims,
): Promise<DocumentListResponse> {
  if (claims.role !== 'customer') throw new AppError('FORBIDDEN', '「我的批单」仅供投保人本人查看');
  if (!claims.customerId) throw new AppError('FORBIDDEN', '请先完成身份绑定，再查看您的批单');
  const documents = await deps.repositories.documents.listByHolder(claims.customerId);
  return { documents: documents.map(toDocumentSummary) };
}

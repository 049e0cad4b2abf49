import type { SignatureFact } from '@zhixiang/shared/home/todos';
import type { DocumentRepository } from '@zhixiang/shared/ports/documents';

/**
 * The documents this customer signs — their applications as policyholder and their consents as
 * the insured — as the facts of the home's signature to-dos: one Query of their partition.
 */
export async function signatureFactsOf(
  deps: { repositories: { documents: Pick<DocumentRepository, 'listByHolder'> } },
  customerId: string,
): Promise<SignatureFact[]> {
  const documents = await deps.repositories.documents.listByHolder(customerId);
  return documents.map((document) => ({
    documentId: document.documentId,
    ...(document.kind ? { kind: document.kind } : {}),
    status: document.status,
    ...(document.signerRole ? { signerRole: document.signerRole } : {}),
    changeType: document.changeType,
    policyNo: document.policyNo,
    productName: document.productName,
  }));
}

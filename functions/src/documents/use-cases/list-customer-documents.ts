import { canOpenDocument, canViewCustomer } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { DocumentListResponse } from '@zhixiang/shared/documents/schemas';
import { toDocumentSummary } from '@zhixiang/shared/documents/view';
import { AppError } from '@zhixiang/shared/errors';
import { CUSTOMER_NOT_FOUND_MESSAGE } from '../../policies/use-cases/list-customer-policies';
import type { DocumentDeps } from './document-deps';

/**
 * A policyholder's documents for the people who serve them: the assigned agent (who may host the
 * signing screen for the customer present), staff (documents of policies in their subtree), admins.
 */
export async function listCustomerDocuments(
  deps: Pick<DocumentDeps, 'repositories'>,
  claims: AccessClaims,
  customerId: string,
): Promise<DocumentListResponse> {
  if (claims.role === 'customer') throw new AppError('FORBIDDEN', '请在「我的批单」中查看您的批单');
  const customer = await deps.repositories.customers.get(customerId);
  if (!customer || !canViewCustomer(claims, customer))
    throw new AppError('NOT_FOUND', CUSTOMER_NOT_FOUND_MESSAGE, {
      logMessage: `customer ${customerId} not found or not visible to ${claims.sub}`,
    });
  const documents = await deps.repositories.documents.listByHolder(customerId);
  return {
    documents: documents
      .filter((document) =>
        canOpenDocument(claims, {
          holderId: customerId,
          holderAgentId: customer.agentId,
          branchPath: document.branchPath,
        }),
      )
      .map(toDocumentSummary),
  };
}

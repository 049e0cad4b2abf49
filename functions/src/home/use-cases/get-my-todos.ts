import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type { MyTodosResponse } from '@zhixiang/shared/home/schemas';
import { BENEFIT_DUE_WITHIN_DAYS, customerTodos } from '@zhixiang/shared/home/todos';
import type { CallbackBookingRepository } from '@zhixiang/shared/ports/callback-bookings';
import type { DocumentRepository } from '@zhixiang/shared/ports/documents';
import type { HandoffStore } from '@zhixiang/shared/ports/handoffs';
import type { IdentityUploadStore } from '@zhixiang/shared/ports/identity-verifications';
import type { LetterStore } from '@zhixiang/shared/ports/letters';
import type { MessageStore } from '@zhixiang/shared/ports/notifications';
import { handoffFactOf } from '../../assistant/use-cases/get-latest-handoff';
import { signatureFactsOf } from '../../documents/use-cases/signature-facts';
import { idDocumentFactOf } from '../../identity/use-cases/id-document-fact';
import { unreadLettersOf } from '../../letters/use-cases/list-letters';
import { resultFactsOf } from '../../notifications/use-cases/result-facts';
import { customerPolicyFactsOf, withInsuredBirthDates } from '../../policies/use-cases/customer-policy-facts';
import type { PolicyReadRepositories } from '../../policies/use-cases/policy-view-loader';
import { withBookings } from './callback-facts';

export interface HomeDeps {
  repositories: Pick<PolicyReadRepositories, 'policies' | 'products' | 'customers'> & {
    callbackBookings: Pick<CallbackBookingRepository, 'getBookings'>;
    documents: Pick<DocumentRepository, 'listByHolder'>;
    handoffs: Pick<HandoffStore, 'latestOfCustomer'>;
  };
  letters: Pick<LetterStore, 'listByCustomer'>;
  identityUploads: Pick<IdentityUploadStore, 'listIdCardChecks'>;
  messages: Pick<MessageStore, 'listUnread'>;
  now: () => number;
}

/**
 * The signed-in customer's to-dos, most urgent first. Each context answers its own query, every
 * one partitioned by this customer: their policies (two Queries), documents, letters, latest
 * handoff, ID card checks and unread messages (one Query each) at once, then, at once, one
 * BatchGetItem of the callback bookings of the policies in their cooling-off period and one of the
 * insureds of the policies whose product pays scheduled benefits and whose anniversary is within
 * the benefit to-do's 30 days (none otherwise) — a bounded number of requests whatever the policy
 * count.
 * A customer who has not bound their identity yet has nothing to do here.
 */
export async function getMyTodos(deps: HomeDeps, claims: AccessClaims): Promise<MyTodosResponse> {
  if (claims.role !== 'customer') throw new AppError('FORBIDDEN', '待办事项仅供客户本人查看');
  const today = todayInShanghai(new Date(deps.now()));
  const customerId = claims.customerId;
  if (!customerId) return { today, todos: [] };
  const [policies, documents, letters, handoff, idDocument, results] = await Promise.all([
    customerPolicyFactsOf(deps, customerId),
    signatureFactsOf(deps, customerId),
    unreadLettersOf(deps, customerId),
    handoffFactOf(deps, customerId),
    idDocumentFactOf(deps, customerId),
    resultFactsOf(deps, customerId),
  ]);
  const [callbacks, benefits] = await Promise.all([
    withBookings(deps, policies.callbacks, today),
    withInsuredBirthDates(deps, policies.benefits, today, BENEFIT_DUE_WITHIN_DAYS),
  ]);
  return {
    today,
    todos: customerTodos(
      {
        documents,
        callbacks,
        premiums: policies.premiums,
        loans: policies.loans,
        benefits,
        idDocument,
        letters,
        handoff,
        results,
      },
      today,
    ),
  };
}

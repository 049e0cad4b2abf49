import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { LettersFact } from '@zhixiang/shared/home/todos';
import { type LetterRecord, paperSaved } from '@zhixiang/shared/letters/model';
import type { LetterListResponse, LetterSummary } from '@zhixiang/shared/letters/schemas';
import type { LetterStore } from '@zhixiang/shared/ports/letters';
import type { CustomerRepository } from '@zhixiang/shared/ports/repositories';
import { visibleCustomer } from './letter-customer';

export function letterSummary(letter: LetterRecord): LetterSummary {
  return {
    letterId: letter.letterId,
    letterType: letter.letterType,
    title: letter.title,
    policyNo: letter.policyNo,
    issuedAt: new Date(letter.issuedAt).toISOString(),
    read: letter.readAt !== null,
    paperCopy: letter.paperCopy,
  };
}

/** 我的信函: the customer's letters, newest first, unread count and the paper they saved. */
export async function listLetters(
  deps: { letters: Pick<LetterStore, 'listByCustomer'>; customers: Pick<CustomerRepository, 'get'> },
  claims: AccessClaims,
  customerId: string,
): Promise<LetterListResponse> {
  await visibleCustomer(deps.customers, claims, customerId);
  const letters = await deps.letters.listByCustomer(customerId);
  return {
    letters: letters.map(letterSummary),
    unread: letters.filter((letter) => letter.readAt === null).length,
    paperSaved: paperSaved(letters),
  };
}

/** The customer's unread letters, as the fact of the home's letters to-do: one Query of their partition. */
export async function unreadLettersOf(
  deps: { letters: Pick<LetterStore, 'listByCustomer'> },
  customerId: string,
): Promise<LettersFact> {
  const unread = (await deps.letters.listByCustomer(customerId)).filter((letter) => letter.readAt === null);
  return { unread: unread.length, newestUnreadTitle: unread[0]?.title ?? null };
}

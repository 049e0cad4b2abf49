import { canViewCustomer } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { LETTER_TYPE_NAMES, type LetterRecord } from '@zhixiang/shared/letters/model';
import type { LetterDetail } from '@zhixiang/shared/letters/schemas';
import type { LetterStore } from '@zhixiang/shared/ports/letters';
import type { CustomerRepository } from '@zhixiang/shared/ports/repositories';
import type { DocumentFiles } from '../../documents/adapters/document-files';
import { letterSummary } from './list-letters';

export const LETTER_NOT_FOUND_MESSAGE = '未找到该信函';

export interface GetLetterDeps {
  letters: Pick<LetterStore, 'get' | 'markRead'>;
  customers: Pick<CustomerRepository, 'get'>;
  files: Pick<DocumentFiles, 'pdfLink'>;
  now: () => number;
}

/** The letter's content and a five-minute PDF link; marks it read when its customer opens it. */
export async function letterDetail(
  deps: Pick<GetLetterDeps, 'files'>,
  letter: LetterRecord,
  read: boolean,
): Promise<LetterDetail> {
  return {
    ...letterSummary(letter),
    read,
    greeting: letter.content.greeting,
    paragraphs: letter.content.paragraphs,
    facts: letter.content.facts,
    documentId: letter.documentId,
    pages: letter.pages,
    pdfUrl: await deps.files.pdfLink(
      letter.fileKey,
      `${LETTER_TYPE_NAMES[letter.letterType]}-${letter.letterId}.pdf`,
    ),
  };
}

/** One letter for its customer, their agent, staff of their branch subtree; anyone else 404. */
export async function getLetter(
  deps: GetLetterDeps,
  claims: AccessClaims,
  letterId: string,
): Promise<LetterDetail> {
  const letter = await deps.letters.get(letterId);
  const customer = letter ? await deps.customers.get(letter.customerId) : null;
  if (!letter || !customer || !canViewCustomer(claims, customer)) {
    throw new AppError('NOT_FOUND', LETTER_NOT_FOUND_MESSAGE, {
      logMessage: `letter ${letterId} not found or not visible to ${claims.sub}`,
    });
  }
  // Only the customer's own opening counts as read; an agent or staff member looking does not.
  const readNow =
    claims.role === 'customer' &&
    letter.readAt === null &&
    (await deps.letters.markRead(letterId, deps.now()));
  return letterDetail(deps, letter, letter.readAt !== null || readNow);
}

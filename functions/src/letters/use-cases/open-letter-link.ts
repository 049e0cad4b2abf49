import { AppError } from '@zhixiang/shared/errors';
import type { LetterDetail } from '@zhixiang/shared/letters/schemas';
import type { LetterStore } from '@zhixiang/shared/ports/letters';
import type { DocumentFiles } from '../../documents/adapters/document-files';
import type { LetterLinks } from '../adapters/letter-links';
import { letterDetail } from './get-letter';

export const LINK_EXPIRED_MESSAGE = '该信函链接已过期，请登录小程序在「我的信函」中查看';
export const LINK_INVALID_MESSAGE = '该信函链接无效，请核对链接或登录小程序在「我的信函」中查看';

/**
 * A letter opened from the link of an SMS or a WeChat message, without signing in: the link is
 * the proof. The first open marks the letter read and counts "opened" in the delivery funnel of
 * the notice that carried the link — and "delivered" too unless WeChat reported the delivery
 * first: an open implies delivery, so opened never exceeds delivered. Stamps and counts are one
 * transaction, so a failure between them cannot lose or double a count.
 */
export async function openLetterLink(
  deps: {
    links: Pick<LetterLinks, 'check'>;
    letters: Pick<LetterStore, 'get' | 'markRead' | 'recordReached'>;
    files: Pick<DocumentFiles, 'pdfLink'>;
    now: () => number;
  },
  token: string,
): Promise<LetterDetail> {
  const check = await deps.links.check(token);
  if (check.status === 'expired') throw new AppError('NOT_FOUND', LINK_EXPIRED_MESSAGE, { field: 'token' });
  if (check.status === 'forged') throw new AppError('NOT_FOUND', LINK_INVALID_MESSAGE, { field: 'token' });
  const letter = await deps.letters.get(check.letterId);
  if (!letter)
    throw new AppError('NOT_FOUND', LINK_INVALID_MESSAGE, { logMessage: `letter ${check.letterId} gone` });
  const now = deps.now();
  await deps.letters.recordReached(letter.letterId, now, true, letter.funnelRef);
  if (letter.readAt === null) await deps.letters.markRead(letter.letterId, now);
  return letterDetail(deps, letter, true);
}

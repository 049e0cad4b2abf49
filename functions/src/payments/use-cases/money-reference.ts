import { randomBytes } from 'node:crypto';
import { todayInShanghai } from '@zhixiang/shared/format/dates';

/**
 * Our numbers for money: `RP` (a repayment's WeChat Pay order), `PO` (a payout instruction) or
 * `RD` (a repayment's debit instruction to the billing system) +
 * the Shanghai date + 12 random letters and digits (no 0/O, 1/I): unique, 22 characters.
 */
export function newMoneyReference(prefix: 'RP' | 'PO' | 'RD', now: number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const random = [...randomBytes(12)].map((b) => alphabet[b % alphabet.length]).join('');
  return `${prefix}${todayInShanghai(new Date(now)).replaceAll('-', '')}${random}`;
}

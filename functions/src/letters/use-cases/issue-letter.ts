import { createHash } from 'node:crypto';
import type { Brand } from '@zhixiang/shared/brand';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import { DEFAULT_LETTER_DELIVERY, type LetterRecord, type LetterType } from '@zhixiang/shared/letters/model';
import { composeLetter, type LetterFacts } from '@zhixiang/shared/letters/templates';
import type { LetterStore, LetterSubscriptionStore } from '@zhixiang/shared/ports/letters';
import type { DocumentFiles } from '../../documents/adapters/document-files';

export interface IssueLetterDeps {
  letters: LetterStore;
  subscriptions: Pick<LetterSubscriptionStore, 'get'>;
  files: Pick<DocumentFiles, 'put'>;
  render: (letter: {
    letterId: string;
    content: ReturnType<typeof composeLetter>;
    issuedAt: number;
  }) => Promise<{
    pdf: Uint8Array;
    pages: number;
  }>;
  brand: Brand;
  now: () => number;
}

export interface IssueLetterInput {
  customerId: string;
  policyNo: string;
  letterType: LetterType;
  facts: LetterFacts;
  /** The event this letter answers (e.g. `endorsement.effective:<eventId>`): the same source issues one letter. */
  sourceKey: string;
  documentId?: string;
  /**
   * When the letter counts as issued (default now). The notice outbox passes the notice's own
   * time, so a retry on another day finds the letter of the first attempt instead of issuing a second.
   */
  issuedAt?: number;
}

/** `LT` + the Shanghai issue date + 8 hex characters of the source key: stable per source. */
export function letterIdFor(sourceKey: string, issuedAt: number): string {
  const day = todayInShanghai(new Date(issuedAt)).replaceAll('-', '');
  return `LT${day}${createHash('sha256').update(sourceKey).digest('hex').slice(0, 8).toUpperCase()}`;
}

export const letterFileKey = (customerId: string, letterId: string) =>
  `letters/${customerId}/${letterId}.pdf`;

/**
 * Issues one e-letter (电子信函): composes it from its template, renders the PDF into S3 and records
 * it in 我的信函. The customer's subscription decides whether a paper copy is still mailed (the
 * postal run reads `paperCopy`). The endorsement outbox consumer (`deliver-endorsement-events.ts`) calls
 * this on `endorsement.effective` with `letterType: 'endorsement_confirmation'` and the document id;
 * a repeated event issues nothing new.
 */
export async function issueLetter(
  deps: IssueLetterDeps,
  input: IssueLetterInput,
): Promise<{ letter: LetterRecord; created: boolean }> {
  const issuedAt = input.issuedAt ?? deps.now();
  const letterId = letterIdFor(input.sourceKey, issuedAt);
  const existing = await deps.letters.get(letterId);
  if (existing) return { letter: existing, created: false };
  const subscription = await deps.subscriptions.get(input.customerId, input.letterType);
  const content = composeLetter(input.letterType, input.facts, deps.brand);
  const rendered = await deps.render({ letterId, content, issuedAt });
  const fileKey = letterFileKey(input.customerId, letterId);
  await deps.files.put(fileKey, rendered.pdf, 'application/pdf');
  const letter: LetterRecord = {
    letterId,
    customerId: input.customerId,
    policyNo: input.policyNo,
    letterType: input.letterType,
    title: content.title,
    content,
    fileKey,
    pages: rendered.pages,
    paperCopy: (subscription?.delivery ?? DEFAULT_LETTER_DELIVERY) !== 'electronic',
    documentId: input.documentId ?? null,
    issuedAt,
    readAt: null,
  };
  const created = await deps.letters.create(letter);
  return { letter: created ? letter : ((await deps.letters.get(letterId)) ?? letter), created };
}

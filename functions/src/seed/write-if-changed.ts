import { isDeepStrictEqual } from 'node:util';

/**
 * Idempotent writes for the seed and the CSV imports. Encrypted fields get a fresh IV on every
 * write, so "write the same thing again" would still change the stored item; comparing the
 * decrypted records first is what makes a second run change nothing at all.
 */
export type WriteOutcome = 'created' | 'updated' | 'unchanged';

export interface WriteTally {
  created: number;
  updated: number;
  unchanged: number;
}

export const emptyTally = (): WriteTally => ({ created: 0, updated: 0, unchanged: 0 });

export interface WriteIfChangedOptions<T> {
  load: () => Promise<T | null>;
  save: (record: T, existing: T | null) => Promise<unknown>;
  /** Fields that are state of the live system (e.g. a policy's version), ignored when comparing. */
  ignore?: ReadonlyArray<keyof T>;
  /** When true an existing record is never touched: it may have been changed by the live system since. */
  createOnly?: boolean;
}

export async function writeIfChanged<T extends object>(
  desired: T,
  options: WriteIfChangedOptions<T>,
): Promise<WriteOutcome> {
  const existing = await options.load();
  if (existing && options.createOnly) return 'unchanged';
  if (
    existing &&
    isDeepStrictEqual(comparable(existing, options.ignore), comparable(desired, options.ignore))
  )
    return 'unchanged';
  await options.save(desired, existing);
  return existing ? 'updated' : 'created';
}

function comparable<T extends object>(record: T, ignore: ReadonlyArray<keyof T> = []): Partial<T> {
  const copy: Partial<T> = { ...record };
  for (const key of ignore) delete copy[key];
  return copy;
}

import { AppError } from '../errors';

/**
 * What every endorsement rule returns: either the computed outcome or every problem found, each
 * naming the offending field (a path into the request, e.g. `beneficiaries[1].shareBasisPoints`)
 * with a precise Chinese message the customer can act on. Rules collect all problems rather than
 * stopping at the first, so a form can mark every wrong field at once.
 */
export interface RuleProblem {
  field: string;
  message: string;
}

export type RuleResult<T> = { ok: true; value: T } | { ok: false; problems: RuleProblem[] };

export function accept<T>(value: T): RuleResult<T> {
  return { ok: true, value };
}

export function refuse(problems: RuleProblem[]): { ok: false; problems: RuleProblem[] } {
  return { ok: false, problems };
}

/** For handlers: the first problem as the product's one error type (400 with its field). */
export function problemsToAppError(problems: readonly RuleProblem[]): AppError {
  const [first] = problems;
  return new AppError('VALIDATION_FAILED', first?.message, first ? { field: first.field } : {});
}

import type { RuleProblem } from '@zhixiang/shared/endorsement/rule-result';
import { ApiError, NETWORK_ERROR_MESSAGE } from '../../../services/request';

/**
 * A failed create/submit as a problem for the form: the server names the field with the same path
 * the shared rules use (`amountCents`, `beneficiaries[1].idNumber`), so the message lands at that
 * field; without a field it is shown above the button.
 */
export function problemFromError(error: unknown): RuleProblem {
  if (error instanceof ApiError) return { field: error.field ?? '', message: error.message };
  return { field: '', message: NETWORK_ERROR_MESSAGE };
}

/** The first message for `field`. */
export function messageFor(problems: readonly RuleProblem[], field: string): string | null {
  return problems.find((p) => p.field === field)?.message ?? null;
}

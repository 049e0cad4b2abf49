import type { EndorsementApplication } from '@zhixiang/shared/endorsement/application';

/** The customer's path through any type, for the step indicator. */
export const FLOW_STEPS = ['填写', '核对', '验证身份', '签署', '提交', '结果'] as const;

/**
 * Where an application stands on FLOW_STEPS, from its status alone: a draft is being checked (核对)
 * until the holder's identity is verified; past the last step once it took effect; null when it
 * ended without taking effect (cancelled, rejected), which ticks nothing.
 */
export function flowStepOf(application: Pick<EndorsementApplication, 'status'>): number | null {
  switch (application.status) {
    case 'draft':
      return 1;
    case 'identity_verified':
      return 3;
    case 'signed':
      return 4;
    case 'submitted':
    case 'approved':
    case 'awaiting_payment':
      return 5;
    case 'cancelled':
    case 'rejected':
      return null;
    default:
      return FLOW_STEPS.length;
  }
}

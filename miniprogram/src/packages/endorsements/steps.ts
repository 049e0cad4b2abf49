import type { EndorsementApplication } from '@zhixiang/shared/endorsement/application';

/** The customer's path through any type, for the step indicator. */
export const FLOW_STEPS = ['填写', '核对', '验证身份', '签署', '提交', '结果'] as const;

/** Where an application stands on FLOW_STEPS; past the last step once it has ended. */
export function flowStepOf(application: Pick<EndorsementApplication, 'status' | 'nextStep'>): number {
  switch (application.status) {
    case 'draft':
      return application.nextStep === 'verify_identity' ? 2 : 1;
    case 'identity_verified':
      return 3;
    case 'signed':
      return 4;
    case 'submitted':
    case 'approved':
      return 5;
    default:
      return FLOW_STEPS.length;
  }
}

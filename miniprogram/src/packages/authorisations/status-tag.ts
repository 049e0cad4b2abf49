import type { AuthorisationStatus } from '@zhixiang/shared/authorisations/status';

/** The tag colour of each status: open steps in blue, the decision in green or red. */
export const STATUS_TAG: Record<
  AuthorisationStatus,
  'primary' | 'success' | 'danger' | 'warning' | 'default'
> = {
  draft: 'warning',
  consented: 'warning',
  recorded: 'warning',
  submitted: 'primary',
  approved: 'success',
  rejected: 'danger',
  revoked: 'default',
  expired: 'default',
};

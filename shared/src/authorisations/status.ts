import { AppError } from '../errors';

/**
 * A video authorisation's life: the draft is filled in; the customer's separate consent to the
 * recording comes before anything is uploaded; the checked recording is submitted for review;
 * staff approve or reject. An approved authorisation ends when the customer revokes it or its
 * validity runs out. Editing the fields after recording discards the recording (it no longer
 * states them), so the draft goes back to `consented`.
 */
export const AUTHORISATION_STATUSES = [
  'draft',
  'consented',
  'recorded',
  'submitted',
  'approved',
  'rejected',
  'revoked',
  'expired',
] as const;
export type AuthorisationStatus = (typeof AUTHORISATION_STATUSES)[number];

export const AUTHORISATION_STATUS_LABELS: Record<AuthorisationStatus, string> = {
  draft: '填写中',
  consented: '待录制',
  recorded: '已录制',
  submitted: '审核中',
  approved: '已生效',
  rejected: '未通过',
  revoked: '已撤销',
  expired: '已过期',
};

export type AuthorisationEvent =
  | 'edit'
  | 'consent'
  | 'record'
  | 'submit'
  | 'approve'
  | 'reject'
  | 'revoke'
  | 'expire';

const TRANSITIONS: Record<AuthorisationEvent, Partial<Record<AuthorisationStatus, AuthorisationStatus>>> = {
  edit: { draft: 'draft', consented: 'consented', recorded: 'consented' },
  consent: { draft: 'consented', consented: 'consented' },
  record: { consented: 'recorded', recorded: 'recorded' },
  submit: { recorded: 'submitted' },
  approve: { submitted: 'approved' },
  reject: { submitted: 'rejected' },
  revoke: { approved: 'revoked' },
  expire: { approved: 'expired' },
};

const REFUSALS: Record<AuthorisationEvent, string> = {
  edit: '授权已提交，不能再修改',
  consent: '授权已提交，无需再次同意',
  record: '请先阅读并同意录像授权的个人信息处理规则',
  submit: '请先完成录像',
  approve: '该授权不在待审核状态',
  reject: '该授权不在待审核状态',
  revoke: '只有已生效的授权可以撤销',
  expire: '只有已生效的授权会过期',
};

export function nextStatus(from: AuthorisationStatus, event: AuthorisationEvent): AuthorisationStatus | null {
  return TRANSITIONS[event][from] ?? null;
}

/** The next status, or a 409 with why the step is not possible now. */
export function transition(from: AuthorisationStatus, event: AuthorisationEvent): AuthorisationStatus {
  const to = nextStatus(from, event);
  if (!to) throw new AppError('CONFLICT', REFUSALS[event]);
  return to;
}

/**
 * The status as it stands on `today` (a Shanghai date): an approved authorisation whose validity
 * has run out — its last day, `validUntil`, included — is expired, whether or not anything has
 * written that down. Every reader of an authorisation's standing goes through this.
 */
export function statusOn(
  record: { status: AuthorisationStatus; poa: { validUntil: string } },
  today: string,
): AuthorisationStatus {
  return record.status === 'approved' && record.poa.validUntil < today ? 'expired' : record.status;
}

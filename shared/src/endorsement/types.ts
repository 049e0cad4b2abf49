/**
 * The endorsement (保全) type codes and their Chinese names: a module of its own so that what only
 * needs the names (the assistant's flows, letters) does not pull in the whole application contract.
 */
export const ENDORSEMENT_TYPES = [
  'contact_change',
  'beneficiary_change',
  'policy_loan',
  'loan_repayment',
  'dividend_withdrawal',
  'dividend_option_change',
  'renewal_account_change',
  'surrender',
] as const;
export type EndorsementType = (typeof ENDORSEMENT_TYPES)[number];
export const ENDORSEMENT_TYPE_LABELS: Record<EndorsementType, string> = {
  contact_change: '联系方式变更',
  beneficiary_change: '受益人变更',
  policy_loan: '保单贷款',
  loan_repayment: '贷款还款',
  dividend_withdrawal: '红利领取',
  dividend_option_change: '红利领取方式变更',
  renewal_account_change: '续期缴费账户变更',
  surrender: '退保',
};

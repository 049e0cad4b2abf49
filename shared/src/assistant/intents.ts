/**
 * What a customer's message is about. The labels are the contract with the evaluation sets and
 * the chat endpoint: add one only together with its examples and its Chinese name.
 */
export const INTENTS = [
  'dividend_query',
  'dividend_option_change',
  'loan_quota',
  'loan_apply',
  'loan_repay',
  'contact_change',
  'beneficiary_change',
  'renewal_account_change',
  'renewal_due_query',
  'surrender',
  'claim',
  'e_letter_subscribe',
  'callback_booking',
  'face_verify_help',
  'complaint',
  'human_agent',
  'product_search',
  'greeting_smalltalk',
  'out_of_scope',
] as const;

export type Intent = (typeof INTENTS)[number];

/** How an intent is named to the customer, e.g. in a clarifying question's buttons. */
export const INTENT_NAMES: Record<Intent, string> = {
  dividend_query: '查询分红',
  dividend_option_change: '变更红利领取方式',
  loan_quota: '查询可贷额度',
  loan_apply: '申请保单贷款',
  loan_repay: '保单贷款还款',
  contact_change: '修改联系方式',
  beneficiary_change: '变更受益人',
  renewal_account_change: '变更续期扣款账户',
  renewal_due_query: '查询续期缴费',
  surrender: '退保',
  claim: '理赔',
  e_letter_subscribe: '订阅或退订电子信函',
  callback_booking: '预约回访',
  face_verify_help: '刷脸认证问题',
  complaint: '投诉',
  human_agent: '转人工客服',
  product_search: '了解和选购产品',
  greeting_smalltalk: '打招呼',
  out_of_scope: '其他问题',
};

/** Intents that are not a service request: never offered as a clarification option. */
export const CONVERSATIONAL_INTENTS: ReadonlySet<Intent> = new Set(['greeting_smalltalk', 'out_of_scope']);

export function isIntent(value: string): value is Intent {
  return (INTENTS as readonly string[]).includes(value);
}

import { defaultServiceHours, type ServiceHours } from '../assistant/service-hours';
import type { StandardClock, StandardDefinition } from './model';

/**
 * The seeded catalogue: real standards for the ten journeys, each measured only from events that
 * exist — the endorsement engine's audit events mirrored into the measurement stream
 * (`endorsement.*`, `policy_loan.*`, `renewal_payment.*`: shared/src/endorsement/measurement.ts),
 * the complaints' (shared/src/complaints/measurement.ts), the callbacks' completions
 * (shared/src/callback/measurement.ts), the assistant's first answers and handoffs
 * (shared/src/assistant/measurement.ts), product searches (shared/src/product/measurement.ts), club
 * event registrations (shared/src/events/measurement.ts)
 * and the events the insurer's other systems send through the signed ingestion route (the event
 * types below are that route's contract with them; docs/standards.md lists who sends which).
 * Seeded as version 1, rolled out in every branch on the seed's day.
 */
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const BUSINESS_DAY = DAY;
const calendar = { kind: 'calendar' } as const;
const businessDays = { kind: 'business_days' } as const;

/**
 * The live chat's service hours as a standard's clock: the daily window of the assistant's own
 * setting (config/service-hours.json). A standard's clock has one window for every day, so
 * weekday exceptions of the setting are not carried over; the seeded setting has none.
 */
export function serviceHoursClock(hours: ServiceHours): StandardClock {
  const minute = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const daily = hours.daily ?? { open: '00:00', close: '00:00' };
  return {
    kind: 'service_hours',
    fromMinute: minute(daily.open),
    toMinute: minute(daily.close),
    businessDaysOnly: false,
  };
}

export const SEEDED_STANDARDS: readonly StandardDefinition[] = [
  {
    standardId: 'endorsement_review_decision',
    journey: 'endorsement',
    touchpoint: '人工审核',
    name: '需人工审核的保全 1 个工作日内作出决定',
    metric: {
      kind: 'duration',
      start: ['endorsement.submitted_for_review'],
      stop: ['endorsement.approved', 'endorsement.rejected'],
      pauses: [],
    },
    target: { limitMs: BUSINESS_DAY, bound: 'within', clock: businessDays, requiredShare: 0.95 },
    scope: [],
    benchmark: { value: '1 个工作日', source: '同业保全时效调研（头部寿险公司公开服务承诺，2025）' },
    measuredFrom:
      '保全审计事件：endorsement.submitted_for_review → endorsement.approved / endorsement.rejected',
  },
  {
    standardId: 'endorsement_self_service_effective',
    journey: 'endorsement',
    touchpoint: '自助保全',
    name: '无需审核的自助保全提交后 1 小时内生效（当日生效）',
    metric: {
      kind: 'duration',
      start: ['endorsement.submitted_self_service'],
      stop: ['endorsement.effective'],
      pauses: [],
    },
    target: { limitMs: HOUR, bound: 'within', clock: calendar, requiredShare: 0.99 },
    scope: [],
    benchmark: { value: '当日生效', source: '同业线上保全服务承诺调研（2025）' },
    measuredFrom: '保全审计事件：endorsement.submitted_self_service → endorsement.effective',
  },
  {
    standardId: 'endorsement_document_delivered',
    journey: 'endorsement',
    touchpoint: '电子批单',
    name: '保全生效后盖章批单即时送达（1 分钟内）',
    metric: {
      kind: 'duration',
      start: ['endorsement.effective'],
      stop: ['endorsement.document_issued'],
      pauses: [],
    },
    target: { limitMs: 60_000, bound: 'within', clock: calendar, requiredShare: 0.99 },
    scope: [],
    benchmark: { value: '即时', source: '同业电子批单服务调研（2025）' },
    measuredFrom: '保全审计事件：endorsement.effective → endorsement.document_issued',
  },
  {
    standardId: 'policy_loan_paid',
    journey: 'policy_loan',
    touchpoint: '贷款放款',
    name: '保单贷款批准后 1 个工作日内到账',
    metric: {
      kind: 'duration',
      // The payout is instructed the moment the loan is approved (at once, or by the reviewer);
      // a failed transfer waits for the customer's other account, which is not our time.
      start: ['policy_loan.payout_instructed'],
      stop: ['policy_loan.payout_paid'],
      pauses: [{ pause: 'policy_loan.payout_failed', resume: 'policy_loan.payout_account_changed' }],
    },
    target: { limitMs: BUSINESS_DAY, bound: 'within', clock: businessDays, requiredShare: 0.95 },
    scope: [],
    benchmark: { value: 'T+1 到账', source: '同业保单贷款时效调研（2025）' },
    measuredFrom:
      '保全审计事件（保单贷款的付款步骤）：policy_loan.payout_instructed → policy_loan.payout_paid，付款失败至客户更换收款账户期间暂停计时',
  },
  {
    standardId: 'renewal_account_change_effective',
    journey: 'renewal_payment',
    touchpoint: '续期缴费账户变更',
    name: '续期缴费账户变更提交后 1 个工作日内生效',
    metric: {
      kind: 'duration',
      start: ['renewal_payment.submitted_self_service', 'renewal_payment.submitted_for_review'],
      stop: ['renewal_payment.effective'],
      pauses: [],
    },
    target: { limitMs: BUSINESS_DAY, bound: 'within', clock: businessDays, requiredShare: 0.95 },
    scope: [],
    benchmark: { value: '1 个工作日', source: '同业续期服务调研（2025）' },
    measuredFrom: '保全审计事件（续期缴费账户变更）：renewal_payment.submitted_* → renewal_payment.effective',
  },
  {
    standardId: 'complaint_urgent_contact',
    journey: 'complaint',
    touchpoint: '投诉受理',
    name: '紧急/重大投诉 2 小时内联系投诉人',
    metric: {
      kind: 'duration',
      start: ['complaint.received_urgent'],
      stop: ['complaint.contacted'],
      pauses: [],
    },
    target: { limitMs: 2 * HOUR, bound: 'within', clock: calendar, requiredShare: 0.95 },
    scope: [],
    benchmark: { value: '2 小时', source: '银行业保险业消费投诉处理管理办法（2020）与同业投诉时效调研' },
    measuredFrom: '投诉审计事件：complaint.received_urgent → complaint.contacted',
  },
  {
    standardId: 'complaint_urgent_response',
    journey: 'complaint',
    touchpoint: '投诉答复',
    name: '紧急/重大投诉 1 个工作日内答复（等待客户期间不计）',
    metric: {
      kind: 'duration',
      start: ['complaint.received_urgent'],
      stop: ['complaint.responded'],
      pauses: [{ pause: 'complaint.awaiting_customer', resume: 'complaint.customer_replied' }],
    },
    target: { limitMs: BUSINESS_DAY, bound: 'within', clock: businessDays, requiredShare: 0.95 },
    scope: [],
    benchmark: { value: '1 个工作日', source: '同业投诉时效调研（2025）' },
    measuredFrom:
      '投诉审计事件：complaint.received_urgent → complaint.responded，complaint.awaiting_customer … complaint.customer_replied 期间暂停',
  },
  {
    standardId: 'hotline_call_answered',
    journey: 'consultation',
    touchpoint: '客服热线',
    name: '客服热线转人工 20 秒内接起',
    metric: {
      kind: 'duration',
      start: ['consultation.call_queued'],
      stop: ['consultation.call_answered'],
      pauses: [],
    },
    target: { limitMs: 20_000, bound: 'within', clock: calendar, requiredShare: 0.8 },
    scope: [],
    benchmark: { value: '80% 的来电 20 秒内接起', source: '呼叫中心行业服务水平通行口径（80/20）' },
    measuredFrom: '呼叫中心系统（签名接入）：consultation.call_queued → consultation.call_answered',
  },
  {
    standardId: 'policy_information_answered',
    journey: 'information',
    touchpoint: '保单信息查询',
    name: '客户书面查询保单信息 1 个工作日内答复',
    metric: {
      kind: 'duration',
      start: ['information.request_received'],
      stop: ['information.answered'],
      pauses: [],
    },
    target: { limitMs: BUSINESS_DAY, bound: 'within', clock: businessDays, requiredShare: 0.95 },
    scope: [],
    benchmark: { value: '1 个工作日', source: '同业信息披露与查询服务调研（2025）' },
    measuredFrom: '呼叫中心系统（签名接入）：information.request_received → information.answered',
  },
  {
    standardId: 'claim_decision_time',
    journey: 'claim',
    touchpoint: '理赔审核',
    name: '资料齐全的理赔 3 个工作日内作出理赔决定',
    metric: {
      kind: 'duration',
      start: ['claim.documents_complete'],
      stop: ['claim.decided'],
      pauses: [{ pause: 'claim.investigation_started', resume: 'claim.investigation_closed' }],
    },
    target: { limitMs: 3 * BUSINESS_DAY, bound: 'within', clock: businessDays, requiredShare: 0.9 },
    scope: [],
    benchmark: { value: '3 个工作日（调查期间不计）', source: '同业理赔时效公开承诺调研（2025）' },
    measuredFrom:
      '理赔系统（签名接入）：claim.documents_complete → claim.decided，调查 claim.investigation_started … claim.investigation_closed 期间暂停',
  },
  {
    standardId: 'claim_payment_time',
    journey: 'claim',
    touchpoint: '理赔支付',
    name: '理赔决定后 1 个工作日内支付赔款',
    metric: { kind: 'duration', start: ['claim.decided'], stop: ['claim.paid'], pauses: [] },
    target: { limitMs: BUSINESS_DAY, bound: 'within', clock: businessDays, requiredShare: 0.95 },
    scope: [],
    benchmark: { value: 'T+1 到账', source: '同业理赔时效公开承诺调研（2025）' },
    measuredFrom: '理赔系统（签名接入）：claim.decided → claim.paid',
  },
  {
    standardId: 'maturity_benefit_paid',
    journey: 'maturity_benefit',
    touchpoint: '满期/生存金给付',
    name: '满期/生存金在应付日后 1 个工作日内给付',
    metric: { kind: 'duration', start: ['benefit.due'], stop: ['benefit.paid'], pauses: [] },
    target: { limitMs: BUSINESS_DAY, bound: 'within', clock: businessDays, requiredShare: 0.98 },
    scope: [],
    benchmark: { value: '应付日当日或次一工作日', source: '同业给付服务调研（2025）' },
    measuredFrom: '给付系统（签名接入）：benefit.due → benefit.paid',
  },
  {
    standardId: 'application_underwriting_decision',
    journey: 'application',
    touchpoint: '核保',
    name: '资料齐全的投保 2 个工作日内作出核保结论',
    metric: {
      kind: 'duration',
      start: ['application.submitted'],
      stop: ['application.underwritten'],
      pauses: [],
    },
    target: { limitMs: 2 * BUSINESS_DAY, bound: 'within', clock: businessDays, requiredShare: 0.9 },
    scope: [],
    benchmark: { value: '2 个工作日', source: '同业新契约时效调研（2025）' },
    measuredFrom: '新契约系统（签名接入）：application.submitted → application.underwritten',
  },
  {
    standardId: 'new_policy_callback_in_cooling_off',
    journey: 'new_policy_callback',
    touchpoint: '新单回访',
    name: '长期险新单回访在 15 日犹豫期内完成',
    metric: {
      kind: 'duration',
      start: ['new_policy_callback.receipt_signed'],
      stop: ['new_policy_callback.completed'],
      pauses: [],
    },
    target: { limitMs: 15 * DAY, bound: 'within', clock: calendar, requiredShare: 0.98 },
    scope: [],
    benchmark: {
      value: '犹豫期内完成回访',
      source: '人身保险业务基本服务规定第十五条（犹豫期内完成新单回访）',
    },
    measuredFrom:
      '保单管理系统（签名接入）：new_policy_callback.receipt_signed → 回访事件：new_policy_callback.completed（电话或自助回访触达投保人，含问题件）',
  },
  {
    standardId: 'assistant_first_answer',
    journey: 'consultation',
    touchpoint: '智能客服',
    name: '智能客服首次回答 1 秒内给出',
    metric: {
      kind: 'duration',
      start: ['consultation.assistant_asked'],
      stop: ['consultation.assistant_answered'],
      pauses: [],
    },
    target: { limitMs: 1000, bound: 'within', clock: calendar, requiredShare: 0.95 },
    scope: [],
    benchmark: { value: '首响 1 秒内', source: '同业智能客服服务承诺调研（2025）' },
    measuredFrom:
      '智能客服（本系统，每个会话的首轮问答，不抽样）：consultation.assistant_asked（请求到达）→ consultation.assistant_answered（答案生成），与首轮对话同一事务写入',
  },
  {
    standardId: 'handoff_answered',
    journey: 'consultation',
    touchpoint: '转人工客服',
    name: '转人工后 60 秒内由客服人员接入（服务时段内计时）',
    metric: {
      kind: 'duration',
      start: ['consultation.handoff_requested'],
      stop: ['consultation.handoff_answered'],
      pauses: [],
    },
    target: {
      limitMs: 60_000,
      bound: 'within',
      clock: serviceHoursClock(defaultServiceHours),
      requiredShare: 0.8,
    },
    scope: [],
    benchmark: { value: '80% 的在线转人工 60 秒内接入', source: '同业在线客服服务水平调研（2025）' },
    measuredFrom:
      '人工客服（本系统）：consultation.handoff_requested（转人工，与转人工记录同一写入）→ consultation.handoff_answered（客服接入，与接入的条件更新同一事务），人工客服服务时间以外不计时',
  },
  {
    standardId: 'product_search_answered',
    journey: 'information',
    touchpoint: '产品搜索',
    name: '产品搜索 200 毫秒内返回结果',
    metric: {
      kind: 'duration',
      start: ['information.product_search_received'],
      stop: ['information.product_search_answered'],
      pauses: [],
    },
    target: { limitMs: 200, bound: 'within', clock: calendar, requiredShare: 0.95 },
    scope: [],
    benchmark: { value: '搜索响应 200 毫秒内', source: '同业移动端产品检索体验调研（2025）' },
    measuredFrom:
      '产品搜索（本系统，每次搜索，不抽样）：information.product_search_received（请求到达）→ information.product_search_answered（结果生成），一次批量写入',
  },
  {
    standardId: 'event_registration_confirmed',
    journey: 'consultation',
    touchpoint: '客户活动报名',
    name: '客户活动报名有名额时即时确认（3 秒内）',
    metric: {
      kind: 'duration',
      start: ['consultation.event_registration_requested'],
      stop: ['consultation.event_registration_confirmed'],
      pauses: [],
    },
    target: { limitMs: 3000, bound: 'within', clock: calendar, requiredShare: 0.99 },
    scope: [],
    benchmark: { value: '报名即时确认', source: '同业客户俱乐部活动服务调研（2025）' },
    measuredFrom:
      'e生相伴活动报名（本系统）：consultation.event_registration_requested（请求到达）→ consultation.event_registration_confirmed（占座成功），与占座同一事务写入；进入候补的报名不计',
  },
];

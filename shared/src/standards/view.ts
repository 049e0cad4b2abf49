import type { StoredStandardVersion } from '../ports/standards';
import { JOURNEY_LABELS, type StandardTarget, type StandardVersion, VERSION_STATUS_LABELS } from './model';
import type { StandardVersionView } from './schemas';

const HOUR = 3_600_000;

/** A duration in words: `1 个工作日`, `2 小时`, `60 秒`, `200 毫秒`, `3 天`. */
export function durationText(ms: number, businessDays: boolean): string {
  const day = 24 * HOUR;
  if (ms % day === 0) return `${ms / day} ${businessDays ? '个工作日' : '天'}`;
  if (ms % HOUR === 0) return `${ms / HOUR} 小时`;
  if (ms % 60_000 === 0) return `${ms / 60_000} 分钟`;
  if (ms % 1000 === 0) return `${ms / 1000} 秒`;
  return `${ms} 毫秒`;
}

/** A share in per cent without Intl: 0.95 → `95%`, 0.995 → `99.5%`. */
export function percentText(share: number): string {
  const tenths = Math.round(share * 1000);
  return `${Math.floor(tenths / 10)}${tenths % 10 ? `.${tenths % 10}` : ''}%`;
}

function clockText(target: StandardTarget): string {
  const clock = target.clock;
  if (clock?.kind !== 'service_hours') return '';
  const hhmm = (m: number) =>
    `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
  return `（${clock.businessDaysOnly ? '工作日' : '每日'} ${hhmm(clock.fromMinute)}–${hhmm(clock.toMinute)} 服务时段内计时）`;
}

/** The target in one sentence: `95% 的个案在 1 个工作日内完成`, `达成率不低于 98%`. */
export function targetText(version: Pick<StandardVersion, 'metric' | 'target'>): string {
  const { target } = version;
  if (version.metric.kind === 'rate') return `达成率不低于 ${percentText(target.requiredShare)}`;
  const limit = durationText(target.limitMs ?? 0, target.clock?.kind === 'business_days');
  return target.bound === 'at_least'
    ? `${percentText(target.requiredShare)} 的个案提前不少于 ${limit}${clockText(target)}`
    : `${percentText(target.requiredShare)} 的个案在 ${limit}内完成${clockText(target)}`;
}

export function standardVersionView(version: StoredStandardVersion): StandardVersionView {
  return {
    standardId: version.standardId,
    version: version.version,
    status: version.status,
    statusLabel: VERSION_STATUS_LABELS[version.status],
    journey: version.journey,
    journeyLabel: JOURNEY_LABELS[version.journey],
    touchpoint: version.touchpoint,
    name: version.name,
    measuredFrom: version.measuredFrom,
    metric: version.metric,
    target: version.target,
    targetText: targetText(version),
    scope: version.scope,
    pilotBranches: version.pilotBranches,
    benchmark: version.benchmark,
    steps: version.steps as Record<string, number>,
    createdAt: version.createdAt,
    evaluation: version.evaluation,
  };
}

/** What each measured event is called on screen (a breached case's timeline). */
export const EVENT_LABELS: Readonly<Record<string, string>> = {
  'information.request_received': '收到资料索取',
  'information.answered': '资料已答复',
  'application.submitted': '投保申请提交',
  'application.underwritten': '核保完成',
  'new_policy_callback.receipt_signed': '保单回执签收',
  'new_policy_callback.completed': '新单回访完成',
  'renewal_payment.submitted_self_service': '续期缴费自助提交',
  'renewal_payment.submitted_for_review': '续期缴费提交人工审核',
  'renewal_payment.effective': '续期缴费生效',
  'endorsement.submitted_self_service': '保全自助提交',
  'endorsement.submitted_for_review': '保全提交人工审核',
  'endorsement.approved': '保全审核通过',
  'endorsement.rejected': '保全审核退回',
  'endorsement.document_issued': '批单已出具',
  'endorsement.effective': '保全生效',
  'policy_loan.payout_instructed': '贷款已发起付款',
  'policy_loan.payout_paid': '贷款已到账',
  'policy_loan.payout_failed': '贷款付款失败',
  'policy_loan.payout_account_changed': '客户更换收款账户',
  'claim.documents_complete': '理赔资料齐全',
  'claim.investigation_started': '理赔调查开始',
  'claim.investigation_closed': '理赔调查结束',
  'claim.decided': '理赔结论作出',
  'claim.paid': '理赔款已支付',
  'consultation.call_queued': '来电排队',
  'consultation.call_answered': '来电接通',
  'consultation.assistant_asked': '客户向智能客服提问',
  'consultation.assistant_answered': '智能客服已回答',
  'consultation.handoff_requested': '客户转人工',
  'consultation.handoff_answered': '客服人员已接入',
  'consultation.event_registration_requested': '客户提交活动报名',
  'consultation.event_registration_confirmed': '活动报名已确认',
  'information.product_search_received': '客户搜索产品',
  'information.product_search_answered': '搜索结果已返回',
  'complaint.received_urgent': '收到紧急投诉',
  'complaint.contacted': '已联系投诉人',
  'complaint.awaiting_customer': '等待客户回复',
  'complaint.customer_replied': '客户已回复',
  'complaint.responded': '投诉已答复',
  'benefit.due': '给付到期',
  'benefit.paid': '给付已支付',
};

/** An event's name on screen; one no standard of the catalogue names shows its code. */
export function eventLabel(type: string): string {
  return EVENT_LABELS[type] ?? type;
}

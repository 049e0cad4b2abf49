import type { StaffQueueName } from '@zhixiang/shared/home/staff-home';
import { pageUrls } from './navigation';

/** A staff console (工作台) and the page it opens. */
export interface StaffConsole {
  key: string;
  title: string;
  description: string;
  url: string;
  /** Executives (高管) read these too; every other console is staff work. */
  executives?: true;
}

/** Every console staff and admins work in: the 工作台 tab lists them, the home links them too. */
export const STAFF_CONSOLES: StaffConsole[] = [
  {
    key: 'call-centre',
    title: '回访工作台',
    description: '当日新单回访、记录回访结果、维护排班',
    url: pageUrls.callCentre,
  },
  {
    key: 'handoffs',
    title: '人工客服工作台',
    description: '接入转人工的客户，带着对话记录与已核验身份实时沟通',
    url: pageUrls.handoffQueue,
  },
  {
    key: 'assistant-feedback',
    title: '知识库改进报告',
    description: '智能客服未能回答、被点「没用」的问题与次数',
    url: pageUrls.assistantFeedbackReport,
  },
  {
    key: 'endorsement-reviews',
    title: '保全审核',
    description: '本机构需人工审核的保全申请：变更前后、办理轨迹、通过或不通过',
    url: pageUrls.endorsementReviews,
  },
  {
    key: 'complaints',
    title: '投诉工单',
    description: '本机构及下属机构的投诉：认领、联系、答复、办结，超时自动升级',
    url: pageUrls.complaintQueue,
    executives: true,
  },
  {
    key: 'voice',
    title: '客户之声',
    description: '本机构及下属机构的吐槽、投诉与智能客服差评：本周痛点、趋势与逐级上报',
    url: pageUrls.voiceStream,
    executives: true,
  },
  {
    key: 'standards',
    title: '服务标准看板',
    description: '十大客户旅程各项服务标准的达标率、趋势、机构对比与未达标个案',
    url: pageUrls.standardsDashboard,
    executives: true,
  },
  {
    key: 'event-door',
    title: '俱乐部活动签到',
    description: '本机构主办的活动：扫码签到（断网可离线记录）、现场报名、到场统计',
    url: pageUrls.staffEvents,
  },
  {
    key: 'payout-reconciliation',
    title: '付款对账',
    description: '财务人员：本机构及下属机构超过工作日仍无付款结果的付款指令',
    url: pageUrls.payoutReconciliation,
  },
  {
    key: 'identity-reviews',
    title: '身份核验审核',
    description: '客户上传的证件与视频：通过或不通过',
    url: pageUrls.identityReviews,
  },
  {
    key: 'authorisation-reviews',
    title: '录像授权审核',
    description: '境外客户的录像授权：录像与授权文本对照核对、五项检查，通过或不通过',
    url: pageUrls.authorisationReviews,
  },
];

/** The consoles of a role: all for staff and admins, the ones they read for executives, none otherwise. */
export function consolesFor(role: string | undefined): StaffConsole[] {
  if (role === 'staff' || role === 'admin') return STAFF_CONSOLES;
  if (role === 'executive') return STAFF_CONSOLES.filter((desk) => desk.executives);
  return [];
}

/** The console each queue of the staff home opens. */
export const QUEUE_CONSOLES: Record<StaffQueueName, string> = {
  endorsementReviews: pageUrls.endorsementReviews,
  handoffsWaiting: pageUrls.handoffQueue,
  callbacksToday: pageUrls.callCentre,
  problemCases: pageUrls.callCentre,
  identityReviews: pageUrls.identityReviews,
  complaints: pageUrls.complaintQueue,
};

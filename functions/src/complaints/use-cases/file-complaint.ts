import { randomInt } from 'node:crypto';
import { canViewPolicy } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { shanghaiDate } from '@zhixiang/shared/complaints/calendar';
import { classifyComplaint } from '@zhixiang/shared/complaints/classification';
import {
  COMPLAINT_CHANNELS,
  type ComplaintChannel,
  type ComplaintDetail,
  type FileComplaintRequest,
} from '@zhixiang/shared/complaints/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { CustomerRecord, PolicyRecord } from '@zhixiang/shared/policy/model';
import type { ComplaintEventRecord, ComplaintRecord } from '@zhixiang/shared/ports/complaints';
import { type ComplaintDeps, detailFor } from './complaint-access';
import { type ComplaintPhotoDeps, stagedComplaintPhotos } from './complaint-photos';

export const POLICY_NOT_FOUND_MESSAGE = '未找到该保单，请核对保单号';

/** `TS` + the Shanghai date of receipt + 6 random digits. */
function referenceNumber(nowMs: number): string {
  return `TS${shanghaiDate(nowMs).replaceAll('-', '')}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
}

/**
 * How a complaint came in and whom it is about: the channel, who typed it (named in the received
 * event), the identified call, and the people it names (回避).
 */
export interface ComplaintFiling {
  channel: ComplaintChannel;
  filedByName: string;
  callId?: string;
  conversationId?: string;
  namedAgent?: { agentId: string; name: string };
  namedStaff?: { userId: string; name: string };
  reopenOf?: string;
}

/**
 * A customer files a complaint about one of their policies (as holder or insured). It is
 * classified by the configured rules, routed to the policy's branch (属地管理) and opened with its
 * `received` event; the answer is the complaint with its reference number.
 */
export async function fileComplaint(
  deps: ComplaintPhotoDeps,
  claims: AccessClaims,
  request: FileComplaintRequest,
): Promise<ComplaintDetail> {
  if (!claims.customerId) throw new AppError('FORBIDDEN', '请先完成身份绑定，再提交投诉');
  const customer = await deps.repositories.customers.get(claims.customerId);
  const policy = await deps.repositories.policies.get(request.policyNo);
  if (!customer || !policy || !canViewPolicy(claims, policy, [customer]))
    throw new AppError('NOT_FOUND', POLICY_NOT_FOUND_MESSAGE, { field: 'policyNo' });
  if (request.conversationId) {
    const conversation = await deps.repositories.assistantConversations.get(request.conversationId);
    if (conversation?.ownerUserId !== claims.sub)
      throw new AppError('NOT_FOUND', '未找到该智能客服对话，请重新进入投诉页面', {
        field: 'conversationId',
      });
  }
  const filing: ComplaintFiling = {
    channel: request.conversationId ? 'assistant' : 'mini_program',
    filedByName: '客户本人',
    ...(request.conversationId ? { conversationId: request.conversationId } : {}),
    ...(await namedAgentOf(deps, policy, request.aboutAgent)),
  };
  return openComplaint(deps, claims, customer, policy, request, filing);
}

/** The policy's agent when the complaint is about them; nothing otherwise. */
export async function namedAgentOf(
  deps: ComplaintDeps,
  policy: Pick<PolicyRecord, 'agentId'>,
  aboutAgent: boolean | undefined,
): Promise<Pick<ComplaintFiling, 'namedAgent'>> {
  if (!aboutAgent) return {};
  const agent = policy.agentId ? await deps.repositories.agents.get(policy.agentId) : null;
  if (!agent)
    throw new AppError('VALIDATION_FAILED', '该保单没有服务代理人，请取消“投诉涉及代理人”', {
      field: 'aboutAgent',
    });
  return { namedAgent: { agentId: agent.agentId, name: agent.name } };
}

/**
 * Creates the complaint under a fresh reference number (retried if the number is taken). Its
 * photos are checked, every one, before anything is written: a refused photo is a 400 naming it and
 * no complaint; the checked copies are attached by the complaint's own transaction.
 */
export async function openComplaint(
  deps: ComplaintPhotoDeps,
  claims: AccessClaims,
  customer: CustomerRecord,
  policy: Pick<PolicyRecord, 'policyNo' | 'branchPath'>,
  request: FileComplaintRequest,
  filing: ComplaintFiling,
): Promise<ComplaintDetail> {
  const staged = stagedComplaintPhotos(claims, request.photos ?? []);
  const photos =
    staged.length > 0 ? await deps.complaintFiles.keep(staged, new Date(deps.now()).toISOString()) : [];
  for (let attempt = 0; attempt < 3; attempt++) {
    const opened = await newComplaint(deps, claims, customer, policy, request, filing);
    const complaint = photos.length > 0 ? { ...opened.complaint, photos } : opened.complaint;
    if (await deps.repositories.complaints.create(complaint, opened.event)) {
      if (staged.length > 0)
        await deps.complaintFiles.discardStaged(staged.map((s) => s.stagingKey)).catch(() => undefined);
      return detailFor(deps, claims, complaint, [opened.event], customer);
    }
  }
  throw new AppError('INTERNAL', '投诉编号生成失败，请稍后重试');
}

/**
 * A new complaint and its `received` event, under a fresh reference number: classified by the
 * configured rules (the customer's earlier complaints count towards a repeat) and routed to the
 * policy's branch (属地管理).
 */
export async function newComplaint(
  deps: ComplaintDeps,
  claims: AccessClaims,
  customer: CustomerRecord,
  policy: Pick<PolicyRecord, 'policyNo' | 'branchPath'>,
  request: FileComplaintRequest,
  filing: ComplaintFiling,
): Promise<{ complaint: ComplaintRecord; event: ComplaintEventRecord }> {
  const nowMs = deps.now();
  const receivedAt = new Date(nowMs).toISOString();
  const earlier = await deps.repositories.complaints.listByCustomer(customer.customerId);
  const { severity, reasons } = classifyComplaint(
    {
      text: request.description,
      receivedAt,
      customerBirthDate: customer.birthDate,
      earlierComplaintsReceivedAt: earlier.map((c) => c.receivedAt),
    },
    deps.complaintRules,
  );
  const { channel, callId, conversationId, namedAgent, namedStaff, reopenOf } = filing;
  const complaint: ComplaintRecord = {
    complaintId: referenceNumber(nowMs),
    customerId: customer.customerId,
    policyNo: policy.policyNo,
    category: request.category,
    description: request.description,
    preferredContactTime: request.preferredContactTime,
    channel,
    ...(callId ? { callId } : {}),
    ...(conversationId ? { conversationId } : {}),
    ...(namedAgent ? { namedAgent } : {}),
    ...(namedStaff ? { namedStaff } : {}),
    severity,
    reasons: reasons.map((r) => r.label),
    branchPath: policy.branchPath,
    handlingBranchPath: policy.branchPath,
    escalatedClocks: [],
    status: 'received',
    claimedBy: null,
    claimedByName: null,
    receivedAt,
    ...(reopenOf ? { reopenOf } : {}),
    version: 1,
  };
  const event: ComplaintEventRecord = {
    complaintId: complaint.complaintId,
    seq: 1,
    type: 'received',
    at: receivedAt,
    actorId: claims.sub,
    actorName: filing.filedByName,
    note: reopenOf
      ? `重新提出（原投诉 ${reopenOf}）`
      : channel === 'mini_program'
        ? null
        : COMPLAINT_CHANNELS[channel],
  };
  return { complaint, event };
}

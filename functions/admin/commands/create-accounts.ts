import type { AgentRecord, UserAccountRecord } from '@zhixiang/shared/policy/model';
import type { Repositories } from '@zhixiang/shared/ports/repositories';
import { type WriteOutcome, writeIfChanged } from '../../src/seed/write-if-changed';

export interface CreateStaffInput {
  userId: string;
  name: string;
  branchId: string;
  /** The WeChat openid the person signs in with, when already known. */
  openid?: string;
}

export interface CreateAgentInput extends CreateStaffInput {
  agentId: string;
}

const USER_ID = /^[0-9A-Za-z_-]{3,64}$/;

/** Staff (客服坐席 / 保全审核 / 投诉处理) see their branch and every branch below it. */
export function createStaff(repositories: Repositories, input: CreateStaffInput): Promise<WriteOutcome> {
  return createBranchAccount(repositories, input, 'staff');
}

/**
 * An executive (高管: 总/分公司高管, 中支 and 四级机构负责人) reads their branch subtree's customer
 * voice and complaints, listens live and joins complaints (docs/voice.md).
 */
export function createExecutive(repositories: Repositories, input: CreateStaffInput): Promise<WriteOutcome> {
  return createBranchAccount(repositories, input, 'executive');
}

async function createBranchAccount(
  repositories: Repositories,
  input: CreateStaffInput,
  role: 'staff' | 'executive',
): Promise<WriteOutcome> {
  const branch = await repositories.branches.get(input.branchId);
  if (!branch) throw new Error(`机构代码 ${input.branchId} 不存在`);
  const user = await accountFor(repositories, input, role);
  return writeIfChanged<UserAccountRecord>(
    { ...user, agentId: null, branchId: branch.branchId, branchPath: branch.path },
    { load: () => repositories.users.get(input.userId), save: (x) => repositories.users.put(x) },
  );
}

/** An agent (业务员) record and the user account the agent signs in with. */
export async function createAgent(
  repositories: Repositories,
  input: CreateAgentInput,
): Promise<WriteOutcome> {
  if (!/^[0-9A-Za-z_-]{2,32}$/.test(input.agentId))
    throw new Error('业务员工号只能包含字母、数字、下划线和连字符');
  const branch = await repositories.branches.get(input.branchId);
  if (!branch) throw new Error(`机构代码 ${input.branchId} 不存在`);
  const existingAgent = await repositories.agents.get(input.agentId);
  if (existingAgent && existingAgent.userId !== input.userId)
    throw new Error(`业务员 ${input.agentId} 已绑定账号 ${existingAgent.userId}`);
  const user = await accountFor(repositories, input, 'agent');
  const agent: AgentRecord = {
    agentId: input.agentId,
    name: input.name,
    userId: input.userId,
    branchId: branch.branchId,
    branchPath: branch.path,
  };
  const agentOutcome = await writeIfChanged(agent, {
    load: () => repositories.agents.get(agent.agentId),
    save: (x) => repositories.agents.put(x),
  });
  const userOutcome = await writeIfChanged<UserAccountRecord>(
    { ...user, agentId: agent.agentId, branchId: branch.branchId, branchPath: branch.path },
    { load: () => repositories.users.get(input.userId), save: (x) => repositories.users.put(x) },
  );
  return agentOutcome === 'unchanged' ? userOutcome : agentOutcome;
}

async function accountFor(
  repositories: Repositories,
  input: CreateStaffInput,
  role: 'staff' | 'executive' | 'agent',
): Promise<UserAccountRecord> {
  if (!USER_ID.test(input.userId)) throw new Error('账号 ID 只能包含字母、数字、下划线和连字符（3–64 位）');
  if (input.name.trim().length < 2) throw new Error('姓名至少 2 个字');
  const existing = await repositories.users.get(input.userId);
  if (existing && existing.role !== role)
    throw new Error(`账号 ${input.userId} 已存在，角色为 ${existing.role}`);
  if (input.openid) {
    const holder = await repositories.users.findByOpenid(input.openid);
    if (holder && holder.userId !== input.userId)
      throw new Error(`该微信 openid 已属于账号 ${holder.userId}`);
  }
  return {
    userId: input.userId,
    role,
    displayName: input.name.trim(),
    openid: input.openid ?? existing?.openid ?? null,
    customerId: null,
    agentId: null,
    branchId: null,
    branchPath: null,
    privacyConsentVersion: existing?.privacyConsentVersion ?? null,
    privacyConsentedAt: existing?.privacyConsentedAt ?? null,
  };
}

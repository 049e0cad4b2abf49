import type { voiceRoutes } from '@zhixiang/shared/voice/routes';
import {
  type CasesFor,
  customersOnly,
  NO_SUCH_ID,
  signedIn,
  staffOnly,
} from '../support/authorisation-matrix';

/** A well-formed voice item id nobody made. */
const NO_SUCH_ITEM = `VO${'0'.repeat(20)}`;
/** A well-formed rectification task id nobody made. */
const NO_SUCH_TASK = 'RT20261125000000';

export const voiceCases: CasesFor<typeof voiceRoutes> = {
  // 「我要吐槽」: customers only (both are bound); agents and staff 403.
  submitRant: {
    method: 'POST',
    path: '/voice/rants',
    body: { text: '理赔材料交了两周没有进度', hideName: true },
    expected: customersOnly(201),
  },
  // Staff and executives read their own subtree (Beijing staff get Beijing's, also 200); customers
  // and agents 403.
  listVoiceItems: {
    method: 'GET',
    path: '/staff/voice/items',
    ownerUserId: 'demo-staff-sh',
    // Executives read their subtree too.
    expected: { ...staffOnly(200), executive: 200 },
  },
  listVoiceClusters: {
    method: 'GET',
    path: '/staff/voice/clusters',
    ownerUserId: 'demo-staff-sh',
    // Executives read their subtree too.
    expected: { ...staffOnly(200), executive: 200 },
  },
  // An item that does not exist is the same 404 for every 分公司/中支; reporting a real item, the
  // 四级机构 and head office refusals and the trail are covered in functions/test/voice/.
  escalateVoiceItem: {
    method: 'POST',
    path: `/staff/voice/items/${NO_SUCH_ITEM}/escalation`,
    ownerUserId: 'demo-staff-sh',
    body: { note: '同类问题本周集中出现' },
    // A 中支's head reports up like its staff.
    expected: { ...staffOnly(404), executive: 404 },
  },
  // A week with nothing of that theme in the reporter's subtree: 404 for each 分公司.
  escalateVoiceCluster: {
    method: 'POST',
    path: '/staff/voice/cluster-escalations',
    ownerUserId: 'demo-staff-sh',
    body: { week: '2020-01-06', theme: 'claims_speed', note: '理赔时效问题集中' },
    expected: { ...staffOnly(404), executive: 404 },
  },
  // The listening log: staff and executives of their subtree, admins all; customers and agents 403.
  getVoiceListeningLog: {
    method: 'GET',
    path: '/staff/voice/listening-log',
    ownerUserId: 'demo-exec-hq',
    expected: { ...staffOnly(200), executive: 200 },
  },
  // 整改: staff and executives of the subtree; a task or item nobody made is the same 404 for each
  // (opening, notes, the closure race and the overdue escalation: functions/test/voice/rectification.test.ts).
  openRectification: {
    method: 'POST',
    path: '/staff/voice/rectifications',
    ownerUserId: 'demo-staff-sh',
    body: {
      line: 'operations',
      title: '理赔进度主动告知',
      ownerName: '王敏',
      dueBusinessDays: 10,
      from: { kind: 'item', itemId: NO_SUCH_ITEM },
    },
    expected: { ...staffOnly(404), executive: 404 },
  },
  listRectifications: {
    method: 'GET',
    path: '/staff/voice/rectifications',
    ownerUserId: 'demo-staff-sh',
    expected: { ...staffOnly(200), executive: 200 },
  },
  getRectification: {
    method: 'GET',
    path: `/staff/voice/rectifications/${NO_SUCH_TASK}`,
    ownerUserId: 'demo-staff-sh',
    expected: { ...staffOnly(404), executive: 404 },
  },
  addRectificationNote: {
    method: 'POST',
    path: `/staff/voice/rectifications/${NO_SUCH_TASK}/notes`,
    ownerUserId: 'demo-staff-sh',
    body: { note: '已约谈理赔部门' },
    expected: { ...staffOnly(404), executive: 404 },
  },
  closeRectification: {
    method: 'POST',
    path: `/staff/voice/rectifications/${NO_SUCH_TASK}/closure`,
    ownerUserId: 'demo-staff-sh',
    body: { evidence: '已上线理赔进度短信提醒，覆盖全部在途案件' },
    expected: { ...staffOnly(404), executive: 404 },
  },
  // Closure evidence: an upload for an open task of the subtree, and the links of a task's files
  // (upload → closure → audited view: functions/test/voice/rectification.test.ts).
  createRectificationEvidenceUpload: {
    method: 'POST',
    path: `/staff/voice/rectifications/${NO_SUCH_TASK}/evidence-uploads`,
    ownerUserId: 'demo-staff-sh',
    expected: { ...staffOnly(404), executive: 404 },
  },
  listRectificationEvidence: {
    method: 'GET',
    path: `/staff/voice/rectifications/${NO_SUCH_TASK}/evidence`,
    ownerUserId: 'demo-staff-sh',
    expected: { ...staffOnly(404), executive: 404 },
  },
  // 人工客服旁听: executives only (the head office's sees every branch; 浦东中支's its subtree), admins
  // all; customers, agents and staff 403. A handoff nobody made is the same 404 as one of another
  // branch (that one: functions/test/voice/listen-in.test.ts).
  listVoiceHandoffs: {
    method: 'GET',
    path: '/staff/voice/handoffs',
    ownerUserId: 'demo-exec-hq',
    expected: { ...signedIn(403), owner: 200, executive: 200 },
  },
  getVoiceHandoff: {
    method: 'GET',
    path: `/staff/voice/handoffs/${NO_SUCH_ID}`,
    ownerUserId: 'demo-exec-hq',
    expected: { ...signedIn(403), owner: 404, executive: 404 },
  },
  // Agents read their own customers' voice (an agent without customers gets an empty list).
  listAgentVoiceItems: {
    method: 'GET',
    path: '/agent/voice/items',
    ownerUserId: 'demo-agent-a001',
    expected: { ...signedIn(403), owner: 200, unassignedAgent: 200 },
  },
};

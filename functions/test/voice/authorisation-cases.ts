import type { voiceRoutes } from '@zhixiang/shared/voice/routes';
import { type CasesFor, customersOnly, signedIn, staffOnly } from '../support/authorisation-matrix';

/** A well-formed voice item id nobody made. */
const NO_SUCH_ITEM = `VO${'0'.repeat(20)}`;

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
  // Agents read their own customers' voice (an agent without customers gets an empty list).
  listAgentVoiceItems: {
    method: 'GET',
    path: '/agent/voice/items',
    ownerUserId: 'demo-agent-a001',
    expected: { ...signedIn(403), owner: 200, unassignedAgent: 200 },
  },
};

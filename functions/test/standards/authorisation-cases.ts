import type { standardRoutes } from '@zhixiang/shared/standards/routes';
import { all, type CasesFor, signedIn, staffOnly } from '../support/authorisation-matrix';

/** A draft the admin may create: the matrix's own standard, nothing else measures it. */
export const MATRIX_DRAFT = {
  journey: 'consultation',
  touchpoint: '在线客服',
  name: '授权矩阵用的标准',
  measuredFrom: 'assistant.question → assistant.answered',
  metric: { kind: 'duration', start: ['assistant.question'], stop: ['assistant.answered'], pauses: [] },
  target: { limitMs: 1000, bound: 'within', clock: { kind: 'calendar' }, requiredShare: 0.95 },
  scope: [],
  benchmark: { value: '1 秒', source: '同业调研' },
};
/** Admin routes: the owner is the admin; customers, agents and staff 403. */
const ADMIN_ONLY = (status: number) => ({ ...signedIn(403), owner: status });

export const standardCases: CasesFor<typeof standardRoutes> = {
  // The catalogue, attainment, breaches and evaluation: staff and executives of every branch (each
  // sees their own subtree) and admins; customers and agents 403.
  listStandards: {
    method: 'GET',
    path: '/standards',
    ownerUserId: 'demo-staff-sh',
    expected: { ...staffOnly(200), executive: 200 },
  },
  // Only an admin drafts (201); the draft case runs before the status case below, which locks it.
  draftStandardVersion: {
    method: 'POST',
    path: '/standards/matrix_probe/versions',
    ownerUserId: 'demo-admin',
    body: MATRIX_DRAFT,
    expected: ADMIN_ONLY(201),
  },
  changeStandardStatus: {
    method: 'POST',
    path: '/standards/matrix_probe/status',
    ownerUserId: 'demo-admin',
    body: { version: 1, to: 'locked' },
    expected: ADMIN_ONLY(200),
  },
  getStandardsAttainment: {
    method: 'GET',
    path: '/standards/attainment',
    ownerUserId: 'demo-staff-sh',
    expected: { ...staffOnly(200), executive: 200 },
  },
  listStandardBreaches: {
    method: 'GET',
    path: '/standards/matrix_probe/breaches',
    ownerUserId: 'demo-staff-sh',
    expected: { ...staffOnly(200), executive: 200 },
  },
  // The alerts that went to the caller's subtree: staff and executives of every branch, admins.
  listStandardAlerts: {
    method: 'GET',
    path: '/standards/alerts',
    ownerUserId: 'demo-staff-sh',
    expected: { ...staffOnly(200), executive: 200 },
  },
  // Not piloted yet: the same 404 for staff and executives of every branch.
  getStandardEvaluation: {
    method: 'GET',
    path: '/standards/matrix_probe/evaluation',
    ownerUserId: 'demo-staff-sh',
    expected: { ...staffOnly(404), executive: 404 },
  },
  // The insurer's other systems sign their requests; no person's token opens it (401 unsigned).
  ingestStandardEvents: { method: 'POST', path: '/standards/events', body: {}, expected: all(401) },
};

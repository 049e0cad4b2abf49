import type { ComplaintDetail, ComplaintQueueItem } from '@zhixiang/shared/complaints/schemas';
import type { VoiceItemsResponse } from '@zhixiang/shared/voice/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoData } from '../../src/seed/demo-data';
import { createSystem, type System } from '../../src/system';
import { requestsAs } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { FIXED_TODAY, fixedClock } from '../support/fixed-clock';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/**
 * Executives (高管) through the real gateway: they read their subtree's complaints and voice, join a
 * complaint (comment, ask for an update, assign it to a staff member of the handling subtree), and
 * do nothing else staff do.
 */
const data = buildDemoData(FIXED_TODAY);
const policyOf = (customerId: string) =>
  data.policies.find((p) => p.holderId === customerId && p.insuredId === customerId)!.policyNo;
const PUDONG_HEAD = 'demo-exec-sh-pd';
const HQ_HEAD = 'demo-exec-hq';

let container: System;
let gateway: TestGateway;
let api: ApiClient;
const texts: string[] = [];
const as = requestsAs(() => ({ api, system: container }), texts);
let pudong = '';
let beijing = '';

beforeAll(async () => {
  gateway = await startTestGateway({ system: () => createSystem(undefined, { now: fixedClock() }) });
  container = gateway.system;
  await seedDemoDataOnce({ repositories: container.repositories, today: FIXED_TODAY });
  api = createApiClient(gateway.url);
  const file = async (userId: string, customerId: string) => {
    const response = await as<ComplaintDetail>(userId, 'POST', '/complaints', {
      category: 'service_attitude',
      description: '柜面人员态度生硬，没有解释退保损失就让我签字',
      policyNo: policyOf(customerId),
      preferredContactTime: 'any',
    });
    expect(response.status, response.text).toBe(201);
    return response.body.complaintId;
  };
  pudong = await file('demo-customer-c001', 'C001');
  beijing = await file('demo-customer-c011', 'C011');
});

afterAll(async () => {
  await gateway?.close();
});

const join = (userId: string, complaintId: string, body: Record<string, unknown>) =>
  as<ComplaintDetail>(userId, 'POST', `/complaints/${complaintId}/oversight`, body);

describe('an executive reads their subtree', () => {
  it('sees the subtree’s complaints, masked, and not another branch’s', async () => {
    const queue = await as<{ complaints: ComplaintQueueItem[] }>(PUDONG_HEAD, 'GET', '/staff/complaints');
    expect(queue.status).toBe(200);
    expect(queue.body.complaints.map((c) => c.complaintId)).toEqual([pudong]);
    const detail = await as<ComplaintDetail>(PUDONG_HEAD, 'GET', `/complaints/${pudong}`);
    expect(detail.status).toBe(200);
    expect(detail.body.handling?.customerNameMasked).toBe('张*');
    expect((await as(PUDONG_HEAD, 'GET', `/complaints/${beijing}`)).status).toBe(404);
    const hq = await as<{ complaints: ComplaintQueueItem[] }>(HQ_HEAD, 'GET', '/staff/complaints');
    expect(hq.body.complaints.map((c) => c.complaintId).sort()).toEqual([pudong, beijing].sort());
  });

  it('reads the voice stream of the subtree', async () => {
    const items = await as<VoiceItemsResponse>(PUDONG_HEAD, 'GET', '/staff/voice/items');
    expect(items.status, items.text).toBe(200);
  });

  it('does not do what staff do: claim, record a step, reclassify', async () => {
    expect((await as(PUDONG_HEAD, 'POST', `/staff/complaints/${pudong}/claim`)).status).toBe(403);
    const step = await as(PUDONG_HEAD, 'POST', `/staff/complaints/${pudong}/steps`, {
      step: 'contacted',
      note: '已联系客户',
    });
    expect(step.status).toBe(403);
    const reclassify = await as(PUDONG_HEAD, 'POST', `/staff/complaints/${pudong}/classification`, {
      severity: 'urgent',
      reason: '高管认为紧急',
    });
    expect(reclassify.status).toBe(403);
  });
});

describe('an executive joins a complaint (督办)', () => {
  it('comments and asks for an update, both in the audit log', async () => {
    const comment = await join(PUDONG_HEAD, pudong, {
      action: 'comment',
      note: '请核实柜面是否履行了退保损失告知',
    });
    expect(comment.status, comment.text).toBe(200);
    const update = await join(PUDONG_HEAD, pudong, {
      action: 'request_update',
      note: '请今天下班前反馈进展',
    });
    expect(update.status, update.text).toBe(200);
    expect(update.body.handling?.events.map((e) => [e.type, e.actorName])).toEqual([
      ['received', expect.any(String)],
      ['commented', '浦东中支总经理 孙立'],
      ['update_requested', '浦东中支总经理 孙立'],
    ]);
    expect(update.body.status).toBe('received');
  });

  it('assigns it to a staff member of the handling subtree, who then works it', async () => {
    const assigned = await join(PUDONG_HEAD, pudong, {
      action: 'assign',
      assigneeUserId: 'demo-staff-sh-pd-01',
      note: '请张江服务部跟进',
    });
    expect(assigned.status, assigned.text).toBe(200);
    expect(assigned.body.status).toBe('claimed');
    expect(assigned.body.handling?.claimedByName).toBe('张江服务部坐席 褚艳');
    const step = await as('demo-staff-sh-pd-01', 'POST', `/staff/complaints/${pudong}/steps`, {
      step: 'contacted',
      note: '已电话联系客户',
    });
    expect(step.status, step.text).toBe(200);
  });

  it('refuses bad input with precise Chinese messages and changes nothing', async () => {
    const before = (await container.repositories.complaints.get(pudong))!.version;
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ action: 'assign', note: '请跟进处理' }, 'assigneeUserId', /请填写指派对象/],
      [
        { action: 'assign', note: '请跟进处理', assigneeUserId: 'demo-staff-bj' },
        'assigneeUserId',
        /当前处理机构/,
      ],
      [
        { action: 'assign', note: '请跟进处理', assigneeUserId: 'demo-customer-c001' },
        'assigneeUserId',
        /员工/,
      ],
      [{ action: 'close', note: '请跟进处理' }, 'action', /督办方式/],
      [{ action: 'comment', note: '好' }, 'note', /至少 2 个字/],
      [{ action: 'comment', note: '请跟进', extra: true }, 'extra', /不支持的字段/],
    ];
    for (const [body, field, message] of cases) {
      const response = await join(PUDONG_HEAD, pudong, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.field).toBe(field);
      expect(response.body.message).toMatch(message);
    }
    expect((await container.repositories.complaints.get(pudong))!.version).toBe(before);
  });

  it('is for executives of the subtree only', async () => {
    const body = { action: 'comment', note: '请跟进处理' };
    expect((await join(PUDONG_HEAD, beijing, body)).status).toBe(404);
    expect((await join('demo-staff-sh-pd', pudong, body)).status).toBe(403);
    expect((await join('demo-customer-c001', pudong, body)).status).toBe(403);
    expect((await join(HQ_HEAD, beijing, body)).status).toBe(200);
  });

  it('of two joins at once that assign, one wins', async () => {
    const body = (assigneeUserId: string) => ({ action: 'assign', assigneeUserId, note: '改派处理' });
    const both = await Promise.all([
      join(HQ_HEAD, pudong, body('demo-staff-sh-pd-01')),
      join(PUDONG_HEAD, pudong, body('demo-staff-sh-pd-01')),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
  });
});

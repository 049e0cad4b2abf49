import type { EndorsementRecord } from '@zhixiang/shared/endorsement/model';
import type { CallbackBookingRecord } from '@zhixiang/shared/ports/callback-bookings';
import type { PendingRatingsResponse } from '@zhixiang/shared/ratings/schemas';
import type { VoiceItemView } from '@zhixiang/shared/voice/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATED_ONCE, RATING_LIMIT_REACHED } from '../../src/ratings/use-cases/rate-journey';
import { NOT_ENDED, RATING_SUBJECT_NOT_FOUND } from '../../src/ratings/use-cases/rated-journeys';
import { DEMO_ENDORSEMENT_ID } from '../../src/seed/demo-endorsements';
import { createSystem, type System } from '../../src/system';
import { accessTokenFor, requestsAs } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { data } from '../support/authorisation-matrix';
import { FIXED_NOW, FIXED_TODAY } from '../support/fixed-clock';
import { measurementEventsBetween } from '../support/measurement-events';
import { queuedHandoff } from '../support/queued-handoff';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/**
 * Journey ratings through the gateway against DynamoDB Local: the customer rates their own ended
 * endorsement, callback and handoff once; the rating, its standards event and (low or with words)
 * its voice item are written together; bad input, other people's journeys, journeys not ended and
 * a second rating are refused precisely, and the day's limit holds.
 */
const HOUR = 3_600_000;
let container: System;
let gateway: TestGateway;
let api: ApiClient;
const texts: string[] = [];
const as = requestsAs(() => ({ api, system: container }), texts);

const zhangWei = data.customers.find((c) => c.customerId === 'C001')!;
const heldBy = (customerId: string) => data.policies.filter((p) => p.holderId === customerId);

beforeAll(async () => {
  gateway = await startTestGateway({ system: () => createSystem(undefined, { now: () => FIXED_NOW }) });
  container = gateway.system;
  await seedDemoDataOnce({ repositories: container.repositories, today: FIXED_TODAY });
  api = createApiClient(gateway.url);
});

afterAll(async () => {
  await gateway?.close();
});

/** 张伟's application of `status` on his own policy, last changed `hoursAgo` before now. */
async function application(applicationId: string, status: EndorsementRecord['status'], hoursAgo = 1) {
  const demo = (await container.repositories.endorsements.get(DEMO_ENDORSEMENT_ID))!;
  const policy = heldBy('C001')[0]!;
  const party = { customerId: 'C001', name: zhangWei.name };
  const record: EndorsementRecord = {
    ...demo,
    applicationId,
    status,
    policyNo: policy.policyNo,
    holder: party,
    insured: party,
    branchPath: policy.branchPath,
    preparedBy: { ...demo.preparedBy, userId: 'demo-customer-c001', name: zhangWei.name },
    updatedAt: FIXED_NOW - hoursAgo * HOUR,
  };
  await container.repositories.endorsements.create(record, []);
  return record;
}

/** The policy's new-policy callback completed online `hoursAgo` before now. */
async function completedCallback(policyNo: string, hoursAgo = 2) {
  const policy = data.policies.find((p) => p.policyNo === policyNo)!;
  const current = await container.repositories.callbackBookings.getBooking(policyNo);
  const at = FIXED_NOW - hoursAgo * HOUR;
  const result: CallbackBookingRecord = {
    policyNo,
    slotId: 'ONLINE',
    date: FIXED_TODAY,
    start: '09:00',
    status: 'completed',
    customerId: policy.holderId,
    branchPath: policy.branchPath,
    rescheduleCount: 0,
    reminderDueAt: at,
    reminderSentAt: at,
    outcome: { points: {}, note: null, recordedBy: 'test', recordedAt: at },
    version: current?.version ?? 0,
    updatedAt: at,
  };
  await container.repositories.callbackBookings.recordOnline(current, result);
}

/** 张伟's handoff, claimed by 上海 staff and closed `hoursAgo` before now (or only queued). */
async function handoff(handoffId: string, closed: boolean, hoursAgo = 1) {
  const handoffs = container.repositories.handoffs;
  await handoffs.createOrGet(queuedHandoff(handoffId, zhangWei, FIXED_NOW - (hoursAgo + 1) * HOUR));
  if (!closed) return;
  await handoffs.claim(handoffId, 'demo-staff-sh', '王客服', FIXED_NOW - (hoursAgo + 0.5) * HOUR);
  await handoffs.close(handoffId, 'demo-staff-sh', '已解答', FIXED_NOW - hoursAgo * HOUR);
}

const rate = (userId: string, body: unknown) =>
  as<Record<string, unknown>>(userId, 'POST', '/me/ratings', body);
const pendingOf = async (userId: string) =>
  (await as<PendingRatingsResponse>(userId, 'GET', '/me/ratings/pending')).body.pending;

describe('journey ratings', () => {
  it('asks for each ended journey once, rates it once, and writes its standards event and voice item with it', async () => {
    const effective = await application('EA20261125RATE01', 'effective');
    await application('EA20261125RATE02', 'draft');
    const callbackPolicy = heldBy('C001')[0]!.policyNo;
    await completedCallback(callbackPolicy);
    const handoffId = '6b1c3a52-0d4e-4f31-9d0b-3f5a1c2e7a01';
    await handoff(handoffId, true);

    const pending = await pendingOf('demo-customer-c001');
    expect(pending.map((p) => `${p.journey}:${p.subjectId}`)).toEqual(
      expect.arrayContaining([
        'endorsement:EA20261125RATE01',
        `callback:${callbackPolicy}`,
        `handoff:${handoffId}`,
      ]),
    );
    expect(pending.map((p) => p.subjectId)).not.toContain('EA20261125RATE02');
    expect(pending.find((p) => p.journey === 'endorsement')!.title).toMatch(/^保全变更 · /);

    // Two taps at once: one rating, the other a clear 409.
    const body = {
      journey: 'endorsement',
      subjectId: effective.applicationId,
      score: 2,
      comment: '办理太慢，电话 13812345678',
    };
    const [a, b] = await Promise.all([rate('demo-customer-c001', body), rate('demo-customer-c001', body)]);
    expect([a.status, b.status].sort()).toEqual([201, 409]);
    expect([a, b].find((r) => r.status === 409)!.body.message).toBe(RATED_ONCE);
    expect((await rate('demo-customer-c001', { ...body, score: 5 })).body.message).toBe(RATED_ONCE);

    // A good rating without words is no voice; a closed handoff rated 5 with words is.
    expect(
      (await rate('demo-customer-c001', { journey: 'callback', subjectId: callbackPolicy, score: 4 })).status,
    ).toBe(201);
    const withWords = await rate('demo-customer-c001', {
      journey: 'handoff',
      subjectId: handoffId,
      score: 5,
      comment: '  客服很耐心  ',
    });
    expect(withWords.status, withWords.text).toBe(201);
    expect(withWords.body).toMatchObject({ score: 5, comment: '客服很耐心' });
    expect(await pendingOf('demo-customer-c001')).toEqual([]);

    // The standards report's satisfaction figures: each rating in the stream, once, with its score.
    const events = await measurementEventsBetween(container.measurements, FIXED_NOW - HOUR, FIXED_NOW + HOUR);
    const ratings = events.filter((e) => e.eventId.startsWith('rating:'));
    expect(ratings.map((e) => [e.type, e.score, e.branchPath]).sort()).toEqual(
      [
        ['endorsement.rated', 2, effective.branchPath],
        [
          'new_policy_callback.rated',
          4,
          data.policies.find((p) => p.policyNo === callbackPolicy)!.branchPath,
        ],
        ['consultation.handoff_rated', 5, zhangWei.branchPath],
      ].sort(),
    );

    // 客户之声: the low one and the one with words, masked, tagged by journey; not the silent 4.
    const stream = await as<{ items: VoiceItemView[] }>('demo-staff-sh', 'GET', '/staff/voice/items');
    expect(stream.status, stream.text).toBe(200);
    const voice = stream.body.items.filter(
      (i) => i.source.endsWith('_rating') && i.source !== 'event_rating',
    );
    expect(voice.map((i) => [i.source, i.journey]).sort()).toEqual([
      ['endorsement_rating', 'endorsement'],
      ['handoff_rating', 'service'],
    ]);
    const low = voice.find((i) => i.source === 'endorsement_rating')!;
    expect(low).toMatchObject({ sourceLabel: '保全变更评价', customerLabel: '张*' });
    expect(low.text).toContain('评分 2 星：办理太慢');
    expect(low.text).not.toContain('13812345678');
    expect(texts.join('\n')).not.toContain('13812345678');
  });

  it('refuses bad input, other people\u2019s journeys and journeys not ended, precisely and writing nothing', async () => {
    const cases: [unknown, number, string | RegExp][] = [
      [{ journey: 'endorsement', subjectId: 'EA20261125RATE02', score: 0 }, 400, '请选择 1 至 5 星'],
      [{ journey: 'endorsement', subjectId: 'EA20261125RATE02', score: 6 }, 400, '请选择 1 至 5 星'],
      [{ journey: 'endorsement', subjectId: 'EA20261125RATE02', score: 2.5 }, 400, '请选择 1 至 5 星'],
      [{ journey: 'endorsement', subjectId: 'EA20261125RATE02', score: '5' }, 400, '请选择 1 至 5 星'],
      [
        { journey: 'endorsement', subjectId: 'EA20261125RATE02', score: 3, comment: '好'.repeat(201) },
        400,
        /200 字以内/,
      ],
      [
        { journey: 'endorsement', subjectId: 'EA20261125RATE02', score: 3, comment: '很好\u0007' },
        400,
        /控制字符/,
      ],
      [{ journey: 'claim', subjectId: 'EA20261125RATE02', score: 3 }, 400, /服务类型/],
      [{ journey: 'endorsement', subjectId: '../../x', score: 3 }, 400, '要评价的服务编号格式不正确'],
      [{ journey: 'endorsement', subjectId: 'EA20261125RATE02', score: 3, extra: 1 }, 400, /.+/],
      // Not ended yet: a draft application, a queued handoff.
      [{ journey: 'endorsement', subjectId: 'EA20261125RATE02', score: 3 }, 409, NOT_ENDED.endorsement],
      // Someone else's (李娜's) and one that does not exist: the same 404.
      [{ journey: 'endorsement', subjectId: DEMO_ENDORSEMENT_ID, score: 3 }, 404, RATING_SUBJECT_NOT_FOUND],
      [{ journey: 'endorsement', subjectId: 'EA20261125NONE99', score: 3 }, 404, RATING_SUBJECT_NOT_FOUND],
      [
        { journey: 'callback', subjectId: heldBy('C002')[0]!.policyNo, score: 3 },
        404,
        RATING_SUBJECT_NOT_FOUND,
      ],
    ];
    for (const [body, status, message] of cases) {
      const response = await rate('demo-customer-c001', body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(String(response.body.message), JSON.stringify(body)).toMatch(message);
    }
    const queued = '6b1c3a52-0d4e-4f31-9d0b-3f5a1c2e7a02';
    await handoff(queued, false);
    const notClosed = await rate('demo-customer-c001', { journey: 'handoff', subjectId: queued, score: 3 });
    expect(notClosed.status).toBe(409);
    expect(notClosed.body.message).toBe(NOT_ENDED.handoff);
    const malformed = await api.request('POST', '/me/ratings', {
      token: await accessTokenFor(container, 'demo-customer-c001'),
      rawBody: '{"journey": "endorsement",',
      headers: { 'content-type': 'application/json' },
    });
    expect(malformed.status, malformed.text).toBe(400);
    // Agents and staff give no rating: it is the customer's own voice.
    expect(
      (await rate('demo-staff-sh', { journey: 'endorsement', subjectId: 'EA20261125RATE01', score: 3 }))
        .status,
    ).toBe(403);
  });

  it('takes at most the day\u2019s number of ratings per customer, with a clear 429', async () => {
    // 王芳 (C004): eleven effective applications of hers; the eleventh rating is refused.
    const c004 = data.customers.find((c) => c.customerId === 'C004')!;
    const policy = heldBy('C004')[0]!;
    const demo = (await container.repositories.endorsements.get(DEMO_ENDORSEMENT_ID))!;
    const party = { customerId: 'C004', name: c004.name };
    for (let i = 10; i <= 20; i++)
      await container.repositories.endorsements.create(
        {
          ...demo,
          applicationId: `EA20261125LIM0${i}`,
          status: 'effective',
          policyNo: policy.policyNo,
          holder: party,
          insured: party,
          branchPath: policy.branchPath,
          updatedAt: FIXED_NOW - HOUR,
        },
        [],
      );
    const statuses: number[] = [];
    let last: Awaited<ReturnType<typeof rate>> | undefined;
    for (let i = 10; i <= 20; i++) {
      last = await rate('demo-customer-c004', {
        journey: 'endorsement',
        subjectId: `EA20261125LIM0${i}`,
        score: 4,
      });
      statuses.push(last.status);
    }
    expect(statuses).toEqual([...Array(10).fill(201), 429]);
    expect(last!.body.message).toBe(RATING_LIMIT_REACHED);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(0);
    // The refused one was not written: it is still waiting.
    expect((await pendingOf('demo-customer-c004')).map((p) => p.subjectId)).toContain('EA20261125LIM020');
  });
});

import type { EventReport, EventTicket, RegistrationView, StaffEvent } from '@zhixiang/shared/events/schemas';
import { formatShanghaiMonthDayTimeCn } from '@zhixiang/shared/format/dates';
import type { VoiceItemView, VoiceServerFrame } from '@zhixiang/shared/voice/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_NOT_ENDED, RATE_ONCE } from '../../src/events/use-cases/rate-event';
import { createSystem, type System } from '../../src/system';
import { projectVoice } from '../../src/voice/use-cases/project-voice';
import { requestsAs } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { FIXED_NOW, FIXED_TODAY } from '../support/fixed-clock';
import { measurementEventsBetween } from '../support/measurement-events';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';
import { listenToVoiceAs } from '../support/voice-listener';

/**
 * The one-tap rating after the event, through the gateway against DynamoDB Local: only an attendee
 * of a session that has ended rates, once; a low rating joins 客户之声 at the customer's branch in
 * the same transaction and reaches the executives listening live (高管聆听) through the voice
 * projection, once; the report gives each session's average.
 */
const HOUR = 3_600_000;
let clock = FIXED_NOW;
let container: System;
let gateway: TestGateway;
let api: ApiClient;
const texts: string[] = [];
const as = requestsAs(() => ({ api, system: container }), texts);
const at = (hours: number) => new Date(FIXED_NOW + hours * HOUR).toISOString();

beforeAll(async () => {
  gateway = await startTestGateway({ system: () => createSystem(undefined, { now: () => clock }) });
  container = gateway.system;
  await seedDemoDataOnce({ repositories: container.repositories, today: FIXED_TODAY });
  api = createApiClient(gateway.url);
});

afterAll(async () => {
  await gateway?.close();
});

/**
 * Moves the clock on; access tokens last 15 minutes, so requests from then on carry tokens issued
 * by a fresh system at the new time (same table, same signing key).
 */
function later(hours: number) {
  clock = FIXED_NOW + hours * HOUR;
  container = createSystem(undefined, { now: () => clock });
}

/** A 太有爱 session tomorrow, 10:00–12:00 from FIXED_NOW's clock. */
async function eventWithAttendees(title: string, attendees: string[], absent: string[] = []) {
  const created = await as<StaffEvent>('demo-staff-sh', 'POST', '/staff/events', {
    brand: 'charity',
    title,
    city: '上海',
    description: '为希望小学募集课外读物，欢迎客户、业务员和员工参与。',
    venues: [{ name: '张江营销服务部', address: '上海市浦东新区张江路88号' }],
    sessions: [{ venueIndex: 0, startsAt: at(24), endsAt: at(26), capacity: 20 }],
    audience: {
      roles: ['customer', 'agent', 'staff'],
      segment: null,
      ageBand: null,
      organiserBranchOnly: false,
    },
    registrationOpensAt: at(-1),
    registrationClosesAt: at(20),
    whatToBring: '捐赠的图书',
    maxCompanions: 2,
  });
  expect(created.status, created.text).toBe(201);
  const eventId = created.body.eventId;
  expect((await as('demo-staff-sh', 'POST', `/staff/events/${eventId}/publish`)).status).toBe(200);
  const body = { sessionId: 'S1', companions: [], guardianConsent: false, waitIfFull: false };
  for (const person of [...attendees, ...absent])
    expect((await as(person, 'POST', `/events/${eventId}/registration`, body)).status).toBe(201);
  for (const person of attendees) {
    const ticket = await as<EventTicket>(person, 'GET', `/events/${eventId}/registration/ticket`);
    const checkedIn = await as('demo-staff-sh', 'POST', `/staff/events/${eventId}/check-in`, {
      ticket: ticket.body.ticket,
    });
    expect(checkedIn.status, checkedIn.text).toBe(200);
  }
  return eventId;
}

describe('the rating after the event', () => {
  it('lets an attendee rate once after the session, puts a low rating in 客户之声, and averages per session', async () => {
    clock = FIXED_NOW;
    const eventId = await eventWithAttendees(
      '太有爱·读书会',
      ['demo-customer-c001', 'demo-customer-c002'],
      ['demo-customer-c005'],
    );
    later(25);
    const early = await as('demo-customer-c001', 'POST', `/events/${eventId}/registration/rating`, {
      score: 4,
    });
    expect(early.status).toBe(409);
    expect(early.body.message).toBe(RATE_NOT_ENDED);

    later(27);
    const detail = await as<{ myRegistration: RegistrationView }>(
      'demo-customer-c001',
      'GET',
      `/events/${eventId}`,
    );
    expect(detail.body.myRegistration).toMatchObject({ status: 'checked_in', mayRate: true, rating: null });
    const absent = await as('demo-customer-c005', 'POST', `/events/${eventId}/registration/rating`, {
      score: 5,
    });
    expect(absent.status).toBe(409);
    expect(absent.body.message).toBe('签到参加活动后才能评价');
    const outOfRange = await as('demo-customer-c001', 'POST', `/events/${eventId}/registration/rating`, {
      score: 6,
    });
    expect(outOfRange.status).toBe(400);
    expect(outOfRange.body.message).toContain('请选择 1 至 5 星');

    const low = await as<RegistrationView>(
      'demo-customer-c001',
      'POST',
      `/events/${eventId}/registration/rating`,
      {
        score: 2,
        comment: '签到排队太久，联系我 13812345678',
      },
    );
    expect(low.status, low.text).toBe(201);
    expect(low.body).toMatchObject({ rating: { score: 2 }, mayRate: false });
    const twice = await as('demo-customer-c001', 'POST', `/events/${eventId}/registration/rating`, {
      score: 5,
    });
    expect(twice.status).toBe(409);
    expect(twice.body.message).toBe(RATE_ONCE);
    const high = await as('demo-customer-c002', 'POST', `/events/${eventId}/registration/rating`, {
      score: 5,
    });
    expect(high.status).toBe(201);

    // The low rating is in 浦东中支's stream (张伟's branch), redacted and tagged; the 5 is not.
    const stream = await as<{ items: VoiceItemView[] }>('demo-staff-sh-pd', 'GET', '/staff/voice/items');
    expect(stream.status, stream.text).toBe(200);
    const ratings = stream.body.items.filter((i) => i.source === 'event_rating');
    expect(ratings).toHaveLength(1);
    expect(ratings[0]).toMatchObject({
      sourceLabel: '俱乐部活动评价',
      journey: 'service',
      customerLabel: '张*',
    });
    expect(ratings[0]!.text).toContain('俱乐部活动「太有爱·读书会」评分 2 星：签到排队太久');
    expect(ratings[0]!.text).not.toContain('13812345678');

    const report = await as<EventReport>('demo-staff-sh', 'GET', `/staff/events/${eventId}/report`);
    expect(report.status, report.text).toBe(200);
    // All three came as customers: each is counted in the segment they fell into when registering.
    expect(report.body.bySegment.reduce((n, r) => n + r.registrations, 0)).toBe(3);
    expect(report.body.bySegment.every((r) => ['尊享客户', '其他客户'].includes(r.segmentLabel))).toBe(true);
    expect(report.body.bySession).toEqual([
      expect.objectContaining({
        sessionId: 'S1',
        ratings: 2,
        averageRatingTenths: 35,
        people: 3,
        checkedInPeople: 2,
        attendanceBasisPoints: 6667,
      }),
    ]);

    // The standards report's satisfaction figures: each rating in the measurement stream with its
    // score, written in the rating's own transaction (the refused second rating wrote nothing).
    const rated = (await measurementEventsBetween(container.measurements, FIXED_NOW, clock + 1)).filter(
      (e) => e.type === 'consultation.event_rated' && e.caseId.startsWith(`event_rating:${eventId}:`),
    );
    expect(rated.map((e) => e.score).sort()).toEqual([2, 5]);
  });
});

/** A listening connection of `userId` over the gateway's WebSocket API (the voice tests' feed). */
const listenAs = (userId: string) => listenToVoiceAs(container, gateway.liveChatUrl, userId);

describe('a low rating, live to the listening executives', () => {
  it('pushes a low rating once, through the voice projection, to the listeners of the rater’s branch subtree, and a good one not at all', async () => {
    clock = FIXED_NOW;
    const title = '太有爱·亲子手工课';
    const eventId = await eventWithAttendees(title, ['demo-customer-c001', 'demo-customer-c002']);
    later(27);
    const pudong = await listenAs('demo-exec-sh-pd');
    const hq = await listenAs('demo-exec-hq');
    const beijing = await listenAs('demo-staff-bj');
    try {
      for (const listener of [pudong, hq, beijing])
        await listener.waitFor((f) => f.type === 'voice_listening', 'listening');
      const ofThisEvent = (f: VoiceServerFrame) =>
        f.type === 'voice_item' && f.item.source === 'event_rating' && f.item.text.includes(title);

      // What earlier tests left pending goes out first.
      const silent = { error: () => {}, warn: () => {} };
      await projectVoice({ ...container, logger: silent });

      // A good rating is no voice: nothing reaches anyone. 张伟 is a customer of 张江, under 浦东.
      const high = await as('demo-customer-c002', 'POST', `/events/${eventId}/registration/rating`, {
        score: 4,
      });
      expect(high.status, high.text).toBe(201);

      const low = await as('demo-customer-c001', 'POST', `/events/${eventId}/registration/rating`, {
        score: 1,
        comment: '讲师迟到一小时，电话 13812345678 也没人接',
      });
      expect(low.status, low.text).toBe(201);
      // The voice projection (every minute) pushes it: two runs at once push it once.
      const runs = await Promise.all([
        projectVoice({ ...container, logger: silent }),
        projectVoice({ ...container, logger: silent }),
      ]);
      expect(runs.map((r) => r.announced).sort()).toEqual([0, 1]);
      const seen = await pudong.waitFor(ofThisEvent, 'the low rating at 浦东');
      const session = `场次：${formatShanghaiMonthDayTimeCn(at(24))} 张江营销服务部`;
      expect(seen).toMatchObject({
        type: 'voice_item',
        item: {
          sourceLabel: '俱乐部活动评价',
          customerLabel: '张*',
          journey: 'service',
          branchName: '张江营销服务部',
          text: `俱乐部活动「${title}」评分 1 星：讲师迟到一小时，电话 138****5678 也没人接（${session}）`,
        },
      });
      expect(JSON.stringify(seen)).not.toContain('13812345678');
      await hq.waitFor(ofThisEvent, 'the low rating at 总公司');

      // Rated again: refused, and pushed no second time.
      const twice = await as('demo-customer-c001', 'POST', `/events/${eventId}/registration/rating`, {
        score: 1,
      });
      expect(twice.status).toBe(409);
      expect((await projectVoice({ ...container, logger: silent })).announced).toBe(0);
      await new Promise((r) => setTimeout(r, 300));
      expect(pudong.frames.filter(ofThisEvent)).toHaveLength(1);
      expect(hq.frames.filter(ofThisEvent)).toHaveLength(1);
      expect(beijing.frames.some(ofThisEvent)).toBe(false);
    } finally {
      pudong.close();
      hq.close();
      beijing.close();
    }
  });
});

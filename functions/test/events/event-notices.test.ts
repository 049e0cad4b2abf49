import type { RegistrationView, StaffEvent } from '@zhixiang/shared/events/schemas';
import type { MessageListResponse } from '@zhixiang/shared/notifications/schemas';
import type { Notifier } from '@zhixiang/shared/ports/notifications';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  deliverEventOfferNotices,
  type EventNoticeDeps,
  remindEventSessions,
} from '../../src/events/use-cases/event-notices';
import { offerFreedSeats } from '../../src/events/use-cases/offer-freed-seats';
import { messageIdOf } from '../../src/notifications/use-cases/notify';
import { createSystem, type System } from '../../src/system';
import { requestsAs } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { FIXED_NOW, FIXED_TODAY } from '../support/fixed-clock';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { notificationSmsTo } from '../support/sms-outbox';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/**
 * Club events tell the customer, through the one notifier, against DynamoDB Local with the local
 * SMS outbox as the customer's phone: the waiting list's offer is told exactly once — when the
 * immediate send and the offer-notice run race, and after a crash between the offer's transaction
 * and the send (the open offer is the outbox entry) — and the reminder before a session goes once
 * per registration and session, to customers only, for sessions starting within 24 hours.
 */
const HOUR = 3_600_000;
let clock = FIXED_NOW;
let container: System;
let gateway: TestGateway;
let api: ApiClient;
const texts: string[] = [];
const as = requestsAs(() => ({ api, system: container }), texts);
const at = (hoursFromNow: number) => new Date(FIXED_NOW + hoursFromNow * HOUR).toISOString();

beforeAll(async () => {
  gateway = await startTestGateway({ system: () => createSystem(undefined, { now: () => clock }) });
  container = gateway.system;
  await seedDemoDataOnce({ repositories: container.repositories, today: FIXED_TODAY });
  api = createApiClient(gateway.url);
});

afterAll(async () => {
  await gateway?.close();
});

/** A published 太有爱 event open to customers, agents and staff, with these sessions (hours from FIXED_NOW). */
async function publishedEvent(
  title: string,
  sessions: { startsIn: number; capacity: number }[],
  closesIn = 24 * 10,
): Promise<string> {
  const created = await as<StaffEvent>('demo-staff-sh', 'POST', '/staff/events', {
    brand: 'charity',
    title,
    city: '上海',
    description: '为希望小学募集课外读物，欢迎客户、业务员和员工参与。',
    venues: [{ name: '张江营销服务部', address: '上海市浦东新区张江路88号' }],
    sessions: sessions.map((s) => ({
      venueIndex: 0,
      startsAt: at(s.startsIn),
      endsAt: at(s.startsIn + 3),
      capacity: s.capacity,
    })),
    audience: {
      roles: ['customer', 'agent', 'staff'],
      segment: null,
      ageBand: null,
      organiserBranchOnly: false,
    },
    registrationOpensAt: at(-24),
    registrationClosesAt: at(closesIn),
    whatToBring: '捐赠的图书',
    maxCompanions: 2,
  });
  expect(created.status, created.text).toBe(201);
  const published = await as('demo-staff-sh', 'POST', `/staff/events/${created.body.eventId}/publish`);
  expect(published.status, published.text).toBe(200);
  return created.body.eventId;
}

async function register(userId: string, eventId: string, sessionId = 'S1'): Promise<RegistrationView> {
  const answer = await as<RegistrationView>(userId, 'POST', `/events/${eventId}/registration`, {
    sessionId,
    companions: [],
    guardianConsent: false,
    waitIfFull: true,
  });
  expect(answer.status, answer.text).toBe(201);
  return answer.body;
}

const phoneOf = async (customerId: string) =>
  (await container.repositories.customers.get(customerId))?.phone ?? '';

/** The notification SMS the sandbox provider sent to this phone about this event (the outbox file is shared). */
async function smsTo(phone: string, code: string, title: string) {
  return (await notificationSmsTo(container, phone)).filter(
    (line) => line.code === code && line.params.some((p) => p.includes(title)),
  );
}

/** The customer's message centre, as they read it, for this event. */
async function messagesAbout(userId: string, eventId: string) {
  const list = await as<MessageListResponse>(userId, 'GET', '/me/messages?limit=50');
  expect(list.status, list.text).toBe(200);
  return list.body.messages.filter(
    (m) => m.subject.kind === 'event_registration' && m.subject.eventId === eventId,
  );
}

const offerOf = async (eventId: string, personKey: string) =>
  container.repositories.events.registration(eventId, personKey);

describe('the offer of a freed seat', () => {
  it('tells the head of the list once when the immediate send and the offer-notice runs race', async () => {
    const title = '太有爱·候补通知赛跑';
    const eventId = await publishedEvent(title, [{ startsIn: 24 * 12, capacity: 1 }]);
    await register('demo-customer-c001', eventId);
    expect((await register('demo-customer-c004', eventId)).status).toBe('waiting');

    // 张伟 cancels: the seat is offered to 王芳 and she is told in the same request, while three
    // offer-notice runs go at once.
    const [cancelled, ...runs] = await Promise.all([
      as('demo-customer-c001', 'POST', `/events/${eventId}/registration/cancel`),
      deliverEventOfferNotices(container),
      deliverEventOfferNotices(container),
      deliverEventOfferNotices(container),
    ]);
    expect(cancelled.status, cancelled.text).toBe(200);
    const after = await deliverEventOfferNotices(container);
    // Whichever sender claimed the message first sent it; the others sent nothing.
    expect(runs.concat(after).reduce((n, r) => n + r.notified, 0)).toBeLessThanOrEqual(1);
    expect(after.pending).toBe(0);

    const offer = await offerOf(eventId, 'C004');
    expect(offer).toMatchObject({ status: 'offered' });
    expect(offer?.offerNotifiedAt).toEqual(expect.any(String));
    const sent = await smsTo(await phoneOf('C004'), '活动候补名额已为您保留', title);
    expect(sent).toHaveLength(1);
    expect(sent[0]?.params[1]).toMatch(/前到活动页确认，逾期将顺延$/);

    const messages = await messagesAbout('demo-customer-c004', eventId);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      kind: 'event_offer',
      title: '活动候补名额已为您保留',
      subject: { kind: 'event_registration', eventId },
      read: false,
    });
    const stored = await container.messages.get(
      messageIdOf(`event.offer:${eventId}:C004:${offer?.offerExpiresAt}`),
    );
    // No WeChat account bound for the demo customer: WeChat first, then the SMS fallback.
    expect(stored?.attempts.map((a) => [a.channel, a.outcome])).toEqual([
      ['wechat', 'no_openid'],
      ['sms', 'sent'],
    ]);
  });

  it('tells an offer whose send never happened (a crash after the offer) at the next run, once', async () => {
    const title = '太有爱·候补通知补发';
    const eventId = await publishedEvent(title, [{ startsIn: 24 * 12, capacity: 1 }]);
    await register('demo-customer-c001', eventId);
    expect((await register('demo-customer-c005', eventId)).status).toBe('waiting');

    // The seat is released, and the function offering it stops right after the offer's transaction.
    const seat = await container.repositories.events.registration(eventId, 'C001');
    const released = await container.repositories.events.release(
      { ...seat!, status: 'cancelled', updatedAt: new Date(clock).toISOString(), version: seat!.version + 1 },
      seat!,
    );
    expect(released).toBe(true);
    const stopped: Notifier = {
      notify: () => Promise.reject(new Error('the function stopped before the send')),
    };
    expect(await offerFreedSeats({ ...container, notifier: stopped }, eventId, 'S1')).toBe(1);
    expect(await offerOf(eventId, 'C005')).toMatchObject({ status: 'offered' });
    expect((await offerOf(eventId, 'C005'))?.offerNotifiedAt).toBeUndefined();
    expect(await smsTo(await phoneOf('C005'), '活动候补名额已为您保留', title)).toEqual([]);
    expect(await messagesAbout('demo-customer-c005', eventId)).toEqual([]);

    // Two runs at once, then a third: one message, one SMS, the offer marked told.
    const runs = await Promise.all([
      deliverEventOfferNotices(container),
      deliverEventOfferNotices(container),
    ]);
    const third = await deliverEventOfferNotices(container);
    expect(runs.reduce((n, r) => n + r.notified, 0)).toBe(1);
    expect(third.pending).toBe(0);
    expect((await offerOf(eventId, 'C005'))?.offerNotifiedAt).toEqual(expect.any(String));
    expect(await smsTo(await phoneOf('C005'), '活动候补名额已为您保留', title)).toHaveLength(1);
    expect(await messagesAbout('demo-customer-c005', eventId)).toHaveLength(1);
  });

  it('tells no agent or staff member of an offer: only customers have a message centre', async () => {
    const eventId = await publishedEvent('太有爱·员工候补', [{ startsIn: 24 * 12, capacity: 1 }]);
    await register('demo-customer-c001', eventId);
    const staff = await register('demo-staff-sh', eventId);
    expect(staff.status).toBe('waiting');
    const cancelled = await as('demo-customer-c001', 'POST', `/events/${eventId}/registration/cancel`);
    expect(cancelled.status, cancelled.text).toBe(200);
    const offers = await container.repositories.events.registrationsOfEvent(eventId);
    const offered = offers.find((r) => r.status === 'offered');
    expect(offered?.role).toBe('staff');
    expect(offered?.offerNotifiedAt).toBeUndefined();
    const run = await deliverEventOfferNotices(container);
    expect(run.skipped).toBeGreaterThanOrEqual(1);
    expect(run.notified).toBe(0);
  });
});

describe('the reminder before a session', () => {
  it('reminds each customer of a session starting within 24 hours once, skips agents, staff, later and started sessions, and follows a move', async () => {
    const saved = clock;
    try {
      const title = '太有爱·开场提醒';
      // S1 starts in 10 hours, S2 in 30; registration closes in 8 hours.
      const eventId = await publishedEvent(
        title,
        [
          { startsIn: 10, capacity: 10 },
          { startsIn: 30, capacity: 10 },
        ],
        8,
      );
      await register('demo-customer-c001', eventId, 'S1');
      await register('demo-customer-c002', eventId, 'S2');
      await register('demo-staff-sh', eventId, 'S1');
      await register('demo-agent-a001', eventId, 'S1');
      const deps = (): EventNoticeDeps => container;

      // Two runs: 张伟 (S1) once; 李娜's session is more than 24 hours away; staff and agent skipped.
      const first = await remindEventSessions(deps());
      const second = await remindEventSessions(deps());
      expect(first.skipped).toBeGreaterThanOrEqual(2);
      expect(second.reminded).toBe(0);
      const c001 = await messagesAbout('demo-customer-c001', eventId);
      expect(c001).toHaveLength(1);
      expect(c001[0]).toMatchObject({ kind: 'event_reminder', title: '活动即将开始' });
      expect(c001[0]?.text).toMatch(/请携带：捐赠的图书；地点：张江营销服务部/);
      expect(await smsTo(await phoneOf('C001'), '活动即将开始', title)).toHaveLength(1);
      expect(await messagesAbout('demo-customer-c002', eventId)).toEqual([]);

      // 张伟 moves to S2: nothing yet (S2 is 30 hours away); 7 hours after S1 started, S2 is
      // within 24 hours and both its customers are reminded, once.
      const moved = await as('demo-customer-c001', 'POST', `/events/${eventId}/registration/session`, {
        sessionId: 'S2',
      });
      expect(moved.status, moved.text).toBe(200);
      expect((await remindEventSessions(deps())).reminded).toBe(0);
      clock = FIXED_NOW + 17 * HOUR;
      await remindEventSessions(deps());
      expect((await remindEventSessions(deps())).reminded).toBe(0);
      // (The messages are read back at the tokens' time.)
      clock = saved;
      expect(await messagesAbout('demo-customer-c001', eventId)).toHaveLength(2);
      expect(await messagesAbout('demo-customer-c002', eventId)).toHaveLength(1);
      expect(await smsTo(await phoneOf('C001'), '活动即将开始', title)).toHaveLength(2);
      expect(await smsTo(await phoneOf('C002'), '活动即将开始', title)).toHaveLength(1);

      // After both sessions started nobody is reminded again.
      clock = FIXED_NOW + 31 * HOUR;
      const late = await remindEventSessions(deps());
      expect(late.reminded).toBe(0);
      clock = saved;
      expect(await messagesAbout('demo-customer-c001', eventId)).toHaveLength(2);
    } finally {
      clock = saved;
    }
  });
});

import { callbackCaseId } from '@zhixiang/shared/callback/measurement';
import {
  ALREADY_BOOKED_MESSAGE,
  BOOKING_CHANGED_MESSAGE,
  CALLBACK_POINTS,
  CallbackDayResponseSchema,
  CallbackSlotsResponseSchema,
} from '@zhixiang/shared/callback/schemas';
import { slotStartAt } from '@zhixiang/shared/callback/window';
import type { SmsMessage } from '@zhixiang/shared/ports/sms-sender';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsFor } from '../../src/auth/use-cases/session';
import { CALLBACK_DONE_MESSAGE } from '../../src/callback/use-cases/book-callback-slot';
import { RESCHEDULE_LIMIT_MESSAGE } from '../../src/callback/use-cases/callback-policy';
import { sendCallbackReminders } from '../../src/callback/use-cases/send-callback-reminders';
import { readLatestSandboxCode } from '../../src/platform/sms/sandbox-outbox-sms';
import { buildDemoData } from '../../src/seed/demo-data';
import { createSystem, type System } from '../../src/system';
import { type ApiClient, createApiClient } from '../support/api-client';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/** The callback journey through the real gateway and handlers against DynamoDB Local. */
const data = buildDemoData('2026-11-25');
const POLICY = data.policies.find((p) => p.holderId === 'C001' && p.effectiveDate > '2026-11-01')!.policyNo;
const OLD_POLICY = data.policies.find((p) => p.holderId === 'C001' && p.insuredId === 'C001')!.policyNo;
const zhangWei = data.customers.find((c) => c.customerId === 'C001')!;

let container: System;
let gateway: TestGateway;
let api: ApiClient;
const tokens = new Map<string, string>();

async function as(userId: string) {
  let token = tokens.get(userId);
  if (!token) {
    const user = await container.repositories.users.get(userId);
    if (!user) throw new Error(`no user ${userId}`);
    token = (await container.accessTokens.issue(claimsFor(user))).token;
    tokens.set(userId, token);
  }
  return {
    get: <T>(path: string, query?: Record<string, string>) =>
      api.request<T>('GET', path, { token, ...(query ? { query } : {}) }),
    send: <T>(method: string, path: string, body?: unknown) =>
      api.request<T>(method, path, { token, ...(body === undefined ? {} : { body }) }),
  };
}

interface Booking {
  slotId: string;
  date: string;
  status: string;
  version: number;
  rescheduleCount: number;
  reschedulesLeft: number;
}
interface Slots {
  slots: Array<{ slotId: string; date: string; start: string }>;
  booking: Booking | null;
  coolingOffEndDate: string;
  suggestOnlineCallback: boolean;
}

const outbox = () =>
  container.config.sms.provider === 'sandbox-outbox' ? container.config.sms.outboxFile : '';
const slotsPath = `/policies/${POLICY}/callback/slots`;
const bookingPath = `/policies/${POLICY}/callback`;

beforeAll(async () => {
  container = createSystem();
  await seedDemoDataOnce({ repositories: container.repositories });
  gateway = await startTestGateway();
  api = createApiClient(gateway.url);
});

afterAll(async () => {
  await gateway?.close();
});

describe('a customer books, moves and cancels the callback of their new policy', () => {
  let offered: Slots['slots'];

  it('lists only slots after the notice and before the end of the cooling-off period', async () => {
    const customer = await as('demo-customer-c001');
    const response = await customer.get<Slots>(slotsPath);
    expect(response.status, response.text).toBe(200);
    expect(CallbackSlotsResponseSchema.safeParse(response.body).success).toBe(true);
    offered = response.body.slots;
    expect(offered.length).toBeGreaterThan(5);
    expect(response.body.booking).toBeNull();
    for (const slot of offered) {
      expect(slotStartAt(slot)).toBeGreaterThanOrEqual(Date.now() + 2 * 3_600_000 - 60_000);
      expect(slot.date <= response.body.coolingOffEndDate).toBe(true);
    }
  });

  it('lets the assigned agent see the same slots', async () => {
    const response = await (await as('demo-agent-a001')).get<Slots>(slotsPath);
    expect(response.status).toBe(200);
    expect(response.body.slots.length).toBeGreaterThan(0);
  });

  it('refuses a policy outside its cooling-off period', async () => {
    const response = await (await as('demo-customer-c001')).get(`/policies/${OLD_POLICY}/callback/slots`);
    expect(response.status).toBe(409);
    expect(response.body).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('犹豫期') });
  });

  it('books, refuses a second booking, moves it with the version seen and cancels it', async () => {
    const customer = await as('demo-customer-c001');
    const [first, second, third] = offered;
    const booked = await customer.send<Booking>('POST', bookingPath, { slotId: first?.slotId });
    expect(booked.status, booked.text).toBe(201);
    expect(booked.body).toMatchObject({
      slotId: first?.slotId,
      status: 'booked',
      version: 1,
      reschedulesLeft: 3,
    });
    expect((await container.repositories.callbackBookings.getSlot(first!.slotId))?.booked).toBe(1);

    const again = await customer.send('POST', bookingPath, { slotId: second?.slotId });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ message: ALREADY_BOOKED_MESSAGE });

    const moved = await customer.send<Booking>('PUT', bookingPath, { slotId: second?.slotId, version: 1 });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body).toMatchObject({ slotId: second?.slotId, rescheduleCount: 1, version: 2 });
    const stale = await customer.send('PUT', bookingPath, { slotId: third?.slotId, version: 1 });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({ message: BOOKING_CHANGED_MESSAGE });
    expect((await container.repositories.callbackBookings.getSlot(first!.slotId))?.booked).toBe(0);
    expect((await container.repositories.callbackBookings.getSlot(second!.slotId))?.booked).toBe(1);

    const mine = await customer.get<{ booking: Booking }>(bookingPath);
    expect(mine.body.booking).toMatchObject({ slotId: second?.slotId, status: 'booked' });

    expect((await customer.send('DELETE', bookingPath)).status).toBe(204);
    expect((await container.repositories.callbackBookings.getSlot(second!.slotId))?.booked).toBe(0);
    expect((await customer.send('DELETE', bookingPath)).status).toBe(404);
  });

  it('counts booking again after a cancellation as a move, three moves in all', async () => {
    const customer = await as('demo-customer-c001');
    // The previous test moved once and cancelled: booking again is the second move.
    let booking = (await customer.send<Booking>('POST', bookingPath, { slotId: offered[0]?.slotId })).body;
    expect(booking).toMatchObject({ status: 'booked', rescheduleCount: 2, reschedulesLeft: 1 });
    const moved = await customer.send<Booking>('PUT', bookingPath, {
      slotId: offered[1]?.slotId,
      version: booking.version,
    });
    expect(moved.status, moved.text).toBe(200);
    booking = moved.body;
    expect(booking).toMatchObject({ rescheduleCount: 3, reschedulesLeft: 0 });
    const fourth = await customer.send('PUT', bookingPath, {
      slotId: offered[2]?.slotId,
      version: booking.version,
    });
    expect(fourth.status).toBe(409);
    expect(fourth.body).toMatchObject({ message: RESCHEDULE_LIMIT_MESSAGE });

    // Cancel + book cannot lift the limit.
    expect((await customer.send('DELETE', bookingPath)).status).toBe(204);
    const rebook = await customer.send('POST', bookingPath, { slotId: offered[2]?.slotId });
    expect(rebook.status).toBe(409);
    expect(rebook.body).toMatchObject({ message: RESCHEDULE_LIMIT_MESSAGE });
    expect((await container.repositories.callbackBookings.getSlot(offered[2]!.slotId))?.booked).toBe(0);

    // Fixture: the call-centre tests below need the policy booked again.
    const repo = container.repositories.callbackBookings;
    const cancelled = (await repo.getBooking(POLICY))!;
    await repo.book({ ...cancelled, ...offered[1]!, updatedAt: 0 }, { ...cancelled, rescheduleCount: 2 });
  });
});

describe('the call centre', () => {
  it("shows the day's bookings of the staff member's branch subtree, masked", async () => {
    const booking = (await container.repositories.callbackBookings.getBooking(POLICY))!;
    const sh = await (await as('demo-staff-sh')).get<{
      slots: Array<{ slotId: string; bookings: unknown[] }>;
    }>('/callback/bookings', { date: booking.date });
    expect(sh.status, sh.text).toBe(200);
    expect(CallbackDayResponseSchema.safeParse(sh.body).success).toBe(true);
    const slot = sh.body.slots.find((s) => s.slotId === booking.slotId);
    expect(slot?.bookings).toEqual([
      expect.objectContaining({
        policyNo: POLICY,
        customerNameMasked: '张*',
        phoneMasked: `${zhangWei.phone.slice(0, 3)}****${zhangWei.phone.slice(-4)}`,
        status: 'booked',
      }),
    ]);
    expect(sh.text).not.toContain(zhangWei.phone);
    expect(sh.text).not.toContain(zhangWei.name);

    const bj = await (await as('demo-staff-bj')).get<{ slots: Array<{ bookings: unknown[] }> }>(
      '/callback/bookings',
      {
        date: booking.date,
      },
    );
    expect(bj.body.slots.flatMap((s) => s.bookings)).toEqual([]);
  });

  it('sends the reminder once, 30 minutes before the call', async () => {
    const booking = (await container.repositories.callbackBookings.getBooking(POLICY))!;
    const sent: SmsMessage[] = [];
    const deps = {
      bookings: container.repositories.callbackBookings,
      customers: container.repositories.customers,
      sms: { send: async (message: SmsMessage) => void sent.push(message) },
      logger: { warn: () => {} },
    };
    expect(await sendCallbackReminders({ ...deps, now: () => booking.reminderDueAt - 60_000 })).toMatchObject(
      {
        sent: 0,
      },
    );
    expect(await sendCallbackReminders({ ...deps, now: () => booking.reminderDueAt + 60_000 })).toMatchObject(
      {
        due: 1,
        sent: 1,
      },
    );
    expect(sent).toEqual([
      expect.objectContaining({ to: zhangWei.phone, template: 'callback_reminder', validMinutes: 29 }),
    ]);
    expect(
      await sendCallbackReminders({ ...deps, now: () => booking.reminderDueAt + 120_000 }),
    ).toMatchObject({
      due: 0,
      sent: 0,
    });
  });

  it('records outcomes: only staff of the branch, completed only with all seven points', async () => {
    const outcomePath = `/callback/bookings/${POLICY}/outcome`;
    const bj = await (await as('demo-staff-bj')).send('POST', outcomePath, { outcome: 'unreachable' });
    expect(bj.status).toBe(404);
    const staff = await as('demo-staff-sh');
    const partial = Object.fromEntries(CALLBACK_POINTS.map((p, i) => [p, i > 0]));
    const refused = await staff.send('POST', outcomePath, { outcome: 'completed', points: partial });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ message: '回访完成须逐项确认七个要点' });

    // Unreachable frees the policy: the customer is offered slots again and books anew.
    const unreachable = await staff.send<Booking>('POST', outcomePath, { outcome: 'unreachable' });
    expect(unreachable.body).toMatchObject({ status: 'unreachable' });
    // A call that did not reach the holder leaves the service standard's case open.
    expect(await container.measurements.listCase(callbackCaseId(POLICY))).toEqual([]);
    const customer = await as('demo-customer-c001');
    const again = await customer.get<Slots>(slotsPath);
    expect(again.body.booking).toMatchObject({ status: 'unreachable' });
    // …and is told by SMS until when it can pick a new time.
    const end = again.body.coolingOffEndDate;
    expect(await readLatestSandboxCode(outbox(), zhangWei.phone)).toBe(
      `${Number(end.slice(5, 7))}月${Number(end.slice(8, 10))}日`,
    );
    const rebooked = await customer.send<Booking>('POST', bookingPath, {
      slotId: again.body.slots[0]?.slotId,
    });
    expect(rebooked.status, rebooked.text).toBe(201);
    // The call centre's miss is not the customer's move.
    expect(rebooked.body).toMatchObject({ rescheduleCount: 3 });

    const all = Object.fromEntries(CALLBACK_POINTS.map((p) => [p, true]));
    const done = await staff.send<Booking>('POST', outcomePath, { outcome: 'completed', points: all });
    expect(done.status, done.text).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed' });
    expect((await container.repositories.callbackBookings.getBooking(POLICY))?.outcome).toMatchObject({
      points: all,
      recordedBy: 'demo-staff-sh',
    });
    // The completion joins the service standards' measurement stream in the same transaction.
    const recordedAt = (await container.repositories.callbackBookings.getBooking(POLICY))?.outcome
      ?.recordedAt;
    expect(await container.measurements.listCase(callbackCaseId(POLICY))).toEqual([
      expect.objectContaining({
        type: 'new_policy_callback.completed',
        at: recordedAt,
        policyNo: POLICY,
        actor: 'demo-staff-sh',
        source: 'system',
      }),
    ]);
    expect((await staff.send('POST', outcomePath, { outcome: 'unreachable' })).status).toBe(409);
    const afterDone = await customer.send('POST', bookingPath, { slotId: again.body.slots[1]?.slotId });
    expect(afterDone.status).toBe(409);
    expect(afterDone.body).toMatchObject({ message: CALLBACK_DONE_MESSAGE });
  });

  it('lays out a schedule from a template, closes a slot and never lowers seats below bookings', async () => {
    const staff = await as('demo-staff-hq');
    const created = await staff.send<{ created: number; existing: number }>('POST', '/callback/slots', {
      from: '2027-01-02',
      to: '2027-01-04',
      weekdays: { open: '09:00', close: '12:00' },
      weekends: { open: '10:00', close: '11:00' },
      seats: 2,
    });
    // Sat 2 + Sun 2 + Mon 6.
    expect(created.body).toEqual({ created: 10, existing: 0 });
    const repeated = await staff.send('POST', '/callback/slots', {
      from: '2027-01-02',
      to: '2027-01-02',
      weekdays: null,
      weekends: { open: '10:00', close: '11:00' },
      seats: 5,
    });
    expect(repeated.body).toEqual({ created: 0, existing: 2 });
    await container.repositories.callbackBookings.book({
      policyNo: '880009990001',
      slotId: '202701040900',
      date: '2027-01-04',
      start: '09:00',
      customerId: 'C001',
      branchPath: 'HQ/SH',
      reminderDueAt: 0,
      updatedAt: 0,
    });
    const lower = await staff.send('PUT', '/callback/slots/202701040900', { seats: 0 });
    expect(lower.status).toBe(409);
    expect(lower.body).toMatchObject({ message: '席位数不能少于已预约人数（1）' });
    const closed = await staff.send('PUT', '/callback/slots/202701040930', { open: false });
    expect(closed.body).toMatchObject({ open: false, seats: 2, booked: 0 });
    expect((await staff.send('PUT', '/callback/slots/202701050900', { open: false })).status).toBe(404);
  });
});

describe('bad input on every callback route', () => {
  it.each([
    ['customer', 'GET', '/policies/ab/callback/slots', undefined, 'policyNo'],
    ['customer', 'GET', '/policies/ab/callback', undefined, 'policyNo'],
    ['customer', 'POST', bookingPath, {}, 'slotId'],
    ['customer', 'POST', bookingPath, { slotId: '2026-12-01 09:00' }, 'slotId'],
    ['customer', 'POST', bookingPath, { slotId: '202612010900', extra: 1 }, 'extra'],
    ['customer', 'PUT', bookingPath, { slotId: '202612010900' }, 'version'],
    ['customer', 'PUT', bookingPath, { slotId: '202612010900', version: 0 }, 'version'],
    ['customer', 'DELETE', '/policies/a!b/callback', undefined, 'policyNo'],
    [
      'staff',
      'POST',
      '/callback/slots',
      { from: '2027-01-05', to: '2027-01-04', weekdays: null, weekends: null, seats: 1 },
      undefined,
    ],
    [
      'staff',
      'POST',
      '/callback/slots',
      {
        from: '2027-01-04',
        to: '2027-01-04',
        weekdays: { open: '09:15', close: '10:00' },
        weekends: null,
        seats: 1,
      },
      'weekdays.open',
    ],
    [
      'staff',
      'POST',
      '/callback/slots',
      { from: '2027-01-04', to: '2027-01-04', weekdays: null, weekends: null, seats: 0 },
      'seats',
    ],
    ['staff', 'PUT', '/callback/slots/2027', { open: false }, 'slotId'],
    ['staff', 'PUT', '/callback/slots/202701040900', {}, undefined],
    ['staff', 'PUT', '/callback/slots/202701040900', { seats: -1 }, 'seats'],
    ['staff', 'POST', `/callback/bookings/${POLICY}/outcome`, { outcome: 'maybe' }, 'outcome'],
    ['staff', 'POST', `/callback/bookings/${POLICY}/outcome`, { outcome: 'problem' }, undefined],
    ['staff', 'POST', '/callback/bookings/x/outcome', { outcome: 'unreachable' }, 'policyNo'],
    ['customer', 'POST', '/policies/ab/callback/online/code', undefined, 'policyNo'],
    ['customer', 'POST', `${bookingPath}/online`, { code: '12ab', answers: {} }, 'code'],
    [
      'customer',
      'POST',
      `${bookingPath}/online`,
      { code: '123456', answers: { identity: true } },
      'answers.personalSignature',
    ],
  ])('%s %s %s %j → 400', async (who, method, path, body, field) => {
    const caller = await as(who === 'customer' ? 'demo-customer-c001' : 'demo-staff-sh');
    const response = await caller.send(method, path, body);
    expect(response.status, response.text).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    if (field) expect(response.body).toMatchObject({ field });
  });

  it('GET /callback/bookings?date=tomorrow → 400', async () => {
    const response = await (await as('demo-staff-sh')).get('/callback/bookings', { date: 'tomorrow' });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ field: 'date' });
  });

  it('refuses a day the calendar lacks (2026-02-30) with 400 naming the field, never a 409', async () => {
    const staff = await as('demo-staff-sh');
    type Refusal = { field?: string; message: string };
    const bookings = await staff.get<Refusal>('/callback/bookings', { date: '2026-02-30' });
    expect([bookings.status, bookings.body.field, bookings.body.message]).toEqual([
      400,
      'date',
      '日期不存在，请检查年、月、日',
    ]);
    const slots = await staff.send<Refusal>('POST', '/callback/slots', {
      from: '2027-02-29',
      to: '2027-03-01',
      weekdays: null,
      weekends: null,
      seats: 1,
    });
    expect([slots.status, slots.body.field]).toEqual([400, 'from']);
    const funnel = await staff.get<Refusal>('/reports/notice-funnel', {
      from: '2026-02-30',
      to: '2026-03-02',
    });
    expect([funnel.status, funnel.body.field]).toEqual([400, 'from']);
  });
});

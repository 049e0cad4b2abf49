import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import {
  ALREADY_REGISTERED_MESSAGE,
  CreateEventRequestSchema,
  EVENT_FULL_MESSAGE,
  type EventDetail,
  type EventListResponse,
  GUARDIAN_CONSENT_MESSAGE,
  type MyRegistrationsResponse,
  type RegistrationView,
  type StaffEvent,
} from '@zhixiang/shared/events/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelEventRegistration } from '../../src/events/use-cases/change-registration';
import { addWalkIn, FORGED_TICKET_MESSAGE } from '../../src/events/use-cases/check-in';
import { expireEventOffers } from '../../src/events/use-cases/expire-event-offers';
import { getEventReport } from '../../src/events/use-cases/get-event-report';
import { eventFromRequest } from '../../src/events/use-cases/manage-events';
import { offerFreedSeats } from '../../src/events/use-cases/offer-freed-seats';
import { registerForEvent } from '../../src/events/use-cases/register-for-event';
import { GetCommand, QueryCommand } from '../../src/platform/dynamodb/document-client';
import { createSystem, type System } from '../../src/system';
import { requestsAs } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { FIXED_NOW, FIXED_TODAY } from '../support/fixed-clock';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/**
 * Club events through the real gateway against DynamoDB Local: staff publish, customers see
 * their eligibility, register a family, fill a session, wait, get an offer and accept it; then,
 * through the use cases, 500 people at once on 50 seats, exactly one offer per freed seat when
 * cancellations race, and the expiry of unanswered offers.
 */
const HOUR = 3_600_000;
let clock = FIXED_NOW;
let container: System;
let gateway: TestGateway;
let api: ApiClient;
const texts: string[] = [];

// Requests as a seeded user; every answer's text is checked for leaks at the end.
const as = requestsAs(() => ({ api, system: container }), texts);

const at = (hoursFromNow: number) => new Date(FIXED_NOW + hoursFromNow * HOUR).toISOString();

/** A 太有爱 event open to everyone, organised by 上海分公司, its window open at FIXED_NOW. */
function charityEvent(title: string, capacity: number, window = { opens: -24, closes: 24 * 10 }) {
  return {
    brand: 'charity',
    title,
    city: '上海',
    description: '为希望小学募集课外读物，欢迎客户、业务员和员工参与。',
    venues: [{ name: '张江营销服务部', address: '上海市浦东新区张江路88号' }],
    sessions: [{ venueIndex: 0, startsAt: at(24 * 12), endsAt: at(24 * 12 + 3), capacity }],
    audience: {
      roles: ['customer', 'agent', 'staff'],
      segment: null,
      ageBand: null,
      organiserBranchOnly: false,
    },
    registrationOpensAt: at(window.opens),
    registrationClosesAt: at(window.closes),
    whatToBring: '捐赠的图书',
    maxCompanions: 2,
  };
}

async function publishedCharityEvent(
  title: string,
  capacity: number,
  window?: { opens: number; closes: number },
) {
  const created = await as<StaffEvent>(
    'demo-staff-sh',
    'POST',
    '/staff/events',
    charityEvent(title, capacity, window),
  );
  expect(created.status, created.text).toBe(201);
  const published = await as<StaffEvent>(
    'demo-staff-sh',
    'POST',
    `/staff/events/${created.body.eventId}/publish`,
  );
  expect(published.status, published.text).toBe(200);
  return created.body.eventId;
}

/** A staff member of 上海分公司 who exists only in a token: enough for an event open to staff. */
const staffClaims = (i: number): AccessClaims => ({
  sub: `bench-staff-${String(i).padStart(4, '0')}`,
  role: 'staff',
  branchId: 'SH',
  branchPath: 'HQ/SH',
});
const noCompanions = { sessionId: 'S1', companions: [], guardianConsent: false, waitIfFull: true };

beforeAll(async () => {
  gateway = await startTestGateway({ system: () => createSystem(undefined, { now: () => clock }) });
  container = gateway.system;
  await seedDemoDataOnce({ repositories: container.repositories, today: FIXED_TODAY });
  api = createApiClient(gateway.url);
});

afterAll(async () => {
  await gateway?.close();
});

describe('publishing and eligibility', () => {
  it('shows each person the events with whether they may come, and why not', async () => {
    const reasonFor = async (userId: string, eventId: string) => {
      const list = await as<EventListResponse>(userId, 'GET', '/events');
      expect(list.status, list.text).toBe(200);
      return list.body.events.find((e) => e.eventId === eventId);
    };
    expect(await reasonFor('demo-customer-c001', 'EV-DEMO-RUN')).toMatchObject({
      eligible: true,
      reason: null,
    });
    expect((await reasonFor('demo-customer-c004', 'EV-DEMO-RUN'))?.reason).toBe(
      '本活动面向 20–55 周岁的客户，活动当天您 61 周岁',
    );
    expect((await reasonFor('demo-customer-c011', 'EV-DEMO-RUN'))?.reason).toBe(
      '本活动仅面向上海分公司辖内报名',
    );
    expect((await reasonFor('demo-customer-c011', 'EV-DEMO-BJ-CITY'))?.eligible).toBe(true);
    expect((await reasonFor('demo-agent-a001', 'EV-DEMO-EYES'))?.eligible).toBe(true);
    expect((await reasonFor('demo-agent-a001', 'EV-DEMO-RUN'))?.reason).toBe('本活动仅面向客户报名');
    expect((await reasonFor('demo-customer-c005', 'EV-DEMO-WEALTH'))?.reason).toMatch(/^本活动面向尊享客户/);
  });

  it('lists a draft to its branch staff only, and to customers once published', async () => {
    const created = await as<StaffEvent>(
      'demo-staff-sh-pd',
      'POST',
      '/staff/events',
      charityEvent('太有爱·旧书新生', 10),
    );
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', organiserBranchName: '浦东中心支公司' });
    const eventId = created.body.eventId;
    expect((await as('demo-customer-c001', 'GET', `/events/${eventId}`)).status).toBe(404);
    const shList = await as<{ events: StaffEvent[] }>('demo-staff-sh', 'GET', '/staff/events');
    expect(shList.body.events.map((e) => e.eventId)).toContain(eventId);
    const bjList = await as<{ events: StaffEvent[] }>('demo-staff-bj', 'GET', '/staff/events');
    expect(bjList.body.events.map((e) => e.eventId)).not.toContain(eventId);
    expect((await as('demo-staff-bj', 'POST', `/staff/events/${eventId}/publish`)).status).toBe(404);
    expect((await as('demo-staff-sh', 'POST', `/staff/events/${eventId}/publish`)).status).toBe(200);
    expect((await as('demo-customer-c001', 'GET', `/events/${eventId}`)).status).toBe(200);
  });

  it('refuses an event whose brand and audience disagree, or whose sessions make no sense, with the reason', async () => {
    const premierForAll = await as('demo-staff-sh', 'POST', '/staff/events', {
      ...charityEvent('太尊享·错配', 10),
      brand: 'premier',
    });
    expect(premierForAll.status).toBe(400);
    expect(premierForAll.body.message).toContain('太尊享活动仅面向客户，且须指定客户分层');
    const backwards = charityEvent('太有爱·时间颠倒', 10);
    backwards.sessions[0]!.endsAt = backwards.sessions[0]!.startsAt;
    const refused = await as('demo-staff-sh', 'POST', '/staff/events', backwards);
    expect(refused.status).toBe(400);
    expect(refused.body.message).toContain('第 1 个场次的结束时间应晚于开始时间');
    const unknownSegment = await as('demo-staff-sh', 'POST', '/staff/events', {
      ...charityEvent('太尊享·未知分层', 10),
      brand: 'premier',
      audience: { roles: ['customer'], segment: 'diamond', ageBand: null, organiserBranchOnly: true },
    });
    expect(unknownSegment.status).toBe(400);
    expect(unknownSegment.body.message).toBe('客户分层「diamond」未配置，可选：premier');
  });
});

describe('a customer registers a family for a 太活力 event', () => {
  const family = [
    { name: '李娜', relation: 'spouse', birthDate: '1980-07-21' },
    { name: '张小雨', relation: 'child', birthDate: '2015-05-08' },
  ];

  it('asks the guardian to consent for a child under 14, then registers three seats', async () => {
    const body = { sessionId: 'S1', companions: family, guardianConsent: false, waitIfFull: false };
    const withoutConsent = await as('demo-customer-c001', 'POST', '/events/EV-DEMO-RUN/registration', body);
    expect(withoutConsent.status).toBe(400);
    expect(withoutConsent.body).toMatchObject({
      message: GUARDIAN_CONSENT_MESSAGE,
      field: 'guardianConsent',
    });

    const registered = await as<RegistrationView>(
      'demo-customer-c001',
      'POST',
      '/events/EV-DEMO-RUN/registration',
      {
        ...body,
        guardianConsent: true,
      },
    );
    expect(registered.status, registered.text).toBe(201);
    expect(registered.body).toMatchObject({
      status: 'registered',
      statusLabel: '已报名',
      partySize: 3,
      companions: [
        { nameMasked: '李*', relationLabel: '配偶', child: false },
        { nameMasked: '张**', relationLabel: '子女', child: true },
      ],
    });
    const detail = await as<EventDetail>('demo-customer-c001', 'GET', '/events/EV-DEMO-RUN');
    expect(detail.body.sessions.find((s) => s.sessionId === 'S1')).toMatchObject({
      capacity: 30,
      seatsLeft: 27,
    });
    expect(detail.body.myRegistration?.status).toBe('registered');
  });

  it('keeps the companions encrypted at rest and never answers with their names or birth dates', async () => {
    const { Item } = await container.table.client.send(
      new GetCommand({
        TableName: container.config.tableName,
        Key: { pk: 'EVENT#EV-DEMO-RUN', sk: 'REG#C001' },
      }),
    );
    const stored = JSON.stringify(Item);
    expect(stored).not.toContain('张小雨');
    expect(stored).not.toContain('2015-05-08');
    expect(Item?.guardianConsentAt).toBeTruthy();
    for (const text of texts) {
      expect(text).not.toContain('张小雨');
      expect(text).not.toContain('2015-05-08');
    }
  });

  it('refuses a second registration, too many companions, a closed window and an ineligible customer precisely', async () => {
    const again = await as('demo-customer-c001', 'POST', '/events/EV-DEMO-RUN/registration', {
      sessionId: 'S2',
      companions: [],
      guardianConsent: false,
      waitIfFull: false,
    });
    expect(again.status).toBe(409);
    expect(again.body.message).toBe(ALREADY_REGISTERED_MESSAGE);

    const crowd = Array.from({ length: 5 }, (_, i) => ({
      name: `亲友${i + 1}`,
      relation: 'other',
      birthDate: '1990-01-01',
    }));
    const tooMany = await as('demo-customer-c002', 'POST', '/events/EV-DEMO-RUN/registration', {
      sessionId: 'S1',
      companions: crowd,
      guardianConsent: false,
      waitIfFull: false,
    });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({
      message: '本活动每人最多携带 4 位同行人，您填写了 5 位',
      field: 'companions',
    });

    const ineligible = await as(
      'demo-customer-c004',
      'POST',
      '/events/EV-DEMO-RUN/registration',
      noCompanions,
    );
    expect(ineligible.status).toBe(403);
    expect(ineligible.body.message).toBe('本活动面向 20–55 周岁的客户，活动当天您 61 周岁');

    // Staff can no longer create an event whose window has closed; the CSV import may (for the
    // record), so such an event is written as the import writes it.
    const closed = 'EV-TEST-CLOSED';
    const request = CreateEventRequestSchema.parse(
      charityEvent('太有爱·已截止', 10, { opens: -48, closes: -1 }),
    );
    const organiser = await container.repositories.branches.get('SH');
    expect(
      await container.repositories.events.create({
        ...eventFromRequest(
          request,
          { eventId: closed, createdBy: 'admin-import', createdAt: at(-48) },
          organiser!,
        ),
        status: 'published',
        publishedAt: at(-48),
      }),
    ).toBe(true);
    const late = await as('demo-customer-c001', 'POST', `/events/${closed}/registration`, noCompanions);
    expect(late.status).toBe(409);
    expect(late.body.message).toMatch(/^报名已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 截止$/);

    const noSession = await as('demo-customer-c002', 'POST', '/events/EV-DEMO-RUN/registration', {
      ...noCompanions,
      sessionId: 'S9',
    });
    expect(noSession.status).toBe(404);
    expect(noSession.body.field).toBe('sessionId');
  });
});

describe('the session fills, the next customer waits and accepts an offer', () => {
  it('fills the 2-seat session, refuses the next without the list and puts them on it when asked', async () => {
    const lina = await as<RegistrationView>(
      'demo-customer-c002',
      'POST',
      '/events/EV-DEMO-RUN/registration',
      {
        sessionId: 'S2',
        companions: [{ name: '张小雨', relation: 'child', birthDate: '2015-05-08' }],
        guardianConsent: true,
        waitIfFull: false,
      },
    );
    expect(lina.status, lina.text).toBe(201);
    const full = await as('demo-customer-c005', 'POST', '/events/EV-DEMO-RUN/registration', {
      ...noCompanions,
      sessionId: 'S2',
      waitIfFull: false,
    });
    expect(full.status).toBe(409);
    expect(full.body).toMatchObject({ message: EVENT_FULL_MESSAGE, field: 'sessionId' });
    const badLink = await as('demo-customer-c005', 'POST', '/events/EV-DEMO-RUN/registration', {
      ...noCompanions,
      sessionId: 'S2',
      invitedBy: 'A999',
    });
    expect(badLink.status).toBe(400);
    expect(badLink.body).toMatchObject({ message: '邀请链接无效：未找到邀请的业务员', field: 'invitedBy' });
    // 刘洋 came through his agent 王建国's invitation.
    const waiting = await as<RegistrationView>(
      'demo-customer-c005',
      'POST',
      '/events/EV-DEMO-RUN/registration',
      {
        ...noCompanions,
        sessionId: 'S2',
        invitedBy: 'A001',
      },
    );
    expect(waiting.status, waiting.text).toBe(201);
    expect(waiting.body).toMatchObject({ status: 'waiting', statusLabel: '候补中', waitingPosition: 1 });
  });

  it('offers the freed seat to the head of the list when someone cancels, and the offer is accepted', async () => {
    const cancelled = await as<RegistrationView>(
      'demo-customer-c002',
      'POST',
      '/events/EV-DEMO-RUN/registration/cancel',
    );
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');

    const mine = await as<MyRegistrationsResponse>('demo-customer-c005', 'GET', '/me/event-registrations');
    const offer = mine.body.registrations.find((r) => r.eventId === 'EV-DEMO-RUN');
    expect(offer).toMatchObject({ status: 'offered', statusLabel: '候补名额待确认' });
    expect(Date.parse(offer!.offerExpiresAt!)).toBe(clock + 24 * HOUR);

    const accepted = await as<RegistrationView>(
      'demo-customer-c005',
      'POST',
      '/events/EV-DEMO-RUN/registration/offer/accept',
    );
    expect(accepted.status, accepted.text).toBe(200);
    expect(accepted.body.status).toBe('registered');
    // 李娜's two seats came free for a party of one: the second goes back to anyone.
    const session = await container.repositories.events.session('EV-DEMO-RUN', 'S2');
    expect(session).toMatchObject({ free: 1, held: 0, waiting: 0 });
  });

  it('moves a registration to another session in one step, and refuses a full one', async () => {
    const moved = await as<RegistrationView>(
      'demo-customer-c001',
      'POST',
      '/events/EV-DEMO-RUN/registration/session',
      {
        sessionId: 'S2',
      },
    );
    expect(moved.status).toBe(409);
    expect(moved.body.message).toBe(EVENT_FULL_MESSAGE);
    const lina = await as<RegistrationView>(
      'demo-customer-c002',
      'POST',
      '/events/EV-DEMO-RUN/registration',
      noCompanions,
    );
    expect(lina.status, lina.text).toBe(201);
    const toS2 = await as<RegistrationView>(
      'demo-customer-c002',
      'POST',
      '/events/EV-DEMO-RUN/registration/session',
      {
        sessionId: 'S2',
      },
    );
    expect(toS2.status, toS2.text).toBe(200);
    expect(toS2.body.sessionId).toBe('S2');
    const sessions = await container.repositories.events.sessions('EV-DEMO-RUN');
    expect(sessions.map((s) => [s.sessionId, s.free])).toEqual([
      ['S1', 27],
      ['S2', 0],
    ]);
  });
});

describe('check-in at the door by the signed QR code', () => {
  it('checks the family in once, and refuses a forged, a foreign and a second scan precisely', async () => {
    const ticket = await as<{ ticket: string; expiresAt: string }>(
      'demo-customer-c001',
      'GET',
      '/events/EV-DEMO-RUN/registration/ticket',
    );
    expect(ticket.status, ticket.text).toBe(200);
    const scan = (userId: string, value: string) =>
      as<{ registrantNameMasked: string; partySize: number }>(
        userId,
        'POST',
        '/staff/events/EV-DEMO-RUN/check-in',
        {
          ticket: value,
        },
      );

    expect((await scan('demo-staff-bj', ticket.body.ticket)).status).toBe(404);
    const last = ticket.body.ticket.at(-1) === 'A' ? 'B' : 'A';
    const forged = await scan('demo-staff-sh', `${ticket.body.ticket.slice(0, -1)}${last}`);
    expect(forged.status).toBe(400);
    expect(forged.body).toMatchObject({ message: FORGED_TICKET_MESSAGE, field: 'ticket' });
    // A ticket signed with another purpose's key (a letter link's) is forged here too.
    const letterToken = await container.letterLinks.token('LT20261125AAAAAAAA');
    expect((await scan('demo-staff-sh', letterToken)).body.message).toBe(FORGED_TICKET_MESSAGE);
    const foreign = await container.eventTickets.sign({ v: 'EV-DEMO-EYES', p: 'C001', s: 'S1' }, HOUR);
    expect((await scan('demo-staff-sh', foreign)).body.message).toBe('这不是本活动的入场码，请核对活动');

    const first = await scan('demo-staff-sh-pd', ticket.body.ticket);
    expect((await scan('demo-staff-sh-pd', ticket.body.ticket)).status).toBe(404);
    const checkedIn = await scan('demo-staff-sh', ticket.body.ticket);
    expect(first.status).toBe(404);
    expect(checkedIn.status, checkedIn.text).toBe(200);
    expect(checkedIn.body).toMatchObject({ registrantNameMasked: '张*', partySize: 3 });
    const again = await scan('demo-staff-sh', ticket.body.ticket);
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/^已于 .* 签到，请勿重复扫码$/);

    const staffView = await as<{ events: StaffEvent[] }>('demo-staff-sh', 'GET', '/staff/events');
    const run = staffView.body.events.find((e) => e.eventId === 'EV-DEMO-RUN');
    expect(run?.sessions.find((s) => s.sessionId === 'S1')).toMatchObject({ checkedIn: 3 });
    const cancel = await as('demo-customer-c001', 'POST', '/events/EV-DEMO-RUN/registration/cancel');
    expect(cancel.status).toBe(409);
    expect(cancel.body.message).toBe('您已签到入场，无法取消报名');
  });
});

describe('the door: offline scans and walk-ins', () => {
  it('records a scan queued offline at the time it was made, and refuses one from the future or over a day old', async () => {
    const eventId = await publishedCharityEvent('太有爱·离线签到', 10);
    const registered = await as(
      'demo-customer-c002',
      'POST',
      `/events/${eventId}/registration`,
      noCompanions,
    );
    expect(registered.status, registered.text).toBe(201);
    const ticket = await as<{ ticket: string }>(
      'demo-customer-c002',
      'GET',
      `/events/${eventId}/registration/ticket`,
    );
    const scan = (scannedAt: string) =>
      as<{ checkedInAt: string }>('demo-staff-sh', 'POST', `/staff/events/${eventId}/check-in`, {
        ticket: ticket.body.ticket,
        scannedAt,
      });
    const future = await scan(new Date(clock + 5 * 60_000).toISOString());
    expect(future.status).toBe(400);
    expect(future.body).toMatchObject({
      message: '扫码时间不能晚于当前时间，请检查手机时间',
      field: 'scannedAt',
    });
    const stale = await scan(new Date(clock - 25 * HOUR).toISOString());
    expect(stale.body.message).toBe('离线签到记录已超过 24 小时，请核对后重新扫码');
    expect((await scan('2026-13-01T09:00:00+08:00')).status).toBe(400);

    const scannedAt = new Date(clock - 40 * 60_000).toISOString();
    const synced = await scan(scannedAt);
    expect(synced.status, synced.text).toBe(200);
    expect(synced.body.checkedInAt).toBe(scannedAt);
    // A second device that scanned the same ticket syncs later: caught, with the first scan's time.
    const again = await scan(new Date(clock - 10 * 60_000).toISOString());
    expect(again.status).toBe(409);
    expect(again.body.message).toMatch(/^已于 .* 签到，请勿重复扫码$/);
  });

  it('lets a walk-in party in on free seats only, checked in at once, within the door’s hours', async () => {
    const created = await as<StaffEvent>('demo-staff-sh', 'POST', '/staff/events', {
      ...charityEvent('太有爱·现场义卖', 4),
      registrationOpensAt: at(-24),
      registrationClosesAt: at(0.5),
      sessions: [{ venueIndex: 0, startsAt: at(0.75), endsAt: at(1.25), capacity: 4 }],
    });
    expect(created.status, created.text).toBe(201);
    const eventId = created.body.eventId;
    const walkIn = (body: Record<string, unknown>, userId = 'demo-staff-sh') =>
      as<{ registrantNameMasked: string; partySize: number; seatsLeft: number }>(
        userId,
        'POST',
        `/staff/events/${eventId}/walk-ins`,
        body,
      );
    const party = { sessionId: 'S1', name: '王芳', mobile: '13900139000', partySize: 2 };
    expect((await walkIn(party)).body.message).toBe('活动尚未发布，无法现场报名');
    await as('demo-staff-sh', 'POST', `/staff/events/${eventId}/publish`);
    // 李娜 registers 1 seat; 3 stay free.
    expect(
      (await as('demo-customer-c002', 'POST', `/events/${eventId}/registration`, noCompanions)).status,
    ).toBe(201);

    expect((await walkIn(party, 'demo-staff-bj')).status).toBe(404);
    expect((await walkIn(party, 'demo-customer-c001')).status).toBe(403);
    expect((await walkIn({ ...party, partySize: 4 })).body).toMatchObject({
      message: '本活动每组最多 3 人（1 位参加者及 2 位同行人）',
      field: 'partySize',
    });
    expect((await walkIn({ ...party, mobile: '1380013800' })).body.message).toBe('请输入 11 位手机号码');
    expect((await walkIn({ ...party, sessionId: 'S9' })).body.message).toBe('未找到该场次，请重新选择');

    const first = await walkIn(party);
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ registrantNameMasked: '王*', partySize: 2, seatsLeft: 1 });
    const full = await walkIn(party);
    expect(full.status).toBe(409);
    expect(full.body.message).toBe('该场次仅余 1 个名额，无法为 2 人现场报名');
    expect(JSON.stringify(full.body)).not.toContain('13900139000');

    const staffView = await as<{ events: StaffEvent[] }>('demo-staff-sh', 'GET', '/staff/events');
    expect(staffView.body.events.find((e) => e.eventId === eventId)?.sessions[0]).toMatchObject({
      seatsLeft: 1,
      checkedIn: 2,
    });
    const report = await as<{ rows: Record<string, unknown>[] }>(
      'demo-staff-sh',
      'GET',
      `/staff/events/${eventId}/report`,
    );
    expect(report.body.rows.map((r) => [r.branchName, r.registrations, r.people, r.checkedInPeople])).toEqual(
      [
        ['张江营销服务部', 1, 1, 0],
        ['现场报名', 1, 2, 2],
        ['合计', 2, 3, 2],
      ],
    );
    // The name and mobile are stored sealed.
    const items = await container.table.client.send(
      new QueryCommand({
        TableName: container.table.table,
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :w)',
        ExpressionAttributeValues: { ':pk': `EVENT#${eventId}`, ':w': 'WALKIN#' },
      }),
    );
    expect(items.Items).toHaveLength(1);
    expect(JSON.stringify(items.Items)).not.toMatch(/王芳|13900139000/);

    // After the session ends (through the use case: a signed-in session would have expired too).
    clock += 1.5 * HOUR;
    try {
      await expect(addWalkIn(container, staffClaims(1), eventId, { ...party, partySize: 1 })).rejects.toThrow(
        '该场次已结束，无法现场报名',
      );
      // 李娜 registered but never came: once the session has ended she is a no-show, masked.
      const ended = await getEventReport(container, staffClaims(1), eventId);
      expect(ended.noShows).toEqual([{ sessionId: 'S1', nameMasked: '李*', partySize: 1 }]);
    } finally {
      clock -= 1.5 * HOUR;
    }
  });
});

describe('the report', () => {
  it('counts registrations, attendance and waiting-list conversion by the registrants’ branch, with a CSV', async () => {
    const report = await as<{ rows: Record<string, unknown>[]; byAgent: unknown[]; csv: string }>(
      'demo-staff-sh',
      'GET',
      '/staff/events/EV-DEMO-RUN/report',
    );
    expect(report.status, report.text).toBe(200);
    // 张伟's family checked in (3), 李娜 and 刘洋 (who came off the waiting list) registered.
    const expected = {
      registrations: 3,
      people: 5,
      checkedInPeople: 3,
      attendanceBasisPoints: 6000,
      waitlisted: 1,
      waitlistConverted: 1,
      conversionBasisPoints: 10000,
    };
    expect(report.body.rows).toEqual([
      { branchPath: 'HQ/SH/SH-PD/SH-PD-01', branchName: '张江营销服务部', ...expected },
      { branchPath: '', branchName: '合计', ...expected },
    ]);
    // 刘洋 came through 王建国's invitation.
    expect(report.body.byAgent).toEqual([
      {
        agentId: 'A001',
        agentName: '王建国',
        registrations: 1,
        people: 1,
        checkedInPeople: 0,
        attendanceBasisPoints: 0,
        waitlisted: 1,
        waitlistConverted: 1,
        conversionBasisPoints: 10000,
      },
    ]);
    expect(report.body.csv.split('\r\n')[1]).toBe(
      '张江营销服务部,HQ/SH/SH-PD/SH-PD-01,3,5,3,60.00%,1,1,100.00%',
    );
    expect((await as('demo-staff-bj', 'GET', '/staff/events/EV-DEMO-RUN/report')).status).toBe(404);
  });
});

describe('invitations', () => {
  it('shows an agent the customers who registered through their invitation, and nobody else', async () => {
    const mine = await as<{ invitedBy: string; invitees: { nameMasked: string; statusLabel: string }[] }>(
      'demo-agent-a001',
      'GET',
      '/agent/events/EV-DEMO-RUN/invitees',
    );
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body).toMatchObject({ invitedBy: 'A001' });
    expect(mine.body.invitees).toEqual([
      expect.objectContaining({ nameMasked: '刘*', statusLabel: '已报名' }),
    ]);
    const other = await as<{ invitees: unknown[] }>(
      'demo-agent-a003',
      'GET',
      '/agent/events/EV-DEMO-RUN/invitees',
    );
    expect(other.body.invitees).toEqual([]);
  });
});

describe('太有爱 pledges', () => {
  it('records each person’s pledges, refuses an empty or a non-charity pledge precisely, and totals them in the report', async () => {
    const books = await as('demo-staff-sh', 'POST', '/events/EV-DEMO-EYES/pledges', {
      kind: 'books',
      amount: 30,
      note: '儿童绘本与科普读物',
    });
    expect(books.status, books.text).toBe(201);
    expect(books.body).toMatchObject({ kindLabel: '捐书', amount: 30, unit: '册' });
    expect(
      (
        await as('demo-customer-c001', 'POST', '/events/EV-DEMO-EYES/pledges', {
          kind: 'money',
          amount: 50_000,
          note: '捐款',
        })
      ).status,
    ).toBe(201);
    const tooSmall = await as('demo-agent-a001', 'POST', '/events/EV-DEMO-EYES/pledges', {
      kind: 'money',
      amount: 50,
      note: '捐款',
    });
    expect(tooSmall.status).toBe(400);
    expect(tooSmall.body.message).toContain('捐款金额应在 1 元至 100 万元之间');
    const notCharity = await as('demo-customer-c001', 'POST', '/events/EV-DEMO-RUN/pledges', {
      kind: 'books',
      amount: 1,
      note: '一本书',
    });
    expect(notCharity.status).toBe(409);
    expect(notCharity.body.message).toBe('只有太有爱公益活动可以认捐');

    const mine = await as<{ pledges: unknown[] }>(
      'demo-staff-sh',
      'GET',
      '/events/EV-DEMO-EYES/pledges/mine',
    );
    expect(mine.body.pledges).toHaveLength(1);
    const report = await as<{ pledges: Record<string, number> }>(
      'demo-staff-sh',
      'GET',
      '/staff/events/EV-DEMO-EYES/report',
    );
    expect(report.body.pledges).toEqual({ money: 50_000, goods: 0, books: 30, volunteer: 0, people: 2 });
  });
});

describe('capacity under contention', () => {
  const figures: string[] = [];
  let eventId = '';

  afterAll(() => {
    console.info(figures.join('\n'));
  });

  it('gives 500 simultaneous registrations for 50 seats exactly 50 seats and an ordered waiting list of 450', async () => {
    eventId = await publishedCharityEvent('太有爱·希望小学支教报名', 50);
    const started = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: 500 }, (_, i) =>
        registerForEvent(container, staffClaims(i), eventId, noCompanions),
      ),
    );
    const took = performance.now() - started;
    const failures = results.filter((r) => r.status === 'rejected');
    expect(failures.map((f) => String((f as PromiseRejectedResult).reason))).toEqual([]);
    const views = results.map((r) => (r as PromiseFulfilledResult<RegistrationView>).value);
    expect(views.filter((v) => v.status === 'registered')).toHaveLength(50);
    const waitingViews = views.filter((v) => v.status === 'waiting');
    expect(waitingViews).toHaveLength(450);
    // Each was told a distinct place in line on joining: 1 to 450.
    expect(waitingViews.map((v) => v.waitingPosition).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: 450 }, (_, i) => i + 1),
    );

    const stored = await container.repositories.events.registrationsOfEvent(eventId);
    expect(stored.filter((r) => r.status === 'registered')).toHaveLength(50);
    const waiting = stored.filter((r) => r.status === 'waiting');
    expect(waiting).toHaveLength(450);
    // The list's order is the sequence handed out on joining: 450 distinct places, 1 to 450.
    expect(waiting.map((r) => r.waitSeq).sort((a, b) => a! - b!)).toEqual(
      Array.from({ length: 450 }, (_, i) => i + 1),
    );
    expect(await container.repositories.events.session(eventId, 'S1')).toMatchObject({
      capacity: 50,
      free: 0,
      held: 0,
      waiting: 450,
      waitSeq: 450,
    });
    figures.push(
      `500 simultaneous registrations, 50 seats: 50 registered, 450 waiting (places 1–450) in ${took.toFixed(0)} ms`,
    );
  }, 180_000);

  it('makes exactly one offer per freed seat when 10 cancellations and 5 offer runs race', async () => {
    const stored = await container.repositories.events.registrationsOfEvent(eventId);
    const leaving = stored.filter((r) => r.status === 'registered').slice(0, 10);
    const claimsOf = (userId: string): AccessClaims => ({ ...staffClaims(0), sub: userId });
    const started = performance.now();
    await Promise.all([
      ...leaving.map((r) => cancelEventRegistration(container, claimsOf(r.userId), eventId)),
      ...Array.from({ length: 5 }, () => offerFreedSeats(container, eventId, 'S1')),
    ]);
    const took = performance.now() - started;
    const after = await container.repositories.events.registrationsOfEvent(eventId);
    const offered = after.filter((r) => r.status === 'offered');
    expect(offered.map((r) => r.waitSeq).sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(await container.repositories.events.session(eventId, 'S1')).toMatchObject({
      free: 0,
      held: 0,
      waiting: 440,
    });
    figures.push(
      `10 cancellations + 5 offer runs at once: exactly 10 offers, to places 1–10, in ${took.toFixed(0)} ms`,
    );
  }, 60_000);

  it('expires unanswered offers after 24 hours and offers their seats to the next ten, once across overlapping runs', async () => {
    clock += 24 * HOUR + 1000;
    const runs = await Promise.all([expireEventOffers(container), expireEventOffers(container)]);
    expect(runs.reduce((n, r) => n + r.expired, 0)).toBe(10);
    const after = await container.repositories.events.registrationsOfEvent(eventId);
    expect(after.filter((r) => r.status === 'expired')).toHaveLength(10);
    expect(
      after
        .filter((r) => r.status === 'offered')
        .map((r) => r.waitSeq)
        .sort((a, b) => a! - b!),
    ).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20]);
    expect(await container.repositories.events.session(eventId, 'S1')).toMatchObject({
      free: 0,
      held: 0,
      waiting: 430,
    });
    // Nothing is left to offer: the markers are cleared and a later run finds nothing to do.
    expect(await container.repositories.events.pendingOffers()).toEqual([]);
    expect(await expireEventOffers(container)).toEqual({ expired: 0, offered: 0, sessions: 0, failed: 0 });
  });

  it('offers nothing once the session has started: an offer expires at the start at the latest, and its seats go free for walk-ins', async () => {
    const saved = clock;
    clock = FIXED_NOW;
    try {
      const small = await publishedCharityEvent('太有爱·开场不再递补', 1);
      const claimsOf = (i: number): AccessClaims => staffClaims(900 + i);
      for (const i of [1, 2, 3])
        await registerForEvent(container, claimsOf(i), small, { ...noCompanions, waitIfFull: true });
      const startsAt = (await container.repositories.events.get(small))!.sessions[0]!.startsAt;
      // Two hours before the start the registrant cancels: the offer to the next expires at the start.
      clock = Date.parse(startsAt) - 2 * HOUR;
      await cancelEventRegistration(container, claimsOf(1), small);
      const offeredTo = (await container.repositories.events.registrationsOfEvent(small)).find(
        (r) => r.status === 'offered',
      );
      expect(offeredTo?.userId).toBe(claimsOf(2).sub);
      expect(offeredTo?.offerExpiresAt).toBe(new Date(Date.parse(startsAt)).toISOString());

      // After the start the job expires it and offers the seat to no one: it is free for the door.
      clock = Date.parse(startsAt) + 60_000;
      // (The other events' sessions here have started too: nobody anywhere is offered a seat.)
      expect((await expireEventOffers(container)).offered).toBe(0);
      const after = await container.repositories.events.registrationsOfEvent(small);
      expect(after.find((r) => r.userId === claimsOf(2).sub)?.status).toBe('expired');
      expect(after.find((r) => r.userId === claimsOf(3).sub)?.status).toBe('waiting');
      expect(await container.repositories.events.session(small, 'S1')).toMatchObject({ free: 1, held: 0 });
    } finally {
      clock = saved;
    }
  });

  it('refuses an offer accepted after it expired', async () => {
    const after = await container.repositories.events.registrationsOfEvent(eventId);
    const expired = after.find((r) => r.status === 'expired')!;
    const claims: AccessClaims = { ...staffClaims(0), sub: expired.userId };
    const { acceptEventOffer } = await import('../../src/events/use-cases/change-registration');
    const refusal = await acceptEventOffer(container, claims, eventId).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AppError);
    expect((refusal as AppError).userMessage).toBe('当前没有待确认的候补名额');
  });
});

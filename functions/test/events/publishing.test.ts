import {
  type EventCoverUpload,
  type EventDetail,
  type EventListResponse,
  MARKETING_BRAND_MESSAGE,
  MARKETING_CONSENT,
  MARKETING_CONSENT_MESSAGE,
  MAX_COVER_BYTES,
  type RegistrationView,
  type StaffEvent,
  type StaffEventDetail,
} from '@zhixiang/shared/events/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystem, type System } from '../../src/system';
import { requestsAs } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { FIXED_NOW, FIXED_TODAY, fixedClock } from '../support/fixed-clock';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/**
 * Publishing from the mini program, through the real gateway against DynamoDB Local: staff create
 * a draft for their own branch or one below it, edit it, publish it, and every step is in the
 * event's trail; impossible or absurd input is refused with the precise reason and writes nothing.
 */
const HOUR = 3_600_000;
let container: System;
let gateway: TestGateway;
let api: ApiClient;
const texts: string[] = [];
const as = requestsAs(() => ({ api, system: container }), texts);
const at = (hoursFromNow: number) => new Date(FIXED_NOW + hoursFromNow * HOUR).toISOString();

function draft(title: string) {
  return {
    brand: 'charity',
    title,
    city: '上海',
    description: '为希望小学募集课外读物，欢迎客户、业务员和员工参与。',
    venues: [
      { name: '张江营销服务部', address: '上海市浦东新区张江路88号' },
      { name: '陆家嘴职场', address: '上海市浦东新区世纪大道100号' },
    ],
    sessions: [
      { venueIndex: 0, startsAt: at(24 * 12), endsAt: at(24 * 12 + 3), capacity: 30 },
      { venueIndex: 1, startsAt: at(24 * 13), endsAt: at(24 * 13 + 3), capacity: 20 },
    ],
    audience: {
      roles: ['customer', 'agent', 'staff'],
      segment: null,
      ageBand: null,
      organiserBranchOnly: false,
    },
    registrationOpensAt: at(-1),
    registrationClosesAt: at(24 * 10),
    whatToBring: '捐赠的图书',
    maxCompanions: 2,
  };
}

beforeAll(async () => {
  gateway = await startTestGateway({ system: () => createSystem(undefined, { now: fixedClock() }) });
  container = gateway.system;
  await seedDemoDataOnce({ repositories: container.repositories, today: FIXED_TODAY });
  api = createApiClient(gateway.url);
});

afterAll(async () => {
  await gateway?.close();
});

describe('staff create, edit and publish an event', () => {
  it('refuses impossible dates, a window after the session, absurd capacities and another branch, writing nothing', async () => {
    const before = (await as<{ events: StaffEvent[] }>('demo-staff-sh', 'GET', '/staff/events')).body.events
      .length;
    const refusals: [unknown, string][] = [
      [
        {
          ...draft('二月三十日'),
          sessions: [
            {
              venueIndex: 0,
              startsAt: '2027-02-30T09:00:00+08:00',
              endsAt: '2027-02-30T12:00:00+08:00',
              capacity: 30,
            },
          ],
        },
        '场次开始时间的日期不存在，请核对月份和日期',
      ],
      [{ ...draft('窗口在后'), registrationClosesAt: at(24 * 12 + 1) }, '第 1 个场次开始前报名应已截止'],
      [
        { ...draft('零名额'), sessions: [{ ...draft('x').sessions[0], capacity: 0 }] },
        '每个场次至少 1 个名额',
      ],
      [
        { ...draft('名额过多'), sessions: [{ ...draft('x').sessions[0], capacity: 100000 }] },
        '每个场次最多 5000 个名额',
      ],
      [
        { ...draft('场次过长'), sessions: [{ ...draft('x').sessions[0], endsAt: at(24 * 20) }] },
        '第 1 个场次超过 72 小时，请核对结束时间',
      ],
      [
        {
          ...draft('已开始'),
          sessions: [{ ...draft('x').sessions[0], startsAt: at(-2), endsAt: at(1) }],
          registrationClosesAt: at(-3),
          registrationOpensAt: at(-48),
        },
        '第 1 个场次的开始时间已过，请核对日期',
      ],
      [
        {
          ...draft('年份错'),
          sessions: [
            {
              ...draft('x').sessions[0],
              startsAt: '2036-03-06T09:00:00+08:00',
              endsAt: '2036-03-06T12:00:00+08:00',
            },
          ],
        },
        '第 1 个场次在 2 年以后，请核对年份',
      ],
    ];
    for (const [body, message] of refusals) {
      const refused = await as('demo-staff-sh', 'POST', '/staff/events', body);
      expect(refused.status, refused.text).toBe(400);
      expect(refused.body.message).toContain(message);
    }
    const otherBranch = await as('demo-staff-sh', 'POST', '/staff/events', {
      ...draft('北京的活动'),
      organiserBranchId: 'BJ',
    });
    expect(otherBranch.status).toBe(403);
    expect(otherBranch.body).toMatchObject({
      message: '只能以本机构或下属机构的名义主办活动',
      field: 'organiserBranchId',
    });
    const after = (await as<{ events: StaffEvent[] }>('demo-staff-sh', 'GET', '/staff/events')).body.events
      .length;
    expect(after).toBe(before);
  });

  it('creates a draft for a branch below, edits it, publishes it, and keeps the trail', async () => {
    const organisers = await as<{ organisers: { branchId: string }[]; segments: { key: string }[] }>(
      'demo-staff-sh',
      'GET',
      '/staff/event-organisers',
    );
    expect(organisers.body.organisers.map((o) => o.branchId)).toEqual(
      expect.arrayContaining(['SH', 'SH-PD', 'SH-PD-01']),
    );
    expect(organisers.body.organisers.map((o) => o.branchId)).not.toContain('BJ');
    expect(organisers.body.segments.map((s) => s.key)).toEqual(['premier']);

    const created = await as<StaffEvent>('demo-staff-sh', 'POST', '/staff/events', {
      ...draft('太有爱·图书漂流'),
      organiserBranchId: 'SH-PD',
    });
    expect(created.status, created.text).toBe(201);
    expect(created.body).toMatchObject({ status: 'draft', organiserBranchName: '浦东中心支公司' });
    const eventId = created.body.eventId;

    // 浦东's own staff reach it; Beijing's do not.
    expect((await as('demo-staff-bj', 'GET', `/staff/events/${eventId}`)).status).toBe(404);
    const edited = await as<StaffEvent>('demo-staff-sh-pd', 'PUT', `/staff/events/${eventId}`, {
      ...draft('太有爱·图书漂流（改）'),
      sessions: [{ venueIndex: 1, startsAt: at(24 * 14), endsAt: at(24 * 14 + 2), capacity: 40 }],
    });
    expect(edited.status, edited.text).toBe(200);
    expect(edited.body.sessions).toEqual([
      expect.objectContaining({ sessionId: 'S1', venueName: '陆家嘴职场', capacity: 40, seatsLeft: 40 }),
    ]);
    // The second session's seat counter went with it.
    expect(await container.repositories.events.session(eventId, 'S2')).toBeNull();
    // Editing keeps the organiser the staff member named, within their own subtree.
    expect(edited.body.organiserBranchName).toBe('浦东中心支公司');

    const badEdit = await as('demo-staff-sh-pd', 'PUT', `/staff/events/${eventId}`, {
      ...draft('太有爱·图书漂流'),
      registrationOpensAt: at(24 * 11),
    });
    expect(badEdit.status).toBe(400);
    expect(badEdit.body.message).toContain('报名截止时间应晚于报名开始时间');

    const published = await as<StaffEvent>('demo-staff-sh', 'POST', `/staff/events/${eventId}/publish`);
    expect(published.status, published.text).toBe(200);
    const late = await as('demo-staff-sh', 'PUT', `/staff/events/${eventId}`, draft('太有爱·发布后再改'));
    expect(late.status).toBe(409);
    expect(late.body.message).toBe('该活动已发布，不能再修改');

    const detail = await as<StaffEventDetail>('demo-staff-sh', 'GET', `/staff/events/${eventId}`);
    expect(detail.status, detail.text).toBe(200);
    expect(detail.body.form).toMatchObject({
      title: '太有爱·图书漂流（改）',
      sessions: [{ venueIndex: 1, capacity: 40 }],
    });
    expect(detail.body.organiserBranchId).toBe('SH-PD');
    expect(detail.body.audit.map((a) => [a.actionLabel, a.byName])).toEqual([
      ['创建草稿', expect.any(String)],
      ['修改草稿', expect.any(String)],
      ['发布', expect.any(String)],
    ]);
    const customerView = await as<{ title: string }>('demo-customer-c001', 'GET', `/events/${eventId}`);
    expect(customerView.status).toBe(200);
    expect(customerView.body.title).toBe('太有爱·图书漂流（改）');
  });
});

describe('the cover image', () => {
  const PNG = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(1500),
  ]);

  async function upload(eventId: string, bytes: Buffer) {
    const ticket = await as<EventCoverUpload>(
      'demo-staff-sh',
      'POST',
      `/staff/events/${eventId}/cover/upload`,
    );
    expect(ticket.status, ticket.text).toBe(200);
    expect(ticket.body.uploadUrl).toContain(`events/${eventId}/covers/${ticket.body.uploadId}`);
    const put = await fetch(ticket.body.uploadUrl, {
      method: 'PUT',
      headers: { 'content-type': ticket.body.contentType },
      body: new Uint8Array(bytes),
    });
    expect(put.ok).toBe(true);
    return as<StaffEvent>('demo-staff-sh', 'POST', `/staff/events/${eventId}/cover`, {
      uploadId: ticket.body.uploadId,
    });
  }

  it('checks the upload by its bytes and size, and shows the cover on the staff list, the list and the detail', async () => {
    const created = await as<StaffEvent>('demo-staff-sh', 'POST', '/staff/events', draft('太有爱·封面活动'));
    const eventId = created.body.eventId;
    expect(created.body.coverUrl).toBeNull();

    const text = await upload(eventId, Buffer.from('这不是图片，只是一段文字。'.repeat(20)));
    expect(text.status).toBe(400);
    expect(text.body.message).toBe('封面图片仅支持 JPG 或 PNG 格式');
    const huge = await upload(eventId, Buffer.concat([PNG, Buffer.alloc(MAX_COVER_BYTES)]));
    expect(huge.status).toBe(400);
    expect(huge.body.message).toBe('封面图片超过 2 MB，请压缩后重新上传');
    const never = await as('demo-staff-sh', 'POST', `/staff/events/${eventId}/cover`, {
      uploadId: '11111111-1111-4111-8111-111111111111',
    });
    expect(never.status).toBe(400);
    expect(never.body.message).toBe('封面图片尚未上传完成，请重新上传');

    const set = await upload(eventId, PNG);
    expect(set.status, set.text).toBe(200);
    expect(set.body.coverUrl).toBeTruthy();
    const shown = await fetch(set.body.coverUrl!);
    expect(shown.ok).toBe(true);
    expect(Buffer.from(await shown.arrayBuffer()).subarray(0, 8)).toEqual(PNG.subarray(0, 8));

    // A second cover replaces the first, whose object is deleted.
    const first = set.body.coverUrl!;
    const again = await upload(eventId, PNG);
    expect(again.status).toBe(200);
    expect((await fetch(first)).status).toBe(404);

    expect((await as('demo-staff-sh', 'POST', `/staff/events/${eventId}/publish`)).status).toBe(200);
    const list = await as<EventListResponse>('demo-customer-c001', 'GET', '/events');
    const listed = list.body.events.find((e) => e.eventId === eventId);
    expect(listed?.coverUrl).toBeTruthy();
    expect((await fetch(listed!.coverUrl!)).ok).toBe(true);
    const detail = await as<EventDetail>('demo-customer-c001', 'GET', `/events/${eventId}`);
    expect(detail.body.coverUrl).toBeTruthy();
    const trail = await as<StaffEventDetail>('demo-staff-sh', 'GET', `/staff/events/${eventId}`);
    expect(trail.body.audit.map((a) => a.action)).toEqual(['created', 'cover_set', 'cover_set', 'published']);
  });
});

describe('marketing consent, separate from service consent', () => {
  it('refuses a marketing event’s registration without its own consent, records it with time and version, and lets it be withdrawn', async () => {
    const charity = await as('demo-staff-sh', 'POST', '/staff/events', {
      ...draft('太有爱·营销'),
      marketing: true,
    });
    expect(charity.status).toBe(400);
    expect(charity.body.message).toContain(MARKETING_BRAND_MESSAGE);

    const created = await as<StaffEvent>('demo-staff-sh', 'POST', '/staff/events', {
      ...draft('太活力·亲子定向赛'),
      brand: 'vitality',
      audience: {
        roles: ['customer'],
        segment: null,
        ageBand: { min: 20, max: 55 },
        organiserBranchOnly: false,
      },
      marketing: true,
    });
    expect(created.status, created.text).toBe(201);
    const eventId = created.body.eventId;
    expect((await as('demo-staff-sh', 'POST', `/staff/events/${eventId}/publish`)).status).toBe(200);
    const detail = await as<EventDetail>('demo-customer-c001', 'GET', `/events/${eventId}`);
    expect(detail.body).toMatchObject({ marketing: true, marketingConsentText: MARKETING_CONSENT.text });

    const body = { sessionId: 'S1', companions: [], guardianConsent: false, waitIfFull: false };
    for (const consent of [{}, { marketingConsent: false }]) {
      const refused = await as('demo-customer-c001', 'POST', `/events/${eventId}/registration`, {
        ...body,
        ...consent,
      });
      expect(refused.status).toBe(400);
      expect(refused.body).toMatchObject({ message: MARKETING_CONSENT_MESSAGE, field: 'marketingConsent' });
    }
    expect(await container.repositories.events.registration(eventId, 'C001')).toBeNull();

    const registered = await as<RegistrationView>(
      'demo-customer-c001',
      'POST',
      `/events/${eventId}/registration`,
      {
        ...body,
        marketingConsent: true,
      },
    );
    expect(registered.status, registered.text).toBe(201);
    expect(registered.body.marketingConsent).toMatchObject({
      version: MARKETING_CONSENT.version,
      withdrawnAt: null,
    });
    const stored = await container.repositories.events.registration(eventId, 'C001');
    expect(stored?.marketingConsentAt).toBe(registered.body.marketingConsent?.givenAt);

    const withdrawn = await as<RegistrationView>(
      'demo-customer-c001',
      'POST',
      `/events/${eventId}/registration/marketing-consent/withdraw`,
    );
    expect(withdrawn.status, withdrawn.text).toBe(200);
    expect(withdrawn.body.status).toBe('registered');
    expect(withdrawn.body.marketingConsent?.withdrawnAt).toBeTruthy();
    const twice = await as(
      'demo-customer-c001',
      'POST',
      `/events/${eventId}/registration/marketing-consent/withdraw`,
    );
    expect(twice.status).toBe(409);
    expect(
      (await as<EventDetail>('demo-customer-c001', 'GET', `/events/${eventId}`)).body.myRegistration
        ?.marketingConsent?.withdrawnAt,
    ).toBe(withdrawn.body.marketingConsent?.withdrawnAt);
  });

  it('records no marketing consent on an event that is not marketing', async () => {
    const created = await as<StaffEvent>('demo-staff-sh', 'POST', '/staff/events', draft('太有爱·非营销'));
    const eventId = created.body.eventId;
    await as('demo-staff-sh', 'POST', `/staff/events/${eventId}/publish`);
    const registered = await as<RegistrationView>(
      'demo-customer-c001',
      'POST',
      `/events/${eventId}/registration`,
      {
        sessionId: 'S1',
        companions: [],
        guardianConsent: false,
        waitIfFull: false,
        marketingConsent: true,
      },
    );
    expect(registered.status, registered.text).toBe(201);
    expect(registered.body.marketingConsent).toBeNull();
  });
});

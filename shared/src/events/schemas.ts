import * as z from 'zod/mini';
import { isRealDate } from '../format/dates';
import { hasUnsafeCharacters, isoDaySchema, singleLine, UNSAFE_CHARACTERS_MESSAGE } from '../format/input';
import { ratingComment, ratingScore } from '../ratings/schemas';
import { AUDIENCE_ROLES, EVENT_BRAND_KEYS, type EventAudience, type EventBrand } from './rules';

/**
 * The events context's HTTP shapes (客户俱乐部活动): staff create and publish events, customers
 * (and for 太有爱 agents and staff) see the events with their eligibility, register with
 * companions, wait for a seat, and accept or decline an offer.
 */

export const REGISTRATION_STATUSES = [
  'registered',
  'waiting',
  'offered',
  'cancelled',
  'declined',
  'expired',
  'checked_in',
] as const;
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
export const REGISTRATION_STATUS_LABELS: Record<RegistrationStatus, string> = {
  registered: '已报名',
  waiting: '候补中',
  offered: '候补名额待确认',
  cancelled: '已取消',
  declined: '已放弃候补名额',
  expired: '候补名额已过期',
  checked_in: '已签到',
};
/** Statuses that hold seats of the session (an offer holds them until accepted, declined or expired). */
export const SEAT_HOLDING_STATUSES: readonly RegistrationStatus[] = ['registered', 'offered', 'checked_in'];
/** Statuses after which the person may register for the event again. */
export const ENDED_STATUSES: readonly RegistrationStatus[] = ['cancelled', 'declined', 'expired'];

export const COMPANION_RELATIONS = {
  spouse: '配偶',
  child: '子女',
  parent: '父母',
  other: '其他亲友',
} as const;
export type CompanionRelation = keyof typeof COMPANION_RELATIONS;
const RELATION_KEYS = Object.keys(COMPANION_RELATIONS) as [CompanionRelation, ...CompanionRelation[]];

export const EVENT_FULL_MESSAGE = '该场次名额已满，可加入候补名单';
export const ALREADY_REGISTERED_MESSAGE = '您已报名该活动，可在「我的活动」中查看或改期';
export const EVENT_NOT_FOUND_MESSAGE = '未找到该活动';
export const SESSION_NOT_FOUND_MESSAGE = '未找到该场次，请重新选择';
export const GUARDIAN_CONSENT_MESSAGE =
  '同行人中有未满 14 周岁的儿童：其信息属于敏感个人信息，须由监护人勾选同意后方可提交';
export const BUSY_MESSAGE = '报名人数较多，请稍后重试';

/**
 * Marketing consent, separate from the service consent a registration needs: the exact words the
 * registrant ticks (never pre-ticked) and their version, recorded with the time.
 */
export const MARKETING_CONSENT = {
  version: 'event-marketing-v1',
  text: '我同意主办机构就本活动及同类客户活动，通过电话、短信或微信向我推介保险产品与服务。此同意与活动报名所需的服务授权相互独立，我可随时在活动页撤回。',
} as const;
export const MARKETING_CONSENT_MESSAGE =
  '本活动为营销活动：请单独勾选同意接收营销信息后再报名（不同意可不参加本活动）';
export const MARKETING_BRAND_MESSAGE = '太有爱公益活动不能标记为营销活动';

/* @__NO_SIDE_EFFECTS__ */
function text(label: string, max: number, min = 1) {
  return z.string(`请填写${label}`).check(
    z.trim(),
    z.minLength(min, min > 1 ? `请填写${label}（至少 ${min} 个字）` : `请填写${label}`),
    z.maxLength(max, `${label}请控制在 ${max} 字以内`),
    z.refine((t) => !hasUnsafeCharacters(t), `${label}${UNSAFE_CHARACTERS_MESSAGE}`),
  );
}

/* @__NO_SIDE_EFFECTS__ */
const instant = (label: string) =>
  z.string(`请填写${label}`).check(
    z.regex(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/,
      `${label}应为带时区的时间，如 2026-12-20T09:00:00+08:00`,
    ),
    z.refine((t) => !Number.isNaN(Date.parse(t)), `${label}不是有效的时间`),
    // Date.parse rolls 2 月 30 日 over into March: the calendar day itself must exist.
    z.refine((t) => isRealDate(t.slice(0, 10)), `${label}的日期不存在，请核对月份和日期`),
  );

/** The longest a session may last: a longer one is a mistyped end. */
export const MAX_SESSION_HOURS = 72;

export const eventId = z.string().check(z.regex(/^EV[0-9A-Za-z-]{4,40}$/, '活动编号格式不正确'));
const sessionId = z.string('请选择场次').check(z.regex(/^S\d{1,3}$/, '场次编号格式不正确'));

export const AudienceRequestSchema = z.strictObject({
  roles: z
    .array(z.enum(AUDIENCE_ROLES, '报名对象应为 customer、agent 或 staff'))
    .check(z.minLength(1, '请至少选择一类报名对象'), z.maxLength(3)),
  segment: z.nullable(z.string().check(z.regex(/^[a-z][a-z0-9_]{0,31}$/, '客户分层名称格式不正确'))),
  ageBand: z.nullable(
    z
      .strictObject({
        min: z.int('年龄下限应为整数').check(z.minimum(0, '年龄下限不能小于 0'), z.maximum(120)),
        max: z.int('年龄上限应为整数').check(z.minimum(0), z.maximum(120, '年龄上限不能大于 120')),
      })
      .check(z.refine((b) => b.min <= b.max, '年龄下限不能大于上限')),
  ),
  /** Only people of the organising branch's subtree. */
  organiserBranchOnly: z.boolean('请选择是否仅限本机构辖内'),
});

export const CreateEventRequestSchema = z
  .strictObject({
    brand: z.enum(EVENT_BRAND_KEYS, '请选择活动品牌（太尊享、太活力或太有爱）'),
    title: text('活动名称', 40, 2).check(singleLine('活动名称')),
    city: text('城市', 20).check(singleLine('城市')),
    description: text('活动介绍', 1000, 10),
    venues: z
      .array(
        z.strictObject({
          name: text('场地名称', 40).check(singleLine('场地名称')),
          address: text('场地地址', 100).check(singleLine('场地地址')),
        }),
      )
      .check(z.minLength(1, '请至少添加一个场地'), z.maxLength(10, '一个活动最多 10 个场地')),
    sessions: z
      .array(
        z.strictObject({
          venueIndex: z.int('请选择场次的场地').check(z.minimum(0, '场次的场地不存在')),
          startsAt: instant('场次开始时间'),
          endsAt: instant('场次结束时间'),
          capacity: z
            .int('名额应为整数')
            .check(z.minimum(1, '每个场次至少 1 个名额'), z.maximum(5000, '每个场次最多 5000 个名额')),
        }),
      )
      .check(z.minLength(1, '请至少添加一个场次'), z.maxLength(50, '一个活动最多 50 个场次')),
    audience: AudienceRequestSchema,
    registrationOpensAt: instant('报名开始时间'),
    registrationClosesAt: instant('报名截止时间'),
    whatToBring: text('携带物品说明', 200).check(singleLine('携带物品说明')),
    /**
     * The organising branch: the staff member's own or one below it (absent: their own). The CSV
     * import names it in its own column.
     */
    organiserBranchId: z.optional(
      z.string('请选择主办机构').check(z.regex(/^[A-Z][A-Z0-9-]{0,39}$/, '主办机构编号格式不正确')),
    ),
    maxCompanions: z
      .int('同行人数上限应为整数')
      .check(z.minimum(0, '同行人数上限不能小于 0'), z.maximum(10, '同行人数上限最多 10 人')),
    /** A 太尊享 / 太活力 event that markets products: registering needs its own consent. */
    marketing: z.optional(z.boolean('请选择是否为营销活动')),
  })
  .check(
    z.superRefine((event, ctx) => {
      for (const [i, s] of event.sessions.entries()) {
        if (s.venueIndex >= event.venues.length)
          ctx.issues.push({
            code: 'custom',
            message: `第 ${i + 1} 个场次的场地不存在`,
            input: s,
            path: ['sessions', i, 'venueIndex'],
          });
        if (Date.parse(s.endsAt) <= Date.parse(s.startsAt))
          ctx.issues.push({
            code: 'custom',
            message: `第 ${i + 1} 个场次的结束时间应晚于开始时间`,
            input: s,
            path: ['sessions', i, 'endsAt'],
          });
        else if (Date.parse(s.endsAt) - Date.parse(s.startsAt) > MAX_SESSION_HOURS * 3_600_000)
          ctx.issues.push({
            code: 'custom',
            message: `第 ${i + 1} 个场次超过 ${MAX_SESSION_HOURS} 小时，请核对结束时间`,
            input: s,
            path: ['sessions', i, 'endsAt'],
          });
        if (Date.parse(s.startsAt) < Date.parse(event.registrationClosesAt))
          ctx.issues.push({
            code: 'custom',
            message: `第 ${i + 1} 个场次开始前报名应已截止`,
            input: s,
            path: ['registrationClosesAt'],
          });
      }
      if (Date.parse(event.registrationClosesAt) <= Date.parse(event.registrationOpensAt))
        ctx.issues.push({
          code: 'custom',
          message: '报名截止时间应晚于报名开始时间',
          input: event,
          path: ['registrationClosesAt'],
        });
      if (event.marketing && event.brand === 'charity')
        ctx.issues.push({
          code: 'custom',
          message: MARKETING_BRAND_MESSAGE,
          input: event,
          path: ['marketing'],
        });
      const problem = brandAudienceProblem(event.brand, event.audience);
      if (problem) ctx.issues.push({ code: 'custom', message: problem, input: event, path: ['audience'] });
    }),
  );
export type CreateEventRequest = z.infer<typeof CreateEventRequestSchema>;

/**
 * Each brand's audience: 太尊享 is for customers of a segment, 太活力 for customers of an age band,
 * 太有爱 for any of customers, agents and staff (no segment or age).
 */
export function brandAudienceProblem(
  brand: EventBrand,
  audience: Pick<EventAudience, 'roles' | 'segment' | 'ageBand'>,
): string | null {
  const customersOnly = audience.roles.length === 1 && audience.roles[0] === 'customer';
  if (brand === 'premier' && (!customersOnly || !audience.segment))
    return '太尊享活动仅面向客户，且须指定客户分层';
  if (brand === 'vitality' && (!customersOnly || !audience.ageBand))
    return '太活力活动仅面向客户，且须指定年龄范围';
  if (brand === 'charity' && (audience.segment || audience.ageBand))
    return '太有爱公益活动面向客户、业务员和员工，不设客户分层或年龄限制';
  return null;
}

/** How far ahead an event may be scheduled: a later session is a mistyped year. */
export const MAX_YEARS_AHEAD = 2;

/**
 * What the request's times say against the clock (the schema checks them against each other):
 * no session already begun, a window not yet closed, nothing more than two years ahead. Null when
 * all is well.
 */
export function eventTimingProblem(
  request: Pick<CreateEventRequest, 'sessions' | 'registrationClosesAt'>,
  nowMs: number,
): { message: string; field: string } | null {
  const latest = nowMs + MAX_YEARS_AHEAD * 366 * 24 * 3_600_000;
  for (const [i, s] of request.sessions.entries()) {
    if (Date.parse(s.startsAt) <= nowMs)
      return { message: `第 ${i + 1} 个场次的开始时间已过，请核对日期`, field: `sessions.${i}.startsAt` };
    if (Date.parse(s.startsAt) > latest)
      return {
        message: `第 ${i + 1} 个场次在 ${MAX_YEARS_AHEAD} 年以后，请核对年份`,
        field: `sessions.${i}.startsAt`,
      };
  }
  if (Date.parse(request.registrationClosesAt) <= nowMs)
    return { message: '报名截止时间已过，请核对日期', field: 'registrationClosesAt' };
  return null;
}

export const EventPathSchema = z.object({ eventId });

export const CompanionRequestSchema = z.strictObject({
  name: text('同行人姓名', 20).check(singleLine('同行人姓名')),
  relation: z.enum(RELATION_KEYS, '请选择同行人与您的关系'),
  birthDate: isoDaySchema('同行人出生日期'),
});
export type CompanionRequest = z.infer<typeof CompanionRequestSchema>;

export const RegisterForEventRequestSchema = z.strictObject({
  sessionId,
  companions: z.array(CompanionRequestSchema).check(z.maxLength(10, '同行人最多 10 位')),
  /** The guardian agrees to the processing of their children's details (PIPL Art. 31). */
  guardianConsent: z.boolean('请确认是否同意处理儿童个人信息'),
  /** When the session is full, join its waiting list instead of being refused. */
  waitIfFull: z.boolean(),
  /** The separate marketing consent, ticked by the registrant themselves (a marketing event needs it). */
  marketingConsent: z.optional(z.boolean('请确认是否同意接收营销信息')),
  /** The agent whose invitation brought the customer (an agent id from the shared link). */
  invitedBy: z.optional(z.nullable(z.string().check(z.regex(/^A\d{3,10}$/, '邀请人编号格式不正确')))),
});
export type RegisterForEventRequest = z.infer<typeof RegisterForEventRequestSchema>;

export const CheckInRequestSchema = z.strictObject({
  ticket: z
    .string('请扫描参加者的入场二维码')
    .check(z.minLength(1, '请扫描参加者的入场二维码'), z.maxLength(512, '二维码无效或已被篡改')),
  /**
   * When the door scanned it, for a scan queued on the device while offline and sent later; the
   * check-in is recorded at that time. Absent: now.
   */
  scannedAt: z.optional(instant('扫码时间')),
});
export type CheckInRequest = z.infer<typeof CheckInRequestSchema>;

/** The registrant's entry ticket: the signed token their QR code shows. */
export const EventTicketSchema = z.object({ ticket: z.string(), expiresAt: z.string() });
export type EventTicket = z.infer<typeof EventTicketSchema>;

/** A walk-in at the door (现场报名): seats left in the session are taken and the party is checked in. */
export const WalkInRequestSchema = z.strictObject({
  sessionId,
  name: text('参加者姓名', 20).check(singleLine('参加者姓名')),
  mobile: z.string('请填写参加者手机号').check(z.trim(), z.regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号码')),
  partySize: z
    .int('参加人数应为整数')
    .check(z.minimum(1, '参加人数至少 1 人'), z.maximum(11, '参加人数最多 11 人')),
});
export type WalkInRequest = z.infer<typeof WalkInRequestSchema>;

/** What the door sees after a walk-in: who (masked), how many, the seats the session has left. */
export const WalkInResultSchema = z.object({
  eventId: z.string(),
  sessionId: z.string(),
  registrantNameMasked: z.string(),
  partySize: z.int(),
  checkedInAt: z.string(),
  seatsLeft: z.int(),
});
export type WalkInResult = z.infer<typeof WalkInResultSchema>;

/** What the door sees after a scan: who (masked), how many, which session. */
export const CheckInResultSchema = z.object({
  eventId: z.string(),
  sessionId: z.string(),
  registrantNameMasked: z.string(),
  partySize: z.int(),
  checkedInAt: z.string(),
});
export type CheckInResult = z.infer<typeof CheckInResultSchema>;

export const ChangeSessionRequestSchema = z.strictObject({ sessionId });
export type ChangeSessionRequest = z.infer<typeof ChangeSessionRequestSchema>;

/** The one-tap rating after the session: 1–5 stars and, optionally, a few words. */
export const RateEventRequestSchema = z.strictObject({
  score: /* @__PURE__ */ ratingScore(),
  comment: /* @__PURE__ */ ratingComment(),
});
export type RateEventRequest = z.infer<typeof RateEventRequestSchema>;

const VenueSchema = z.object({ venueId: z.string(), name: z.string(), address: z.string() });

export const EventSessionViewSchema = z.object({
  sessionId: z.string(),
  venueName: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.int(),
  seatsLeft: z.int(),
  waiting: z.int(),
});

export const CompanionViewSchema = z.object({
  nameMasked: z.string(),
  relationLabel: z.string(),
  child: z.boolean(),
});

export const RegistrationViewSchema = z.object({
  eventId: z.string(),
  eventTitle: z.string(),
  brandLabel: z.string(),
  sessionId: z.string(),
  sessionStartsAt: z.string(),
  venueName: z.string(),
  status: z.enum(REGISTRATION_STATUSES),
  statusLabel: z.string(),
  partySize: z.int(),
  companions: z.array(CompanionViewSchema),
  /** 1 for the head of the waiting list; null unless waiting. */
  waitingPosition: z.nullable(z.int()),
  offerExpiresAt: z.nullable(z.string()),
  registeredAt: z.string(),
  /** The attendee's rating of the session, once given. */
  rating: z.nullable(z.object({ score: z.int(), comment: z.nullable(z.string()) })),
  /** Whether the attendee may rate now: checked in, the session ended, not yet rated. */
  mayRate: z.boolean(),
  /** The marketing consent given at registration (its text version), and when it was withdrawn. */
  marketingConsent: z.nullable(
    z.object({ givenAt: z.string(), version: z.string(), withdrawnAt: z.nullable(z.string()) }),
  ),
});
export type RegistrationView = z.infer<typeof RegistrationViewSchema>;

export const EventSummarySchema = z.object({
  eventId: z.string(),
  brand: z.enum(EVENT_BRAND_KEYS),
  brandLabel: z.string(),
  title: z.string(),
  city: z.string(),
  firstStartsAt: z.string(),
  organiserBranchName: z.string(),
  /** A short-lived link to the cover image; null when the event has none. */
  coverUrl: z.nullable(z.string()),
  eligible: z.boolean(),
  /** Why the viewer may not register (not eligible, window not open or closed); null when they may. */
  reason: z.nullable(z.string()),
  myStatus: z.nullable(z.enum(REGISTRATION_STATUSES)),
});
export type EventSummary = z.infer<typeof EventSummarySchema>;

export const EventListResponseSchema = z.object({ events: z.array(EventSummarySchema) });

/** A cover image: JPEG or PNG (by its first bytes), at most 2 MB. */
export const MAX_COVER_BYTES = 2 * 1024 * 1024;
/** How long a cover's upload link stays valid; its read link lasts an hour. */
export const COVER_UPLOAD_SECONDS = 900;
export const COVER_LINK_SECONDS = 3600;

/** Where the device PUTs a cover: a key the server chose, with its id to confirm it by. */
export const EventCoverUploadSchema = z.object({
  uploadId: z.string(),
  uploadUrl: z.string(),
  contentType: z.string(),
  maxBytes: z.int(),
  expiresAt: z.string(),
});
export type EventCoverUpload = z.infer<typeof EventCoverUploadSchema>;

export const SetEventCoverRequestSchema = z.strictObject({
  uploadId: z.string('请先上传封面图片').check(z.regex(/^[0-9a-f-]{36}$/, '封面上传编号格式不正确')),
});
export type SetEventCoverRequest = z.infer<typeof SetEventCoverRequestSchema>;
export type EventListResponse = z.infer<typeof EventListResponseSchema>;

export const EventDetailSchema = z.extend(EventSummarySchema, {
  description: z.string(),
  whatToBring: z.string(),
  venues: z.array(VenueSchema),
  sessions: z.array(EventSessionViewSchema),
  registrationOpensAt: z.string(),
  registrationClosesAt: z.string(),
  maxCompanions: z.int(),
  childAgeBelow: z.int(),
  /** A marketing event: registering needs the separate consent whose words these are. */
  marketing: z.boolean(),
  marketingConsentText: z.nullable(z.string()),
  myRegistration: z.nullable(RegistrationViewSchema),
});
export type EventDetail = z.infer<typeof EventDetailSchema>;

export const MyRegistrationsResponseSchema = z.object({ registrations: z.array(RegistrationViewSchema) });
export type MyRegistrationsResponse = z.infer<typeof MyRegistrationsResponseSchema>;

export const StaffSessionViewSchema = z.extend(EventSessionViewSchema, { checkedIn: z.int() });

export const StaffEventSchema = z.object({
  eventId: z.string(),
  brandLabel: z.string(),
  title: z.string(),
  city: z.string(),
  status: z.enum(['draft', 'published']),
  organiserBranchName: z.string(),
  firstStartsAt: z.string(),
  coverUrl: z.nullable(z.string()),
  sessions: z.array(StaffSessionViewSchema),
});
export type StaffEvent = z.infer<typeof StaffEventSchema>;

export const EVENT_AUDIT_LABELS = {
  created: '创建草稿',
  updated: '修改草稿',
  cover_set: '上传封面',
  published: '发布',
} as const;

/** One event for its organisers: the editable fields as the form sends them, and its publishing trail. */
export const StaffEventDetailSchema = z.extend(StaffEventSchema, {
  organiserBranchId: z.string(),
  form: z.object({
    brand: z.enum(EVENT_BRAND_KEYS),
    title: z.string(),
    city: z.string(),
    description: z.string(),
    venues: z.array(z.object({ name: z.string(), address: z.string() })),
    sessions: z.array(
      z.object({ venueIndex: z.int(), startsAt: z.string(), endsAt: z.string(), capacity: z.int() }),
    ),
    audience: z.object({
      roles: z.array(z.enum(AUDIENCE_ROLES)),
      segment: z.nullable(z.string()),
      ageBand: z.nullable(z.object({ min: z.int(), max: z.int() })),
      organiserBranchOnly: z.boolean(),
    }),
    registrationOpensAt: z.string(),
    registrationClosesAt: z.string(),
    whatToBring: z.string(),
    maxCompanions: z.int(),
    marketing: z.boolean(),
  }),
  audit: z.array(
    z.object({
      action: z.enum(['created', 'updated', 'cover_set', 'published']),
      actionLabel: z.string(),
      byName: z.string(),
      at: z.string(),
    }),
  ),
});
export type StaffEventDetail = z.infer<typeof StaffEventDetailSchema>;

/** The branches a staff member may organise an event for: their own and those below it. */
export const EventOrganisersResponseSchema = z.object({
  organisers: z.array(z.object({ branchId: z.string(), name: z.string(), path: z.string() })),
  /** The configured customer segments 太尊享 may name. */
  segments: z.array(z.object({ key: z.string(), label: z.string() })),
});
export type EventOrganisersResponse = z.infer<typeof EventOrganisersResponseSchema>;
export const StaffEventListResponseSchema = z.object({ events: z.array(StaffEventSchema) });
export type StaffEventListResponse = z.infer<typeof StaffEventListResponseSchema>;

const EventFiguresSchema = z.object({
  registrations: z.int(),
  people: z.int(),
  checkedInPeople: z.int(),
  attendanceBasisPoints: z.nullable(z.int()),
  waitlisted: z.int(),
  waitlistConverted: z.int(),
  conversionBasisPoints: z.nullable(z.int()),
});

export const EventReportSchema = z.object({
  eventId: z.string(),
  title: z.string(),
  rows: z.array(z.extend(EventFiguresSchema, { branchPath: z.string(), branchName: z.string() })),
  /** The registrations each agent's invitation brought (agents with none are left out). */
  byAgent: z.array(z.extend(EventFiguresSchema, { agentId: z.string(), agentName: z.string() })),
  /** The same figures by the segment each registrant fell into when registering. */
  bySegment: z.array(z.extend(EventFiguresSchema, { segment: z.string(), segmentLabel: z.string() })),
  /** Each session's attendance, waiting-list conversion and the attendees' average rating. */
  bySession: z.array(
    z.extend(EventFiguresSchema, {
      sessionId: z.string(),
      startsAt: z.string(),
      venueName: z.string(),
      ratings: z.int(),
      averageRatingTenths: z.nullable(z.int()),
    }),
  ),
  /** Parties of sessions that have ended who never checked in, names masked, for follow-up. */
  noShows: z.array(z.object({ sessionId: z.string(), nameMasked: z.string(), partySize: z.int() })),
  /** The same rows as CSV (UTF-8, CRLF, Chinese header) for export. */
  csv: z.string(),
  /** 太有爱: what was pledged, per kind (money in cents), and by how many people. */
  pledges: z.object({
    money: z.int(),
    goods: z.int(),
    books: z.int(),
    volunteer: z.int(),
    people: z.int(),
  }),
});
export type EventReport = z.infer<typeof EventReportSchema>;

/** An agent's invitees of one event: only registrations that came through their invitation. */
export const EventInviteesResponseSchema = z.object({
  /** The agent's id, which their invitation link carries. */
  invitedBy: z.nullable(z.string()),
  invitees: z.array(
    z.object({
      nameMasked: z.string(),
      status: z.enum(REGISTRATION_STATUSES),
      statusLabel: z.string(),
      partySize: z.int(),
      registeredAt: z.string(),
    }),
  ),
});
export type EventInviteesResponse = z.infer<typeof EventInviteesResponseSchema>;

/** 太有爱 pledges: money (cents), goods or books (items), volunteer teaching (hours). */
export const PLEDGE_KINDS = { money: '捐款', goods: '捐物', books: '捐书', volunteer: '志愿支教' } as const;
export type PledgeKind = keyof typeof PLEDGE_KINDS;
const PLEDGE_KIND_KEYS = Object.keys(PLEDGE_KINDS) as [PledgeKind, ...PledgeKind[]];
/** The unit each kind's `amount` counts in. */
export const PLEDGE_UNITS: Record<PledgeKind, string> = {
  money: '分',
  goods: '件',
  books: '册',
  volunteer: '小时',
};
const PLEDGE_LIMITS: Record<PledgeKind, { min: number; max: number; message: string }> = {
  money: { min: 100, max: 100_000_000, message: '捐款金额应在 1 元至 100 万元之间' },
  goods: { min: 1, max: 10_000, message: '捐物数量应在 1 至 10000 件之间' },
  books: { min: 1, max: 10_000, message: '捐书数量应在 1 至 10000 册之间' },
  volunteer: { min: 1, max: 500, message: '志愿支教时长应在 1 至 500 小时之间' },
};

export const RecordPledgeRequestSchema = z
  .strictObject({
    kind: z.enum(PLEDGE_KIND_KEYS, '请选择认捐方式（捐款、捐物、捐书或志愿支教）'),
    /** Money in cents; goods and books in items; volunteering in hours. */
    amount: z.int('认捐数量应为整数'),
    note: text('认捐说明', 200).check(singleLine('认捐说明')),
  })
  .check(
    z.superRefine((pledge, ctx) => {
      const limit = PLEDGE_LIMITS[pledge.kind];
      if (pledge.amount < limit.min || pledge.amount > limit.max)
        ctx.issues.push({ code: 'custom', message: limit.message, input: pledge, path: ['amount'] });
    }),
  );
export type RecordPledgeRequest = z.infer<typeof RecordPledgeRequestSchema>;

export const PledgeViewSchema = z.object({
  kind: z.enum(PLEDGE_KIND_KEYS),
  kindLabel: z.string(),
  amount: z.int(),
  unit: z.string(),
  note: z.string(),
  pledgedAt: z.string(),
});
export type PledgeView = z.infer<typeof PledgeViewSchema>;
export const MyPledgesResponseSchema = z.object({ pledges: z.array(PledgeViewSchema) });
export type MyPledgesResponse = z.infer<typeof MyPledgesResponseSchema>;

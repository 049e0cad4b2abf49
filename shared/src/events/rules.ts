import * as z from 'zod/mini';
import eventSettingsJson from '../../../config/events.json';
import { isInBranchSubtree } from '../auth/access';
import type { Role } from '../auth/schemas';
import { ageOn } from '../endorsement/policy-loan';
import { formatShanghaiDateTime } from '../format/dates';
import { formatYuan } from '../format/money';
import type { PolicyRecord } from '../policy/model';
import { MONTHS_PER_PREMIUM_PERIOD } from '../policy/premiums';

/**
 * The e生相伴 customer club (客户俱乐部): its three event brands, who may come to an event
 * (eligibility, with the reason when not), and the order of a session's waiting list. Pure rules:
 * the use cases feed them records, the mini program shows their reasons.
 */
export const EVENT_BRANDS = {
  premier: '太尊享',
  vitality: '太活力',
  charity: '太有爱',
} as const;
export type EventBrand = keyof typeof EVENT_BRANDS;
export const EVENT_BRAND_KEYS = Object.keys(EVENT_BRANDS) as [EventBrand, ...EventBrand[]];

/** Who may sign up to an event at all; 太尊享 and 太活力 are for customers, 太有爱 also for agents and staff. */
export const AUDIENCE_ROLES = ['customer', 'agent', 'staff'] as const;
export type AudienceRole = (typeof AUDIENCE_ROLES)[number];
export const AUDIENCE_ROLE_LABELS: Record<AudienceRole, string> = {
  customer: '客户',
  agent: '业务员',
  staff: '员工',
};

const segmentSchema = z.object({
  label: z.string().check(z.minLength(1)),
  minAnnualisedPremiumCents: z.number().check(z.int(), z.positive()),
  minTotalSumAssuredCents: z.number().check(z.int(), z.positive()),
});
export const EventSettingsSchema = z.object({
  /** Customer segments by name: a customer is in one when either threshold of their in-force policies is met. */
  segments: z.record(z.string(), segmentSchema),
  maxCompanions: z.number().check(z.int(), z.minimum(0), z.maximum(10)),
  /** How long a waiting-list offer stays open. */
  offerHours: z.number().check(z.int(), z.positive()),
  /** Below this age a companion's details are a child's (sensitive personal information, PIPL Art. 28 and 31). */
  childAgeBelow: z.number().check(z.int(), z.positive()),
});
export type EventSettings = z.infer<typeof EventSettingsSchema>;
export type CustomerSegment = z.infer<typeof segmentSchema>;
/** The one-tap rating's settings, beside the others in `config/events.json`. */
export const EventRatingSettingsSchema = z.object({
  /** A rating at or below this many stars (of 5) is negative voice: it joins 客户之声 and reaches the listening executives live. */
  lowRatingMax: z.number().check(z.int(), z.minimum(1), z.maximum(4)),
});
export type EventRatingSettings = z.infer<typeof EventRatingSettingsSchema>;
export const defaultEventSettings: EventSettings & EventRatingSettings = z
  .extend(EventSettingsSchema, EventRatingSettingsSchema.shape)
  .parse(eventSettingsJson);

/** Who may come: the roles, and for customers a segment, an age band and a branch subtree. */
export interface EventAudience {
  roles: AudienceRole[];
  /** A segment name of the settings (太尊享). */
  segment: string | null;
  /** Age in full years on the event's first day, both ends included (太活力). */
  ageBand: { min: number; max: number } | null;
  /** Only people of this branch subtree (and its name, for the reason). */
  branch: { path: string; name: string } | null;
}

/** A customer's standing from their in-force policies: annualised premium and total sum assured. */
export interface CustomerStanding {
  annualisedPremiumCents: number;
  totalSumAssuredCents: number;
}

/**
 * Annualised premium in force: each in-force regular-premium policy's premium times its payments
 * a year; a single premium counts a tenth, the industry's 趸交折标 convention. Sum assured of every
 * in-force policy, summed.
 */
export function customerStanding(
  policies: readonly Pick<PolicyRecord, 'status' | 'premiumCents' | 'premiumFrequency' | 'sumAssuredCents'>[],
): CustomerStanding {
  let annualisedPremiumCents = 0;
  let totalSumAssuredCents = 0;
  for (const p of policies) {
    if (p.status !== 'in_force') continue;
    const months = MONTHS_PER_PREMIUM_PERIOD[p.premiumFrequency];
    annualisedPremiumCents += months === 0 ? Math.round(p.premiumCents / 10) : (p.premiumCents * 12) / months;
    totalSumAssuredCents += p.sumAssuredCents;
  }
  return { annualisedPremiumCents, totalSumAssuredCents };
}

/** Whether a customer of this standing is in the segment: either threshold met. */
export function inSegment(standing: CustomerStanding | null, segment: CustomerSegment): boolean {
  const s = standing ?? { annualisedPremiumCents: 0, totalSumAssuredCents: 0 };
  return (
    s.annualisedPremiumCents >= segment.minAnnualisedPremiumCents ||
    s.totalSumAssuredCents >= segment.minTotalSumAssuredCents
  );
}

/**
 * The configured segment a registrant falls into (the first of the settings that admits them), for
 * the report by segment: a customer in none is `none`; an agent or staff member is `not_customer`.
 */
export function segmentOf(registrant: Registrant, settings: EventSettings): string {
  if (registrant.role !== 'customer') return NOT_CUSTOMER_SEGMENT;
  const found = Object.entries(settings.segments).find(([, s]) => inSegment(registrant.standing, s));
  return found ? found[0] : NO_SEGMENT;
}
export const NO_SEGMENT = 'none';
export const NOT_CUSTOMER_SEGMENT = 'not_customer';

/** The person asking: a signed-in user, with a customer's birth date and standing when a customer. */
export interface Registrant {
  role: Role;
  /** Null for a customer not yet bound to a customer record. */
  customerId: string | null;
  branchPath: string | null;
  birthDate: string | null;
  standing: CustomerStanding | null;
}

export type Eligibility = { eligible: true } | { eligible: false; reason: string };

function joinLabels(roles: readonly AudienceRole[]): string {
  return roles.map((r) => AUDIENCE_ROLE_LABELS[r]).join('、');
}

/**
 * Whether `who` may sign up to an event with this audience, and if not, why (Chinese, shown to
 * them). `eventDay` is the event's first day (YYYY-MM-DD, Shanghai), the day ages are counted on.
 * Admins come to nothing: they run the system.
 */
export function checkEligibility(
  audience: EventAudience,
  who: Registrant,
  eventDay: string,
  settings: EventSettings = defaultEventSettings,
): Eligibility {
  const roleOk = (AUDIENCE_ROLES as readonly string[]).includes(who.role);
  if (!roleOk || !audience.roles.includes(who.role as AudienceRole))
    return { eligible: false, reason: `本活动仅面向${joinLabels(audience.roles)}报名` };
  if (audience.branch && !(who.branchPath && isInBranchSubtree(who.branchPath, audience.branch.path)))
    return { eligible: false, reason: `本活动仅面向${audience.branch.name}辖内报名` };
  if (who.role !== 'customer') return { eligible: true };
  if (!who.customerId) return { eligible: false, reason: '请先完成身份绑定，再报名客户活动' };
  if (audience.ageBand) {
    if (!who.birthDate) return { eligible: false, reason: '缺少您的出生日期，暂无法确认年龄要求' };
    const age = ageOn(who.birthDate, eventDay);
    const { min, max } = audience.ageBand;
    if (age < min || age > max)
      return {
        eligible: false,
        reason: `本活动面向 ${min}–${max} 周岁的客户，活动当天您 ${age} 周岁`,
      };
  }
  if (audience.segment) {
    const segment = settings.segments[audience.segment];
    if (!segment) return { eligible: false, reason: '本活动的客户范围暂未配置，请联系主办机构' };
    if (!inSegment(who.standing, segment))
      return {
        eligible: false,
        reason: `本活动面向${segment.label}：有效保单年化保费满 ${formatYuan(segment.minAnnualisedPremiumCents)} 或总保额满 ${formatYuan(segment.minTotalSumAssuredCents)}`,
      };
  }
  return { eligible: true };
}

/** Whether the registration window is open at `nowMs`, and if not, the reason. */
export function checkRegistrationWindow(
  window: { opensAt: string; closesAt: string },
  nowMs: number,
): Eligibility {
  if (nowMs < Date.parse(window.opensAt))
    return { eligible: false, reason: `报名尚未开始，${formatShanghaiDateTime(window.opensAt)} 开放报名` };
  if (nowMs >= Date.parse(window.closesAt))
    return { eligible: false, reason: `报名已于 ${formatShanghaiDateTime(window.closesAt)} 截止` };
  return { eligible: true };
}

/** One place on a session's waiting list: its sequence number (taken atomically on joining) and party size. */
export interface WaitingEntry {
  key: string;
  waitSeq: number;
  partySize: number;
}

/** A session's waiting list in order: by the sequence taken on joining (ties, which cannot happen in the table, by key). */
export function waitingListOrder<T extends WaitingEntry>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.waitSeq - b.waitSeq || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/**
 * Who gets an offer for `heldSeats` freed seats: strictly first come, first served — the head of
 * the list, then the next, while their whole party fits. A party that does not fit waits for more
 * seats and nobody behind it jumps ahead.
 */
export function nextOffers<T extends WaitingEntry>(entries: readonly T[], heldSeats: number): T[] {
  const offers: T[] = [];
  let left = heldSeats;
  for (const entry of waitingListOrder(entries)) {
    if (entry.partySize > left) break;
    offers.push(entry);
    left -= entry.partySize;
  }
  return offers;
}

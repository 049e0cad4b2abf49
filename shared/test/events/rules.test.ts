import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn } from '../../src/endorsement/policy-loan';
import {
  AUDIENCE_ROLES,
  checkEligibility,
  checkRegistrationWindow,
  customerStanding,
  type EventAudience,
  type EventSettings,
  nextOffers,
  type Registrant,
  type WaitingEntry,
  waitingListOrder,
} from '../../src/events/rules';
import { brandAudienceProblem } from '../../src/events/schemas';

const settings: EventSettings = {
  segments: {
    premier: {
      label: '尊享客户',
      minAnnualisedPremiumCents: 5_000_000,
      minTotalSumAssuredCents: 300_000_000,
    },
  },
  maxCompanions: 4,
  offerHours: 24,
  childAgeBelow: 14,
};
const EVENT_DAY = '2026-12-20';

const open: EventAudience = {
  roles: ['customer', 'agent', 'staff'],
  segment: null,
  ageBand: null,
  branch: null,
};
const customer = (overrides: Partial<Registrant> = {}): Registrant => ({
  role: 'customer',
  customerId: 'C001',
  branchPath: 'HQ/SH/SH-PD',
  birthDate: '1990-06-01',
  standing: { annualisedPremiumCents: 0, totalSumAssuredCents: 0 },
  ...overrides,
});

const day = fc
  .date({ min: new Date('1930-01-01T00:00:00Z'), max: new Date('2026-12-19T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const role = fc.constantFrom('customer', 'agent', 'staff', 'admin') as fc.Arbitrary<Registrant['role']>;
const branchPath = fc.constantFrom('HQ', 'HQ/SH', 'HQ/SH/SH-PD', 'HQ/SH1', 'HQ/BJ', 'HQ/BJ/BJ-HD');
const registrant = fc.record({
  role,
  customerId: fc.option(fc.constant('C001'), { nil: null }),
  branchPath: fc.option(branchPath, { nil: null }),
  birthDate: fc.option(day, { nil: null }),
  standing: fc.option(
    fc.record({
      annualisedPremiumCents: fc.integer({ min: 0, max: 20_000_000 }),
      totalSumAssuredCents: fc.integer({ min: 0, max: 900_000_000 }),
    }),
    { nil: null },
  ),
});
const audience = fc.record({
  roles: fc.uniqueArray(fc.constantFrom(...AUDIENCE_ROLES), { minLength: 1, maxLength: 3 }),
  segment: fc.option(fc.constant('premier'), { nil: null }),
  ageBand: fc.option(
    fc.tuple(fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 })).map(([a, b]) => ({
      min: Math.min(a, b),
      max: Math.max(a, b),
    })),
    { nil: null },
  ),
  branch: fc.option(
    branchPath.map((path) => ({ path, name: path })),
    { nil: null },
  ),
});

describe('eligibility', () => {
  it('admits exactly the people every rule of the audience admits, and gives a reason otherwise', () => {
    fc.assert(
      fc.property(audience, registrant, (a, who) => {
        const result = checkEligibility(a, who, EVENT_DAY, settings);
        const inRole = who.role !== 'admin' && (a.roles as string[]).includes(who.role);
        const inBranch =
          !a.branch ||
          (who.branchPath !== null &&
            (who.branchPath === a.branch.path || who.branchPath.startsWith(`${a.branch.path}/`)));
        const isCustomer = who.role === 'customer';
        const bound = !isCustomer || who.customerId !== null;
        const age = who.birthDate ? ageOn(who.birthDate, EVENT_DAY) : null;
        const inAge =
          !isCustomer || !a.ageBand || (age !== null && age >= a.ageBand.min && age <= a.ageBand.max);
        const s = who.standing ?? { annualisedPremiumCents: 0, totalSumAssuredCents: 0 };
        const inSegment =
          !isCustomer ||
          !a.segment ||
          s.annualisedPremiumCents >= 5_000_000 ||
          s.totalSumAssuredCents >= 300_000_000;
        expect(result.eligible).toBe(inRole && inBranch && bound && inAge && inSegment);
        if (!result.eligible) expect(result.reason).toMatch(/[\u4e00-\u9fa5]/);
      }),
    );
  });

  it('is monotone in standing: a customer with more premium or sum assured is never shut out of a segment', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 500_000_000 }),
        (premium, extra, sumAssured) => {
          const a = { ...open, roles: ['customer' as const], segment: 'premier' };
          const less = checkEligibility(
            a,
            customer({ standing: { annualisedPremiumCents: premium, totalSumAssuredCents: sumAssured } }),
            EVENT_DAY,
            settings,
          );
          const more = checkEligibility(
            a,
            customer({
              standing: { annualisedPremiumCents: premium + extra, totalSumAssuredCents: sumAssured },
            }),
            EVENT_DAY,
            settings,
          );
          if (less.eligible) expect(more.eligible).toBe(true);
        },
      ),
    );
  });

  it('words each refusal precisely', () => {
    const vitality: EventAudience = {
      roles: ['customer'],
      segment: null,
      ageBand: { min: 20, max: 45 },
      branch: { path: 'HQ/SH', name: '上海分公司' },
    };
    expect(checkEligibility(vitality, customer({ birthDate: '1965-11-02' }), EVENT_DAY, settings)).toEqual({
      eligible: false,
      reason: '本活动面向 20–45 周岁的客户，活动当天您 61 周岁',
    });
    expect(checkEligibility(vitality, customer({ branchPath: 'HQ/BJ/BJ-HD' }), EVENT_DAY, settings)).toEqual({
      eligible: false,
      reason: '本活动仅面向上海分公司辖内报名',
    });
    expect(checkEligibility(vitality, customer({ role: 'agent' }), EVENT_DAY, settings)).toEqual({
      eligible: false,
      reason: '本活动仅面向客户报名',
    });
    expect(
      checkEligibility({ ...open, roles: ['customer'], segment: 'premier' }, customer(), EVENT_DAY, settings),
    ).toEqual({
      eligible: false,
      reason: '本活动面向尊享客户：有效保单年化保费满 ¥50,000.00 或总保额满 ¥3,000,000.00',
    });
    expect(checkEligibility(open, customer({ customerId: null }), EVENT_DAY, settings)).toEqual({
      eligible: false,
      reason: '请先完成身份绑定，再报名客户活动',
    });
  });

  it('counts a whole year of regular premiums, a tenth of a single premium, and only policies in force', () => {
    expect(
      customerStanding([
        {
          status: 'in_force',
          premiumCents: 100_000,
          premiumFrequency: 'monthly',
          sumAssuredCents: 1_000_000,
        },
        {
          status: 'in_force',
          premiumCents: 1_000_000,
          premiumFrequency: 'single',
          sumAssuredCents: 2_000_000,
        },
        { status: 'lapsed', premiumCents: 9_999_999, premiumFrequency: 'annual', sumAssuredCents: 9_999_999 },
      ]),
    ).toEqual({ annualisedPremiumCents: 1_300_000, totalSumAssuredCents: 3_000_000 });
  });

  it('opens registration at the opening instant and closes it at the closing one', () => {
    const window = { opensAt: '2026-12-01T01:00:00.000Z', closesAt: '2026-12-10T10:00:00.000Z' };
    expect(checkRegistrationWindow(window, Date.parse(window.opensAt) - 1)).toEqual({
      eligible: false,
      reason: '报名尚未开始，2026-12-01 09:00 开放报名',
    });
    expect(checkRegistrationWindow(window, Date.parse(window.opensAt)).eligible).toBe(true);
    expect(checkRegistrationWindow(window, Date.parse(window.closesAt))).toEqual({
      eligible: false,
      reason: '报名已于 2026-12-10 18:00 截止',
    });
  });

  it('gives each brand its audience', () => {
    expect(brandAudienceProblem('premier', { roles: ['customer'], segment: null, ageBand: null })).toBe(
      '太尊享活动仅面向客户，且须指定客户分层',
    );
    expect(
      brandAudienceProblem('vitality', { roles: ['customer'], segment: null, ageBand: { min: 0, max: 50 } }),
    ).toBeNull();
    expect(
      brandAudienceProblem('charity', {
        roles: ['customer', 'agent', 'staff'],
        segment: null,
        ageBand: null,
      }),
    ).toBeNull();
    expect(
      brandAudienceProblem('charity', { roles: ['agent'], segment: 'premier', ageBand: null }),
    ).not.toBeNull();
  });
});

const entries = fc
  .uniqueArray(fc.integer({ min: 1, max: 10_000 }), { maxLength: 40 })
  .chain((seqs) =>
    fc.tuple(
      ...seqs.map((waitSeq) =>
        fc.record({
          key: fc.constant(`P${waitSeq}`),
          waitSeq: fc.constant(waitSeq),
          partySize: fc.integer({ min: 1, max: 5 }),
        }),
      ),
    ),
  )
  .map((list) => list as WaitingEntry[]);

describe('waiting-list order', () => {
  it('orders by the sequence taken on joining, whatever order the entries are read in', () => {
    fc.assert(
      fc.property(entries, fc.infiniteStream(fc.nat()), (list, noise) => {
        const shuffled = [...list].sort(() => (noise.next().value % 3) - 1);
        const ordered = waitingListOrder(shuffled);
        expect(ordered.map((e) => e.key)).toEqual(waitingListOrder(list).map((e) => e.key));
        for (let i = 1; i < ordered.length; i++)
          expect(ordered[i - 1]!.waitSeq).toBeLessThan(ordered[i]!.waitSeq);
        expect(ordered).toHaveLength(list.length);
      }),
    );
  });

  it('offers a prefix of the list, never more seats than were freed, and stops at the first party that does not fit', () => {
    fc.assert(
      fc.property(entries, fc.integer({ min: 0, max: 30 }), (list, held) => {
        const ordered = waitingListOrder(list);
        const offers = nextOffers(list, held);
        expect(offers.map((e) => e.key)).toEqual(ordered.slice(0, offers.length).map((e) => e.key));
        const seats = offers.reduce((n, e) => n + e.partySize, 0);
        expect(seats).toBeLessThanOrEqual(held);
        const blocked = ordered[offers.length];
        if (blocked) expect(blocked.partySize).toBeGreaterThan(held - seats);
      }),
    );
  });

  it('offers nothing without freed seats, and serves the head first', () => {
    expect(nextOffers([{ key: 'a', waitSeq: 2, partySize: 1 }], 0)).toEqual([]);
    expect(
      nextOffers(
        [
          { key: 'late', waitSeq: 9, partySize: 1 },
          { key: 'head', waitSeq: 3, partySize: 3 },
        ],
        2,
      ),
    ).toEqual([]);
  });
});

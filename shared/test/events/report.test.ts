import { describe, expect, it } from 'vitest';
import {
  eventReport,
  eventReportBySegment,
  eventReportBySession,
  eventReportCsv,
} from '../../src/events/report';
import { defaultEventSettings, segmentOf } from '../../src/events/rules';
import type { RegistrationState } from '../../src/ports/events';

const registration = (overrides: Partial<RegistrationState>): RegistrationState => ({
  eventId: 'EV-TEST',
  personKey: 'C001',
  userId: 'u',
  role: 'customer',
  customerId: 'C001',
  branchPath: 'HQ/SH',
  sessionId: 'S1',
  status: 'registered',
  partySize: 1,
  guardianConsentAt: null,
  waitSeq: null,
  offerExpiresAt: null,
  invitedBy: null,
  registeredAt: '2026-12-01T00:00:00.000Z',
  updatedAt: '2026-12-01T00:00:00.000Z',
  version: 1,
  ...overrides,
});

describe('event report', () => {
  it('counts by branch and in total; only seated parties count as registrations and people', () => {
    const rows = eventReport(
      [
        registration({ personKey: 'a', status: 'checked_in', partySize: 3 }),
        registration({ personKey: 'b', partySize: 1, waitSeq: 4 }),
        registration({ personKey: 'c', status: 'expired', waitSeq: 5 }),
        registration({ personKey: 'd', status: 'cancelled', partySize: 2 }),
        registration({ personKey: 'e', branchPath: 'HQ/BJ', status: 'waiting', waitSeq: 6 }),
        registration({ personKey: 'f', branchPath: null, role: 'staff', status: 'checked_in' }),
      ],
      (path) => ({ 'HQ/SH': '上海分公司', 'HQ/BJ': '北京分公司' })[path] ?? path,
    );
    expect(
      rows.map((r) => [r.branchName, r.registrations, r.people, r.checkedInPeople, r.attendanceBasisPoints]),
    ).toEqual([
      ['未关联机构', 1, 1, 1, 10000],
      ['北京分公司', 0, 0, 0, null],
      ['上海分公司', 2, 4, 3, 7500],
      ['合计', 3, 5, 4, 8000],
    ]);
    expect(rows.map((r) => [r.waitlisted, r.waitlistConverted, r.conversionBasisPoints])).toEqual([
      [0, 0, null],
      [1, 0, 0],
      [2, 1, 5000],
      [3, 1, 3333],
    ]);
  });

  it('writes CSV with a Chinese header, a dash for no rate, and quotes cells that need them', () => {
    const csv = eventReportCsv(
      eventReport([registration({ branchPath: 'HQ/SH' })], () => '上海分公司, 浦东'),
    );
    expect(csv.split('\r\n')).toEqual([
      '机构,机构路径,报名数,报名人数,签到人数,到场率,候补数,候补转正,候补转化率',
      '"上海分公司, 浦东",HQ/SH,1,1,0,0.00%,0,0,—',
      '合计,,1,1,0,0.00%,0,0,—',
      '',
    ]);
  });
});

describe('the report by segment and by session', () => {
  it('groups registrants by the segment they fell into, configured segments first', () => {
    const rows = eventReportBySegment(
      [
        registration({ personKey: 'a', segment: 'none', status: 'checked_in', partySize: 2 }),
        registration({ personKey: 'b', segment: 'premier', status: 'checked_in' }),
        registration({ personKey: 'c', segment: 'premier', waitSeq: 1 }),
        registration({ personKey: 'd', segment: 'not_customer', role: 'agent' }),
        registration({ personKey: 'e' }),
      ],
      { premier: '尊享客户' },
    );
    expect(
      rows.map((r) => [r.segmentLabel, r.registrations, r.people, r.checkedInPeople, r.waitlisted]),
    ).toEqual([
      ['尊享客户', 2, 2, 1, 1],
      ['其他客户', 1, 2, 2, 0],
      ['业务员及员工', 1, 1, 0, 0],
      ['未记录分层', 1, 1, 0, 0],
    ]);
  });

  it('puts a customer in the first segment whose threshold they meet, and others apart', () => {
    const customer = (annualisedPremiumCents: number, totalSumAssuredCents: number) => ({
      role: 'customer' as const,
      customerId: 'C001',
      branchPath: 'HQ/SH',
      birthDate: '1980-01-01',
      standing: { annualisedPremiumCents, totalSumAssuredCents },
    });
    expect(segmentOf(customer(5_000_000, 0), defaultEventSettings)).toBe('premier');
    expect(segmentOf(customer(0, 300_000_000), defaultEventSettings)).toBe('premier');
    expect(segmentOf(customer(4_999_999, 299_999_999), defaultEventSettings)).toBe('none');
    expect(segmentOf({ ...customer(9e9, 9e9), role: 'agent' }, defaultEventSettings)).toBe('not_customer');
  });

  it('averages the ratings of each session and counts its walk-ins in its attendance', () => {
    const rows = eventReportBySession(
      [
        { sessionId: 'S1', startsAt: '2026-12-20T01:00:00.000Z', venueName: '张江' },
        { sessionId: 'S2', startsAt: '2026-12-21T01:00:00.000Z', venueName: '陆家嘴' },
      ],
      [
        registration({ personKey: 'a', status: 'checked_in', rating: { score: 2, comment: null, at: 'x' } }),
        registration({
          personKey: 'b',
          status: 'checked_in',
          rating: { score: 5, comment: '很好', at: 'x' },
        }),
        registration({ personKey: 'c', status: 'checked_in', rating: { score: 4, comment: null, at: 'x' } }),
        registration({ personKey: 'd', sessionId: 'S2' }),
      ],
      [
        {
          eventId: 'EV-TEST',
          walkInId: 'w',
          sessionId: 'S2',
          partySize: 1,
          checkedInAt: 'x',
          recordedBy: 'u',
        },
      ],
    );
    expect(
      rows.map((r) => [r.sessionId, r.ratings, r.averageRatingTenths, r.people, r.checkedInPeople]),
    ).toEqual([
      ['S1', 3, 37, 3, 3],
      ['S2', 0, null, 2, 1],
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { eventReport, eventReportCsv } from '../../src/events/report';
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

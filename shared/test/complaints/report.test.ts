import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultBusinessCalendar as calendar } from '../../src/complaints/calendar';
import {
  COMPLAINT_CATEGORY_KEYS,
  type ComplaintCategory,
  repeatReasonLabel,
} from '../../src/complaints/classification';
import type { ComplaintEventType } from '../../src/complaints/clocks';
import {
  type ComplaintReportInput,
  complaintReport,
  complaintReportCsv,
  perTenThousandText,
} from '../../src/complaints/report';
import type { ComplaintEventRecord, ComplaintRecord } from '../../src/ports/complaints';
import type { RectificationRecord } from '../../src/ports/voice';

const PD = 'HQ/SH/SH-PD';
const XH = 'HQ/SH/SH-XH';
const BJ = 'HQ/BJ';
const NOW = new Date('2026-11-25T02:00:00.000Z');

let seq = 0;
function complaint(
  over: Partial<ComplaintRecord> & { steps?: Array<[ComplaintEventType, string]> } = {},
): ComplaintReportInput['complaints'][number] {
  seq += 1;
  const complaintId = `TS20261110${String(seq).padStart(6, '0')}`;
  const receivedAt = over.receivedAt ?? '2026-11-10T02:00:00.000Z';
  const record: ComplaintRecord = {
    complaintId,
    customerId: `C${seq}`,
    policyNo: `P${seq}`,
    category: 'claims',
    description: '理赔材料提交后两周没有任何进度',
    preferredContactTime: 'any',
    channel: 'customer_app',
    severity: 'ordinary',
    reasons: [],
    branchPath: PD,
    handlingBranchPath: PD,
    escalatedClocks: [],
    status: 'received',
    claimedBy: null,
    claimedByName: null,
    receivedAt,
    version: 1,
    ...over,
  } as ComplaintRecord;
  const events: ComplaintEventRecord[] = [
    ['received', receivedAt] as [ComplaintEventType, string],
    ...(over.steps ?? []),
  ].map(([type, at], i) => ({
    complaintId,
    seq: i + 1,
    type,
    at,
    actorId: 'x',
    actorName: 'x',
    note: null,
    ...(type === 'extended' ? { limitDays: 30 as const } : {}),
  }));
  return { complaint: record, events };
}

function task(over: Partial<RectificationRecord>): RectificationRecord {
  return {
    rectificationId: `RT20261101${Math.random().toString(16).slice(2, 8)}`,
    line: 'claims',
    title: '理赔进度通知',
    ownerName: '王经理',
    dueDate: '2026-12-10',
    branchPath: PD,
    handlingBranchPath: PD,
    status: 'open',
    from: { kind: 'item', itemId: 'V1' },
    itemIds: ['V1'],
    openedAt: '2026-11-01T02:00:00.000Z',
    openedByName: '李主管',
    trail: [],
    escalated: false,
    closedAt: null,
    evidence: null,
    version: 1,
    ...over,
  } as RectificationRecord;
}

const base = (over: Partial<ComplaintReportInput> = {}): ComplaintReportInput => ({
  from: '2026-11-01',
  to: '2026-11-25',
  branchPath: 'HQ/SH',
  complaints: [],
  policyCounts: { countedAt: '2026-11-24T18:00:00.000Z', counts: { [PD]: 20_000, [XH]: 5_000, [BJ]: 9_000 } },
  rectifications: [],
  branchNames: new Map([
    [PD, '浦东中支'],
    [XH, '徐汇中支'],
  ]),
  calendar,
  now: NOW,
  ...over,
});

describe('complaints report', () => {
  it('counts per branch and category, per 10,000 in-force policies, within the subtree only', () => {
    const report = complaintReport(
      base({
        complaints: [
          complaint(),
          complaint({ category: 'service_attitude' }),
          complaint({ branchPath: XH }),
          complaint({ branchPath: BJ }),
        ],
      }),
    );
    expect(report.totals).toEqual({ complaints: 3, policies: 25_000, perTenThousand: 1.2 });
    expect(report.branches.map((b) => [b.branchName, b.policies, b.complaints, b.perTenThousand])).toEqual([
      ['浦东中支', 20_000, 2, 1],
      ['徐汇中支', 5_000, 1, 2],
    ]);
    expect(report.branches[0]?.byCategory).toEqual([
      { category: 'claims', label: '理赔', complaints: 1, perTenThousand: 0.5 },
      { category: 'service_attitude', label: '服务态度', complaints: 1, perTenThousand: 0.5 },
    ]);
  });

  it('has no rate when the policies were never counted', () => {
    const report = complaintReport(base({ complaints: [complaint()], policyCounts: null }));
    expect(report.totals.perTenThousand).toBeNull();
    expect(report.branches[0]?.policies).toBeNull();
    expect(report.policiesCountedAt).toBeNull();
  });

  it('measures each clock from the event log, the statutory one by its 15/30/60-day limit', () => {
    const report = complaintReport(
      base({
        complaints: [
          // Urgent, contacted in 1 h (met), responded in 2 h (met), decided on day 5 (met).
          complaint({
            severity: 'urgent',
            steps: [
              ['contacted', '2026-11-10T03:00:00.000Z'],
              ['responded', '2026-11-10T04:00:00.000Z'],
              ['decided', '2026-11-15T04:00:00.000Z'],
            ],
          }),
          // Urgent, contacted after 3 h (breached); still open within its response day.
          complaint({
            severity: 'urgent',
            receivedAt: '2026-11-24T06:00:00.000Z',
            steps: [['contacted', '2026-11-24T09:00:00.000Z']],
          }),
          // Ordinary, extended to 30 days and never responded: the response day has long passed.
          complaint({ steps: [['extended', '2026-11-12T02:00:00.000Z']] }),
        ],
      }),
    );
    const byClock = Object.fromEntries(report.clocks.map((c) => [c.clock, c]));
    expect(byClock.internal_contact).toMatchObject({
      cases: 2,
      met: 1,
      breached: 1,
      attainmentBasisPoints: 5000,
    });
    expect(byClock.external_response).toMatchObject({ cases: 3, met: 1, breached: 1, open: 1 });
    expect(byClock.statutory_15).toMatchObject({ cases: 2, met: 1, open: 1, attainmentBasisPoints: 10_000 });
    expect(byClock.statutory_30).toMatchObject({ cases: 1, open: 1, attainmentBasisPoints: null });
    expect(byClock.statutory_60).toMatchObject({ cases: 0, attainmentBasisPoints: null });
  });

  it('counts repeats by the classification’s repeat rule and the ratings', () => {
    const rated = (score: number) => ({ score, comment: null, at: '2026-11-20T02:00:00.000Z' });
    const report = complaintReport(
      base({
        complaints: [
          complaint({ reasons: [repeatReasonLabel()], severity: 'urgent' }),
          complaint({ rating: rated(5) }),
          complaint({ rating: rated(2) }),
          complaint({ rating: rated(4) }),
        ],
      }),
    );
    expect(report.repeats).toEqual({ complaints: 1, shareBasisPoints: 2500 });
    expect(report.satisfaction).toEqual({ rated: 3, average: 3.67, low: 1, lowShareBasisPoints: 3333 });
  });

  it('counts the subtree’s open rectifications by branch, and the overdue ones', () => {
    const report = complaintReport(
      base({
        rectifications: [
          task({}),
          task({ dueDate: '2026-11-20' }),
          task({ branchPath: XH, status: 'closed' }),
          task({ branchPath: BJ }),
        ],
      }),
    );
    expect(report.rectifications).toEqual({
      open: 2,
      overdue: 1,
      branches: [{ branchPath: PD, branchName: '浦东中支', open: 2, overdue: 1 }],
    });
  });

  it('CSV: BOM, CRLF, Chinese headers, and no personal data', () => {
    const csv = complaintReportCsv(
      complaintReport(
        base({ complaints: [complaint({ description: '张三 13812345678 身份证 310101199001011234' })] }),
      ),
    );
    expect(csv.startsWith('\uFEFF投诉报表,2026-11-01 至 2026-11-25\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/\n|\r/);
    expect(csv).toContain('机构,机构路径,有效保单数,投诉类别,投诉件数,万张保单投诉量');
    expect(csv).toContain('浦东中支,HQ/SH/SH-PD,20000,理赔,1,0.50');
    for (const personal of ['张三', '13812345678', '310101199001011234', 'C', 'TS2026']) {
      expect(csv.split('\r\n').some((line) => line.split(',').includes(personal))).toBe(false);
    }
    expect(csv).not.toContain('13812345678');
    expect(csv).not.toContain('TS2026');
  });

  it('formats rates with two decimals by hand', () => {
    expect(perTenThousandText(0.5)).toBe('0.50');
    expect(perTenThousandText(12.345)).toBe('12.35');
    expect(perTenThousandText(null)).toBe('—');
  });

  it('property: branch counts add up to the total, categories to their branch, clocks to their cases', () => {
    const arb = fc.array(
      fc.record({
        branch: fc.constantFrom(PD, XH, BJ),
        category: fc.constantFrom(...COMPLAINT_CATEGORY_KEYS) as fc.Arbitrary<ComplaintCategory>,
        urgent: fc.boolean(),
        hours: fc.integer({ min: 0, max: 24 * 20 }),
        contactedAfter: fc.option(fc.integer({ min: 1, max: 6 * 60 })),
      }),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(arb, (rows) => {
        const complaints = rows.map((r) => {
          const receivedAt = new Date(
            Date.parse('2026-11-01T00:00:00.000Z') + r.hours * 3_600_000,
          ).toISOString();
          return complaint({
            branchPath: r.branch,
            category: r.category,
            severity: r.urgent ? 'urgent' : 'ordinary',
            receivedAt,
            steps:
              r.contactedAfter === null
                ? []
                : [['contacted', new Date(Date.parse(receivedAt) + r.contactedAfter * 60_000).toISOString()]],
          });
        });
        const report = complaintReport(base({ complaints }));
        const inSubtree = rows.filter((r) => r.branch !== BJ);
        expect(report.totals.complaints).toBe(inSubtree.length);
        expect(report.branches.reduce((s, b) => s + b.complaints, 0)).toBe(inSubtree.length);
        for (const b of report.branches)
          expect(b.byCategory.reduce((s, c) => s + c.complaints, 0)).toBe(b.complaints);
        for (const c of report.clocks) expect(c.met + c.breached + c.open + c.calendarMissing).toBe(c.cases);
        const statutory = report.clocks.filter((c) => c.clock.startsWith('statutory'));
        expect(statutory.reduce((s, c) => s + c.cases, 0)).toBe(inSubtree.length);
        expect(report.clocks.find((c) => c.clock === 'internal_contact')?.cases).toBe(
          inSubtree.filter((r) => r.urgent).length,
        );
      }),
      { numRuns: 60 },
    );
  });
});

import { describe, expect, it } from 'vitest';
import {
  firstAnswerMeasurements,
  handoffAnsweredMeasurement,
  handoffRequestedMeasurement,
} from '../../src/assistant/measurement';
import { defaultServiceHours } from '../../src/assistant/service-hours';
import { defaultBusinessCalendar } from '../../src/complaints/calendar';
import { registrationMeasurements } from '../../src/events/measurement';
import { productSearchMeasurements } from '../../src/product/measurement';
import { SEEDED_STANDARDS, serviceHoursClock } from '../../src/standards/catalogue';
import {
  inEventOrder,
  type MeasurementEvent,
  measureCase,
  ROOT_BRANCH_PATH,
} from '../../src/standards/measure';
import { eventLabel } from '../../src/standards/view';

/**
 * The timings the system measures itself — the assistant's first answer, a handoff taken by a
 * person, a product search, a club event registration confirmed — and how the seeded standards
 * judge them.
 */
const AT = Date.parse('2026-12-01T02:00:00Z'); // Tuesday 10:00 in Shanghai
const standard = (id: string) => {
  const found = SEEDED_STANDARDS.find((s) => s.standardId === id);
  if (!found) throw new Error(`no standard ${id}`);
  return found;
};
const judge = (id: string, events: MeasurementEvent[]) =>
  measureCase(standard(id), inEventOrder(events), defaultBusinessCalendar, AT + 86_400_000)?.status;

describe('the events built from what happened', () => {
  it('keep a start and its stop in that order when they happen in the same millisecond', () => {
    const events = productSearchMeasurements({
      requestId: 'r',
      receivedAt: AT,
      answeredAt: AT,
      branchPath: null,
      actor: 'v',
    });
    expect(inEventOrder([...events].reverse())).toEqual(events);
  });

  it("name the assistant's first answer: one case per conversation, the asker's branch or the root", () => {
    const [asked, answered] = firstAnswerMeasurements({
      conversationId: 'c-1',
      askedAt: AT,
      answeredAt: AT + 300,
      branchPath: null,
      actor: 'visitor',
    });
    expect(asked).toEqual({
      eventId: 'assistant:c-1:start',
      type: 'consultation.assistant_asked',
      at: AT,
      caseId: 'assistant:c-1',
      branchPath: ROOT_BRANCH_PATH,
      policyNo: null,
      actor: 'visitor',
      source: 'system',
    });
    expect(answered).toMatchObject({
      type: 'consultation.assistant_answered',
      at: AT + 300,
      caseId: 'assistant:c-1',
    });
  });

  it("name a handoff's request by its customer and its answer by the staff member who took it", () => {
    const handoff = { handoffId: 'h-1', branchPath: 'HQ/SH/SH-PD', createdAt: AT, customerId: 'C001' };
    expect(handoffRequestedMeasurement(handoff)).toEqual({
      eventId: 'handoff:h-1:start',
      type: 'consultation.handoff_requested',
      at: AT,
      caseId: 'handoff:h-1',
      branchPath: 'HQ/SH/SH-PD',
      policyNo: null,
      actor: 'C001',
      source: 'system',
    });
    expect(handoffAnsweredMeasurement(handoff, 'demo-staff-sh', AT + 5000)).toMatchObject({
      eventId: 'handoff:h-1:stop',
      type: 'consultation.handoff_answered',
      at: AT + 5000,
      actor: 'demo-staff-sh',
    });
  });

  it('name a product search by its request id and a registration by its version', () => {
    const [received, answered] = productSearchMeasurements({
      requestId: 'r-1',
      receivedAt: AT,
      answeredAt: AT + 12,
      branchPath: null,
      actor: 'visitor',
    });
    expect([received.caseId, received.type, answered.type, answered.at]).toEqual([
      'product_search:r-1',
      'information.product_search_received',
      'information.product_search_answered',
      AT + 12,
    ]);
    const registration = { eventId: 'EV-1', personKey: 'C001', version: 2, branchPath: null, userId: 'u-1' };
    const [requested, confirmed] = registrationMeasurements(registration, AT, AT + 40);
    expect(requested).toMatchObject({
      caseId: 'event_registration:EV-1:C001:2',
      type: 'consultation.event_registration_requested',
      branchPath: ROOT_BRANCH_PATH,
      actor: 'u-1',
    });
    expect(confirmed).toMatchObject({ type: 'consultation.event_registration_confirmed', at: AT + 40 });
  });

  it('are each named on screen', () => {
    const types = [
      ...firstAnswerMeasurements({
        conversationId: 'c',
        askedAt: AT,
        answeredAt: AT,
        branchPath: null,
        actor: 'v',
      }),
      handoffRequestedMeasurement({ handoffId: 'h', branchPath: 'HQ', createdAt: AT, customerId: 'C' }),
      handoffAnsweredMeasurement({ handoffId: 'h', branchPath: 'HQ' }, 's', AT),
      ...productSearchMeasurements({
        requestId: 'r',
        receivedAt: AT,
        answeredAt: AT,
        branchPath: null,
        actor: 'v',
      }),
      ...registrationMeasurements(
        { eventId: 'E', personKey: 'P', version: 1, branchPath: null, userId: 'u' },
        AT,
        AT,
      ),
    ].map((e) => e.type);
    expect(types.filter((type) => eventLabel(type) === type)).toEqual([]);
  });
});

describe('the seeded standards of these timings', () => {
  it('judge the first answer against 1 s, a search against 200 ms and a registration against 3 s', () => {
    const registration = { eventId: 'E', personKey: 'P', version: 1, branchPath: 'HQ/SH', userId: 'u' };
    const cases: [string, number, (ms: number) => MeasurementEvent[]][] = [
      [
        'assistant_first_answer',
        1000,
        (ms) =>
          firstAnswerMeasurements({
            conversationId: 'c',
            askedAt: AT,
            answeredAt: AT + ms,
            branchPath: null,
            actor: 'v',
          }),
      ],
      [
        'product_search_answered',
        200,
        (ms) =>
          productSearchMeasurements({
            requestId: 'r',
            receivedAt: AT,
            answeredAt: AT + ms,
            branchPath: null,
            actor: 'v',
          }),
      ],
      ['event_registration_confirmed', 3000, (ms) => registrationMeasurements(registration, AT, AT + ms)],
    ];
    for (const [id, limitMs, timing] of cases) {
      expect(standard(id).target.limitMs).toBe(limitMs);
      expect(judge(id, timing(limitMs)), id).toBe('met');
      expect(judge(id, timing(limitMs + 1)), id).toBe('breached');
    }
  });

  it("count a handoff's wait only in the live chat's service hours", () => {
    expect(standard('handoff_answered').target.clock).toEqual({
      kind: 'service_hours',
      fromMinute: 8 * 60,
      toMinute: 22 * 60,
      businessDaysOnly: false,
    });
    expect(serviceHoursClock(defaultServiceHours)).toEqual(standard('handoff_answered').target.clock);
    const handoff = (requestedAt: number, answeredAt: number) => {
      const h = { handoffId: 'h', branchPath: 'HQ/SH', createdAt: requestedAt, customerId: 'C001' };
      return [handoffRequestedMeasurement(h), handoffAnsweredMeasurement(h, 'staff', answeredAt)];
    };
    expect(judge('handoff_answered', handoff(AT, AT + 60_000))).toBe('met');
    expect(judge('handoff_answered', handoff(AT, AT + 61_000))).toBe('breached');
    // Asked at 21:59:30, taken at 08:00:20 the next morning: 50 s of service hours.
    const lateEvening = AT + 11 * 3_600_000 + 59 * 60_000 + 30_000;
    const nextMorning = AT + 22 * 3_600_000 + 20_000;
    expect(judge('handoff_answered', handoff(lateEvening, nextMorning))).toBe('met');
    expect(judge('handoff_answered', handoff(lateEvening, nextMorning + 11_000))).toBe('breached');
  });
});

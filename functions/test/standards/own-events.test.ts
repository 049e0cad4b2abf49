import { defaultBusinessCalendar } from '@zhixiang/shared/complaints/calendar';
import type { RegistrationView } from '@zhixiang/shared/events/schemas';
import { SEEDED_STANDARDS } from '@zhixiang/shared/standards/catalogue';
import { inEventOrder, type MeasurementEvent, measureCase } from '@zhixiang/shared/standards/measure';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystem, type System } from '../../src/system';
import { requestsAs } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { FIXED_NOW, FIXED_TODAY } from '../support/fixed-clock';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/**
 * The journeys this system measures from its own events, through the real gateway against
 * DynamoDB Local: a question to the assistant, a handoff taken by a person, a product search and
 * a club event registration each leave their start and stop events in the measurement stream,
 * and the seeded standard judges them met — or breached when the clock (which moves `tick` ms on
 * every reading) makes them slow.
 */
let clock = FIXED_NOW; // Wednesday 10:00 in Shanghai, inside the live chat's service hours
let tick = 0;
let container: System;
let gateway: TestGateway;
let api: ApiClient;
const texts: string[] = [];
const as = requestsAs(() => ({ api, system: container }), texts);

beforeAll(async () => {
  gateway = await startTestGateway({
    system: () =>
      createSystem(undefined, {
        now: () => {
          clock += tick;
          return clock;
        },
      }),
  });
  container = gateway.system;
  await seedDemoDataOnce({ repositories: container.repositories, today: FIXED_TODAY });
  api = createApiClient(gateway.url);
});

afterAll(async () => {
  await gateway?.close();
});

async function judged(standardId: string, caseId: string) {
  const standard = SEEDED_STANDARDS.find((s) => s.standardId === standardId);
  if (!standard) throw new Error(`no standard ${standardId}`);
  const events = await container.measurements.listCase(caseId);
  const outcome = measureCase(standard, inEventOrder(events), defaultBusinessCalendar, clock);
  return { events, status: outcome?.status };
}

const types = (events: MeasurementEvent[]) => inEventOrder(events).map((e) => e.type);

describe("the assistant's first answer", () => {
  it("is measured once per conversation, in the customer's branch, and judged against 1 s", async () => {
    tick = 0;
    const first = await as<{ conversationId: string }>('demo-customer-c001', 'POST', '/assistant/messages', {
      text: '我的保单能贷多少钱',
    });
    expect(first.status, first.text).toBe(200);
    const { conversationId } = first.body;
    const again = await as('demo-customer-c001', 'POST', '/assistant/messages', {
      text: '谢谢',
      conversationId,
    });
    expect(again.status, again.text).toBe(200);
    const { events, status } = await judged('assistant_first_answer', `assistant:${conversationId}`);
    expect(types(events)).toEqual(['consultation.assistant_asked', 'consultation.assistant_answered']);
    const customer = await container.repositories.customers.get('C001');
    expect(events.every((e) => e.branchPath === customer?.branchPath && e.policyNo === null)).toBe(true);
    expect(status).toBe('met');
  });

  it("counts a visitor's question at the root, and a slow answer is breached", async () => {
    tick = 2000;
    const answer = await api.post<{ conversationId: string }>('/assistant/messages', {
      text: '怎么办理退保',
    });
    tick = 0;
    expect(answer.status, answer.text).toBe(200);
    const { events, status } = await judged(
      'assistant_first_answer',
      `assistant:${answer.body.conversationId}`,
    );
    expect(events.map((e) => [e.branchPath, e.actor])).toEqual([
      ['HQ', 'visitor'],
      ['HQ', 'visitor'],
    ]);
    expect(status).toBe('breached');
  });
});

describe('a handoff to a person', () => {
  async function handoffAfter(waitMs: number) {
    const chat = await as<{ conversationId: string }>('demo-customer-c001', 'POST', '/assistant/messages', {
      text: '我要转人工',
    });
    const { conversationId } = chat.body;
    // Asked for a person (the assistant may already have handed it over: the same handoff).
    const requested = await as('demo-customer-c001', 'POST', '/assistant/handoffs', { conversationId });
    expect(requested.status, requested.text).toBe(201);
    clock += waitMs;
    const claimed = await as('demo-staff-sh', 'POST', `/staff/handoffs/${conversationId}/claim`);
    expect(claimed.status, claimed.text).toBe(200);
    return judged('handoff_answered', `handoff:${conversationId}`);
  }

  it('is measured from the request to the claim, in the same writes, and met within 60 s', async () => {
    const { events, status } = await handoffAfter(45_000);
    expect(types(events)).toEqual(['consultation.handoff_requested', 'consultation.handoff_answered']);
    expect(inEventOrder(events)[1]).toMatchObject({ actor: 'demo-staff-sh', source: 'system' });
    expect(status).toBe('met');
  });

  it('is breached when nobody takes it for more than 60 s of service hours', async () => {
    expect((await handoffAfter(90_000)).status).toBe('breached');
  });
});

describe('a product search', () => {
  it('is measured for every request under its request id and judged against 200 ms', async () => {
    tick = 0;
    const found = await api.get('/products/search', { query: { q: '重疾' } });
    expect(found.status, found.text).toBe(200);
    const requestId = found.headers.get('x-request-id');
    const { events, status } = await judged('product_search_answered', `product_search:${requestId}`);
    expect(types(events)).toEqual([
      'information.product_search_received',
      'information.product_search_answered',
    ]);
    expect(status).toBe('met');

    tick = 250;
    const slow = await api.get('/products/search', { query: { q: '年金' } });
    tick = 0;
    expect(slow.status, slow.text).toBe(200);
    const late = await judged(
      'product_search_answered',
      `product_search:${slow.headers.get('x-request-id')}`,
    );
    expect(late.status).toBe('breached');
  });
});

describe('a club event registration', () => {
  const register = (userId: string, eventId: string) =>
    as<RegistrationView>(userId, 'POST', `/events/${eventId}/registration`, {
      sessionId: 'S1',
      companions: [],
      guardianConsent: false,
      waitIfFull: true,
    });

  it('is measured from the request to the seats taken, in the seat transaction, and confirmed at once', async () => {
    tick = 0;
    // The seeded 太活力 run, open to 上海's customers.
    const eventId = 'EV-DEMO-RUN';
    const registered = await register('demo-customer-c001', eventId);
    expect(registered.status, registered.text).toBe(201);
    const caseId = `event_registration:${eventId}:C001:1`;
    const { events, status } = await judged('event_registration_confirmed', caseId);
    expect(types(events)).toEqual([
      'consultation.event_registration_requested',
      'consultation.event_registration_confirmed',
    ]);
    const customer = await container.repositories.customers.get('C001');
    expect(events[0]?.branchPath).toBe(customer?.branchPath);
    expect(status).toBe('met');

    tick = 2000;
    const slow = await register('demo-customer-c002', eventId);
    tick = 0;
    expect(slow.status, slow.text).toBe(201);
    expect(
      (await judged('event_registration_confirmed', `event_registration:${eventId}:C002:1`)).status,
    ).toBe('breached');
  });
});

import { FeedbackReportSchema } from '@zhixiang/shared/assistant/feedback-report';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatFeedbackReport } from '../../admin/commands/assistant-feedback-report';
import { getAssistantFeedbackReport } from '../../src/assistant/use-cases/get-assistant-feedback-report';
import { createSystem, type System } from '../../src/system';
import { accessTokenFor } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { FIXED_TODAY, fixedClock } from '../support/fixed-clock';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/** The staff report of unanswered and 👎 questions, from real turns through the real gateway. */
// biome-ignore lint/suspicious/noExplicitAny: tests read success and error bodies from the same response
type Body = any;

let container: System;
let gateway: TestGateway;
let api: ApiClient;

async function ask(text: string, userId: string | null = null) {
  const token = userId ? await accessTokenFor(container, userId) : undefined;
  return api.post<Body>('/assistant/messages', { text }, token ? { token } : {});
}

async function report(query: Record<string, string> = {}, userId = 'demo-staff-sh') {
  return api.get<Body>('/reports/assistant-feedback', {
    token: await accessTokenFor(container, userId),
    query,
  });
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

describe('the assistant feedback report', () => {
  it('counts unanswered questions and 👎 answers with the answer given', async () => {
    await ask('今天天气怎么样');
    await ask('今天天气怎么样');
    const answered = await ask('理赔需要准备哪些材料');
    expect(answered.body.answerId).toEqual(expect.any(String));
    const rated = await api.post<Body>('/assistant/feedback', {
      conversationId: answered.body.conversationId,
      turn: answered.body.turn,
      rating: 'down',
    });
    expect(rated.status, rated.text).toBe(204);

    const result = await report({ from: FIXED_TODAY, to: FIXED_TODAY });
    expect(result.status, result.text).toBe(200);
    expect(FeedbackReportSchema.safeParse(result.body).success).toBe(true);
    expect(result.body.unanswered[0]).toMatchObject({
      question: '今天天气怎么样',
      count: 2,
      kind: 'out_of_scope',
    });
    expect(result.body.thumbsDown).toEqual([
      expect.objectContaining({
        question: '理赔需要准备哪些材料',
        count: 1,
        answerId: answered.body.answerId,
        answerText: expect.stringMatching(/\S/),
      }),
    ]);
  });

  it('takes a 👎 back off when the customer changes it to 👍', async () => {
    const answered = await ask('怎么预约回访');
    const rate = (rating: string) =>
      api.post<Body>('/assistant/feedback', {
        conversationId: answered.body.conversationId,
        turn: 1,
        rating,
      });
    await rate('down');
    expect((await report()).body.thumbsDown.map((r: { question: string }) => r.question)).toContain(
      '怎么预约回访',
    );
    await rate('up');
    expect((await report()).body.thumbsDown.map((r: { question: string }) => r.question)).not.toContain(
      '怎么预约回访',
    );
  });

  it('masks personal data in the questions it lists', async () => {
    await ask('我的身份证110105194912310025查不到保单，电话13812345678');
    const rows = [...(await report()).body.unanswered, ...(await report()).body.thumbsDown];
    const text = JSON.stringify(rows);
    expect(text).not.toContain('110105194912310025');
    expect(text).not.toContain('13812345678');
  });

  it('is for staff and admins, over at most 31 days, with precise messages for bad ranges', async () => {
    expect((await report({}, 'demo-admin')).status).toBe(200);
    expect((await report({}, 'demo-customer-c001')).status).toBe(403);
    const backwards = await report({ from: '2026-11-20', to: '2026-11-10' });
    expect([backwards.status, backwards.body.message]).toEqual([400, '开始日期不能晚于结束日期']);
    const long = await report({ from: '2026-01-01', to: '2026-03-01' });
    expect([long.status, long.body.message]).toEqual([400, '一次最多查询 31 天']);
    const malformed = await report({ from: '2026/11/01' });
    expect([malformed.status, malformed.body.message]).toEqual([400, '日期格式应为 YYYY-MM-DD']);
  });

  it('prints the same report for the admin CLI', async () => {
    const text = formatFeedbackReport(await getAssistantFeedbackReport(container, {}));
    expect(text).toMatch(/^智能客服反馈报告 \d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}/);
    expect(text).toContain('  2 × 今天天气怎么样  [其他问题 · 超出范围');
    expect(text).toContain('客户点了「没用」（1 次，1 个问题）\n    1 × 理赔需要准备哪些材料');
  });
});

import { type AssistantReply, AssistantReplySchema } from '@zhixiang/shared/assistant/chat';
import { formatYuan } from '@zhixiang/shared/format/money';
import { accruedLoanInterestCents } from '@zhixiang/shared/policy/loan-interest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QueryCommand } from '../../src/platform/dynamodb/document-client';
import { buildDemoData } from '../../src/seed/demo-data';
import { createSystem, type System } from '../../src/system';
import { accessTokenFor } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { FIXED_TODAY, fixedClock } from '../support/fixed-clock';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/** The assistant's chat through the real gateway and handler, against DynamoDB Local and the seeded demo world. */
const today = FIXED_TODAY;
const data = buildDemoData(today);
const policyOf = (holder: string, product: string) =>
  data.policies.find((p) => p.holderId === holder && p.productCode === product)!;
const ZHANG_PL01 = policyOf('C001', 'PL01');
const ZHANG_AN01 = policyOf('C001', 'AN01');
const LI_PL02 = policyOf('C002', 'PL02');

let container: System;
let gateway: TestGateway;
let api: ApiClient;

async function say(userId: string | null, body: Record<string, unknown>) {
  const token = userId ? await accessTokenFor(container, userId) : undefined;
  return api.post<AssistantReply>('/assistant/messages', body, token ? { token } : {});
}

async function ok(userId: string | null, body: Record<string, unknown>): Promise<AssistantReply> {
  const response = await say(userId, body);
  expect(response.status, response.text).toBe(200);
  expect(AssistantReplySchema.safeParse(response.body).success, response.text).toBe(true);
  return response.body;
}

beforeAll(async () => {
  gateway = await startTestGateway({ system: () => createSystem(undefined, { now: fixedClock() }) });
  container = gateway.system;
  await seedDemoDataOnce({ repositories: container.repositories, today });
  api = createApiClient(gateway.url);
});

afterAll(async () => {
  await gateway?.close();
});

describe('signed in, the assistant answers with the customer’s own figures', () => {
  it('asks which policy when several can be borrowed against, then gives the quota and a button into the flow', async () => {
    const first = await ok('demo-customer-c001', { text: '我的保单能贷多少钱' });
    expect(first).toMatchObject({ kind: 'choose_policy', intent: 'loan_quota' });
    // PL01, CI01 and CI03 have cash value; the new annuity (cash value 0) cannot be borrowed against.
    expect(first.buttons).toHaveLength(3);
    const pl01 = first.buttons.find(
      (b) => b.action.type === 'reply' && b.action.policyNo === ZHANG_PL01.policyNo,
    );
    expect(pl01?.label).toBe(`鑫享人生（尾号 ${ZHANG_PL01.policyNo.slice(-4)}）`);

    const answer = await ok('demo-customer-c001', {
      conversationId: first.conversationId,
      text: pl01!.label,
      policyNo: ZHANG_PL01.policyNo,
    });
    expect(answer.conversationId).toBe(first.conversationId);
    expect(answer).toMatchObject({ kind: 'answer', intent: 'loan_quota', answerId: 'loan-quota-mine' });
    // 80% × ¥68,420.50, no loan outstanding.
    expect(answer.text[0]).toBe(`您的保单 ${ZHANG_PL01.policyNo}（鑫享人生）当前可贷金额 ¥54,736.40。`);
    expect(answer.buttons).toContainEqual({
      label: '去办理',
      action: { type: 'open', flow: 'policy_loan', policyNo: ZHANG_PL01.policyNo },
    });
  });

  it('takes the last digits of a policy typed instead of a tapped button', async () => {
    const first = await ok('demo-customer-c001', { text: '我能贷多少钱' });
    expect(first.kind).toBe('choose_policy');
    const answer = await ok('demo-customer-c001', {
      conversationId: first.conversationId,
      text: `尾号${ZHANG_PL01.policyNo.slice(-4)}的那份`,
    });
    expect(answer.text[0]).toContain('¥54,736.40');
  });

  it('deducts an outstanding loan with its interest to today (李娜)', async () => {
    const interest = accruedLoanInterestCents(LI_PL02.loan!, today);
    const quota = await ok('demo-customer-c002', { text: '我能贷多少钱' });
    expect(quota.text[0]).toBe(
      `您的保单 ${LI_PL02.policyNo}（福满堂）当前可贷金额 ${formatYuan(4_896_000 - 2_000_000 - interest)}（已扣除未还贷款本息 ${formatYuan(2_000_000 + interest)}）。`,
    );
    const owed = await ok('demo-customer-c002', { text: '我还欠多少贷款没还' });
    expect(owed).toMatchObject({ intent: 'loan_repay', kind: 'answer' });
    expect(owed.text[0]).toContain(`未还贷款本金 ¥20,000.00，截至今天利息 ${formatYuan(interest)}`);
    expect(owed.text[0]).toContain('2027年02月01日');
  });

  it('gives accumulated dividends with the option, the next due date and amount, and the callback', async () => {
    const dividends = await ok('demo-customer-c001', { text: '我的分红有多少' });
    expect(dividends.text[0]).toBe(
      `您的保单 ${ZHANG_PL01.policyNo}（鑫享人生）累积红利 ¥8,650.32，红利领取方式为「累积生息」。`,
    );
    const due = await ok('demo-customer-c011', { text: '下次什么时候交保费' });
    expect(due.kind).toBe('choose_policy');
    const callback = await ok('demo-customer-c001', { text: '怎么预约回访' });
    expect(callback.text[0]).toContain(`您的保单 ${ZHANG_AN01.policyNo}（安享颐年）尚未预约回访`);
    expect(callback.buttons).toContainEqual({
      label: '预约回访',
      action: { type: 'open', flow: 'callback_booking', policyNo: ZHANG_AN01.policyNo },
    });
  });

  it('refuses another customer’s policy exactly like a missing one', async () => {
    const response = await say('demo-customer-c011', {
      text: '鑫享人生',
      intent: 'loan_quota',
      policyNo: ZHANG_PL01.policyNo,
    });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'NOT_FOUND', message: '未找到该保单，请核对保单号' });
  });

  it('never continues someone else’s conversation', async () => {
    const zhang = await ok('demo-customer-c001', { text: '我能贷多少钱' });
    expect(zhang.kind).toBe('choose_policy');
    const other = await ok('demo-customer-c011', {
      conversationId: zhang.conversationId,
      text: `尾号${ZHANG_PL01.policyNo.slice(-4)}`,
    });
    expect(other.conversationId).not.toBe(zhang.conversationId);
    expect(JSON.stringify(other)).not.toContain('54,736.40');
    const anonymous = await ok(null, { conversationId: zhang.conversationId, text: '我能贷多少钱' });
    expect(anonymous.conversationId).not.toBe(zhang.conversationId);
  });

  it('asks an unbound WeChat user to bind their identity, and answers agents in general terms', async () => {
    const unbound = await ok('demo-unbound', { text: '我能贷多少钱' });
    expect(unbound.kind).toBe('sign_in_needed');
    expect(unbound.buttons[0]).toEqual({
      label: '去绑定身份',
      action: { type: 'open', flow: 'identity_binding' },
    });
    const agent = await ok('demo-agent-a001', { text: '我能贷多少钱' });
    expect(agent.kind).toBe('answer');
    expect(agent.text.join('')).not.toContain('¥');
  });
});

describe('signed out, understanding and conversation', () => {
  it('answers in general terms and offers sign-in for a question about the customer’s records', async () => {
    const reply = await ok(null, { text: '我能贷多少钱' });
    expect(reply).toMatchObject({
      kind: 'sign_in_needed',
      intent: 'loan_quota',
      answerId: 'loan-quota-mine',
    });
    expect(reply.text[0]).toContain('80%');
    expect(reply.buttons[0]).toEqual({ label: '登录', action: { type: 'open', flow: 'sign_in' } });
    // Without a policy, a policy flow opens the policy list.
    expect(reply.buttons).toContainEqual({ label: '去办理', action: { type: 'open', flow: 'my_policies' } });
  });

  it('answers general questions from the knowledge base entry closest to the message', async () => {
    const reply = await ok(null, { text: '犹豫期退保能全部退吗' });
    expect(reply).toMatchObject({
      kind: 'sign_in_needed',
      intent: 'surrender',
      answerId: 'surrender-cooling-off',
    });
    const claim = await ok(null, { text: '得了重病要怎么申请赔付呢' });
    expect(claim).toMatchObject({
      kind: 'answer',
      intent: 'claim',
      answerId: 'claim-documents-critical-illness',
    });
  });

  it('asks a clarifying question with buttons; a second miss also offers a person', async () => {
    const first = await ok(null, { text: '保单' });
    expect(first.kind).toBe('clarify');
    expect(first.text[0]).toMatch(/^您是想问「.+」还是「.+」？$/);
    expect(first.buttons.map((b) => b.action)).toEqual([
      { type: 'reply', intent: 'loan_quota' },
      { type: 'reply', intent: 'loan_apply' },
    ]);
    const second = await ok(null, { conversationId: first.conversationId, text: '保单' });
    expect(second.kind).toBe('clarify');
    expect(second.buttons.map((b) => b.label)).toContain('转人工客服');

    const chosen = await ok(null, {
      conversationId: first.conversationId,
      text: '查询可贷额度',
      intent: 'loan_quota',
    });
    expect(chosen).toMatchObject({ intent: 'loan_quota', confidence: 1 });
  });

  it('refuses out-of-scope questions politely with what it can do; the second time offers the hotline', async () => {
    const first = await ok(null, { text: '帮我订一张去北京的机票' });
    expect(first.kind).toBe('out_of_scope');
    expect(first.text[0]).toContain('抱歉');
    expect(first.buttons.some((b) => b.action.type === 'reply')).toBe(true);
    expect(first.buttons.map((b) => b.label)).not.toContain('拨打客服热线');
    const second = await ok(null, { conversationId: first.conversationId, text: '那推荐个餐厅吧' });
    expect(second.buttons.map((b) => b.label)).toContain('拨打客服热线');
  });

  it('stores every turn with intent, confidence, answer and latency, and personal data masked', async () => {
    const reply = await ok(null, { text: '我的手机号13800000001换了怎么改' });
    const items = await container.table.client.send(
      new QueryCommand({
        TableName: container.table.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': `ASSISTANTCONV#${reply.conversationId}` },
      }),
    );
    const turn = items.Items?.find((i) => String(i.sk).startsWith('TURN#'));
    expect(turn).toMatchObject({
      intent: 'contact_change',
      answerId: reply.answerId,
      kind: 'answer',
      signedIn: false,
      text: '我的手机号138****0001换了怎么改',
    });
    expect(typeof turn?.latencyMs).toBe('number');
    expect(typeof turn?.expiresAt).toBe('number');
    const state = items.Items?.find((i) => i.sk === 'STATE');
    expect(state).toMatchObject({ lastIntent: 'contact_change', misses: 0, turnCount: 1, version: 1 });
    expect(JSON.stringify(items.Items)).not.toContain('13800000001');
  });
});

describe('问问小智 from a product page', () => {
  it('answers the product’s coverage, ages and payment terms from the catalogue, and other questions as usual', async () => {
    const coverage = await ok(null, { text: '保障范围', productCode: 'PL01' });
    expect(coverage).toMatchObject({ kind: 'answer', intent: 'product_search', answerId: 'product:PL01' });
    expect(coverage.text[0]).toContain('「鑫享人生终身寿险(分红型)」');
    expect(coverage.text.at(-1)).toBe('具体保障责任以保险合同条款为准。');
    const ages = await ok(null, {
      conversationId: coverage.conversationId,
      text: '多大年纪能买',
      productCode: 'WL01',
    });
    expect(ages.text[0]).toBe('投保年龄：18 周岁至 60 周岁。');
    const loan = await ok(null, { text: '这个产品能贷款吗', productCode: 'WL01' });
    expect(loan.intent).toMatch(/^loan_/);
    // Without the product, the same words get no product answer.
    const alone = await ok(null, { text: '保障范围' });
    expect(alone.answerId ?? '').not.toMatch(/^product:/);
  });
});

describe('转人工', () => {
  it('offers the handoff to a bound customer, sign-in or binding first to others, nothing to agents', async () => {
    const labels = async (userId: string | null) =>
      (await ok(userId, { text: '我要转人工' })).buttons.map((b) => [
        b.label,
        b.action.type === 'open' && b.action.flow,
      ]);
    expect(await labels('demo-customer-c001')).toContainEqual(['转人工客服', 'human_handoff']);
    expect(await labels(null)).toContainEqual(['登录后转人工', 'sign_in']);
    expect(await labels('demo-unbound')).toContainEqual(['绑定身份后转人工', 'identity_binding']);
    const agent = await labels('demo-agent-a001');
    expect(agent.map(([label]) => label)).not.toContain('转人工客服');
    expect(agent).toContainEqual(['拨打客服热线', 'call_hotline']);
  });
});

describe('投诉', () => {
  it('opens the complaint form for a bound customer, sign-in or binding first to others, nothing to agents', async () => {
    const flows = async (userId: string | null) =>
      (await ok(userId, { text: '我要投诉' })).buttons.map((b) => [
        b.label,
        b.action.type === 'open' && b.action.flow,
      ]);
    expect(await flows('demo-customer-c001')).toContainEqual(['我要投诉', 'file_complaint']);
    expect(await flows(null)).toContainEqual(['登录后投诉', 'sign_in']);
    expect(await flows('demo-unbound')).toContainEqual(['绑定身份后投诉', 'identity_binding']);
    expect((await flows('demo-agent-a001')).map(([, flow]) => flow)).not.toContain('file_complaint');
    const reply = await ok('demo-customer-c001', { text: '我要投诉' });
    expect(reply.text.join('')).not.toMatch(/已为您登记|2 ?小时内/);
  });
});

describe('👍/👎 on an answer', () => {
  it('stores the rating on the turn for whoever had the conversation, and only for them', async () => {
    const reply = await ok('demo-customer-c001', { text: '我的分红有多少' });
    expect(reply.turn).toBe(1);
    const rate = (userId: string | null, body: Record<string, unknown>) =>
      userId
        ? accessTokenFor(container, userId).then((token) => api.post('/assistant/feedback', body, { token }))
        : api.post('/assistant/feedback', body);
    const body = { conversationId: reply.conversationId, turn: reply.turn, rating: 'down' };
    expect((await rate('demo-customer-c011', body)).status).toBe(404);
    expect((await rate(null, body)).status).toBe(404);
    expect((await rate('demo-customer-c001', { ...body, turn: 2 })).status).toBe(404);
    expect((await rate('demo-customer-c001', { ...body, rating: 'meh' })).status).toBe(400);
    expect((await rate('demo-customer-c001', body)).status).toBe(204);
    const turns = await container.repositories.assistantConversations.listTurns(reply.conversationId);
    expect(turns[0]).toMatchObject({ rating: 'down', answerId: reply.answerId, intent: 'dividend_query' });
  });
});

describe('bad input and authentication', () => {
  it('explains what is wrong with the message in Chinese', async () => {
    const empty = await say(null, { text: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ code: 'VALIDATION_FAILED', message: '请输入您的问题', field: 'text' });
    const long = await say(null, { text: '贷'.repeat(201) });
    expect(long.status).toBe(400);
    expect(long.body).toMatchObject({ message: '问题请控制在 200 字以内' });
    const badIntent = await say(null, { text: '你好', intent: 'buy_car' });
    expect(badIntent.status).toBe(400);
    const badPolicy = await say(null, { text: '你好', policyNo: '../etc' });
    expect(badPolicy.status).toBe(400);
    expect(badPolicy.body).toMatchObject({ field: 'policyNo' });
    const badConversation = await say(null, { text: '你好', conversationId: 'x' });
    expect(badConversation.status).toBe(400);
    const badProduct = await say(null, { text: '投保年龄', productCode: 'pl01; drop' });
    expect(badProduct.status).toBe(400);
    expect(badProduct.body).toMatchObject({ field: 'productCode' });
    const missingProduct = await say(null, { text: '投保年龄', productCode: 'ZZ99' });
    expect(missingProduct.status).toBe(404);
    expect(missingProduct.body).toMatchObject({ message: '没有找到这个产品，请返回产品页面重新进入' });
  });

  it('treats a sent but invalid token as 401 (so the app refreshes), not as signed out', async () => {
    const response = await api.post(
      '/assistant/messages',
      { text: '我能贷多少钱' },
      { token: 'not-a-token' },
    );
    expect(response.status).toBe(401);
  });
});

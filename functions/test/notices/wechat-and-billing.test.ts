import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BILLING_HEADERS } from '@zhixiang/shared/notices/schemas';
import { subscribeTemplates } from '@zhixiang/shared/notices/subscribe-message';
import { applicationNotification, notificationTemplates } from '@zhixiang/shared/notifications/content';
import type { SmsMessage } from '@zhixiang/shared/ports/sms-sender';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WechatSubscribeMessages } from '../../src/letters/adapters/wechat-subscribe-messages';
import { deliverNotice } from '../../src/letters/use-cases/deliver-notice';
import { issueLetter } from '../../src/letters/use-cases/issue-letter';
import { issueLetterDeps, notifyPremiumDeps } from '../../src/letters/wiring-issuing';
import { createNotifier } from '../../src/notifications/use-cases/notify';
import { notifierDeps } from '../../src/notifications/wiring-sending';
import { signRequest } from '../../src/platform/http/verify-signed-request';
import { buildDemoData } from '../../src/seed/demo-data';
import { createSystem, type System } from '../../src/system';
import { accessTokenFor } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';
import { securePush, urlCheckSignature } from '../support/wechat-push-sender';

/**
 * WeChat subscribe messages and debit results: the push endpoint (signature, echostr, both List
 * shapes, the credit ledger), the real subscribeMessage.send client against a local HTTP fake of
 * WeChat's API (43101 → SMS, 47003 logged), and the billing system's signed debit results.
 */
const data = buildDemoData('2026-11-25');
const OPENID = 'o-test-openid-c005';
const PRE_DEBIT = subscribeTemplates.pre_debit.templateId;
const SUCCESS = subscribeTemplates.debit_success.templateId;

let container: System;
let gateway: TestGateway;
let api: ApiClient;
let fake: Server;
let fakeUrl: string;
const fakeRequests: { path: string; query: URLSearchParams; body: Record<string, unknown> }[] = [];
let fakeAnswer: Record<string, unknown> = { errcode: 0, errmsg: 'ok', msgid: 1 };

async function push(event: unknown, options: { token?: string; appId?: string } = {}) {
  const settings = { ...(await container.secrets.wechatPush()), ...options };
  return send(securePush(settings, event));
}

function send(request: { query: Record<string, string>; rawBody: string }) {
  return api.request<string>('POST', '/wechat/push', {
    rawBody: request.rawBody,
    headers: { 'content-type': 'application/json' },
    query: request.query,
  });
}

async function debitResult(
  body: Record<string, unknown>,
  overrides: { timestamp?: string; nonce?: string; key?: string } = {},
) {
  const rawBody = JSON.stringify(body);
  const timestamp = overrides.timestamp ?? String(Date.now());
  const nonce = overrides.nonce ?? randomUUID();
  const secret = overrides.key ?? (await container.secrets.billingSigningSecret());
  return api.request<Record<string, unknown>>('POST', '/billing/debit-results', {
    rawBody,
    headers: {
      'content-type': 'application/json',
      [BILLING_HEADERS.timestamp]: timestamp,
      [BILLING_HEADERS.nonce]: nonce,
      [BILLING_HEADERS.signature]: signRequest(secret, timestamp, nonce, rawBody),
    },
  });
}

const customerC005 = data.customers.find((c) => c.customerId === 'C005')!;

beforeAll(async () => {
  container = createSystem();
  await seedDemoDataOnce({ repositories: container.repositories });
  // 刘洋 (C005) opened the mini program in WeChat: his account has an openid.
  const user = (await container.repositories.users.get('demo-customer-c005'))!;
  await container.repositories.users.put({ ...user, openid: OPENID });
  gateway = await startTestGateway();
  api = createApiClient(gateway.url);
  fake = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://fake');
      fakeRequests.push({
        path: url.pathname,
        query: url.searchParams,
        body: JSON.parse(Buffer.concat(chunks).toString() || '{}'),
      });
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(fakeAnswer));
    });
  });
  await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
  fakeUrl = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await gateway?.close();
  await new Promise((resolve) => fake?.close(resolve));
});

describe('WeChat message push', () => {
  it('answers the signed URL check with echostr as text, and refuses a bad signature', async () => {
    const { token } = await container.secrets.wechatPush();
    const timestamp = String(Math.floor(Date.now() / 1000));
    const ok = await api.get<string>('/wechat/push', {
      query: {
        signature: urlCheckSignature(token, timestamp, 'n1'),
        timestamp,
        nonce: 'n1',
        echostr: 'echo-123',
      },
    });
    expect(ok.status).toBe(200);
    expect(ok.text).toBe('echo-123');
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
    const bad = await api.get('/wechat/push', {
      query: {
        signature: urlCheckSignature('wrong-token', timestamp, 'n1'),
        timestamp,
        nonce: 'n1',
        echostr: 'x',
      },
    });
    expect(bad.status).toBe(401);
    const stale = await api.get('/wechat/push', {
      query: {
        signature: urlCheckSignature(token, '1600000000', 'n1'),
        timestamp: '1600000000',
        nonce: 'n1',
        echostr: 'x',
      },
    });
    expect(stale.status).toBe(401);
  });

  it('adds one credit per accepted template, with List as an array or as an object, once per push', async () => {
    const createTime = Math.floor(Date.now() / 1000);
    const popup = {
      ToUserName: 'gh_test',
      FromUserName: OPENID,
      CreateTime: createTime,
      MsgType: 'event',
      Event: 'subscribe_msg_popup_event',
      List: [
        { TemplateId: PRE_DEBIT, SubscribeStatusString: 'accept', PopupScene: '0' },
        { TemplateId: SUCCESS, SubscribeStatusString: 'reject', PopupScene: '0' },
      ],
    };
    expect((await push(popup)).text).toBe('success');
    // WeChat retries a push it thinks went unanswered: the same event counts once.
    await push(popup);
    await push({
      ...popup,
      CreateTime: createTime + 1,
      List: { TemplateId: SUCCESS, SubscribeStatusString: 'accept', PopupScene: '0' },
    });
    expect(await container.subscribeCredits.balances(OPENID)).toEqual({ [PRE_DEBIT]: 1, [SUCCESS]: 1 });

    await push({
      FromUserName: OPENID,
      CreateTime: createTime + 2,
      Event: 'subscribe_msg_change_event',
      List: { TemplateId: SUCCESS, SubscribeStatusString: 'reject' },
    });
    expect(await container.subscribeCredits.balances(OPENID)).toEqual({ [PRE_DEBIT]: 1, [SUCCESS]: 0 });
  });

  it('refuses an unsigned push, another token, another appid and a plaintext push', async () => {
    const unsigned = await api.request('POST', '/wechat/push', {
      rawBody: '{}',
      headers: { 'content-type': 'application/json' },
    });
    expect(unsigned.status).toBe(401);
    const event = { FromUserName: OPENID, CreateTime: 1, Event: 'subscribe_msg_popup_event', List: [] };
    expect((await push(event, { token: 'not-our-token' })).status).toBe(401);
    expect((await push(event, { appId: 'wx-another-mini-program' })).status).toBe(401);
    // Plaintext mode: a body signed only through the query's signature is refused with the reason.
    const { token } = await container.secrets.wechatPush();
    const timestamp = String(Math.floor(Date.now() / 1000));
    const plaintext = await api.request<{ message: string }>('POST', '/wechat/push', {
      rawBody: JSON.stringify(event),
      headers: { 'content-type': 'application/json' },
      query: { signature: urlCheckSignature(token, timestamp, 'p1'), timestamp, nonce: 'p1' },
    });
    expect(plaintext.status).toBe(400);
    expect(plaintext.body.message).toBe('消息推送须使用安全模式（加密）');
  });

  it('binds the signature to the body and accepts a signed push once', async () => {
    const settings = await container.secrets.wechatPush();
    const createTime = Math.floor(Date.now() / 1000) + 100;
    const accept = (templateId: string, at: number) => ({
      FromUserName: OPENID,
      CreateTime: at,
      Event: 'subscribe_msg_popup_event',
      List: { TemplateId: templateId, SubscribeStatusString: 'accept' },
    });
    const before = await container.subscribeCredits.balances(OPENID);
    const signed = securePush(settings, accept(PRE_DEBIT, createTime));
    // The same signed query with another body (another event) fails the msg_signature.
    const other = securePush(settings, accept(SUCCESS, createTime + 1));
    expect((await send({ query: signed.query, rawBody: other.rawBody })).status).toBe(401);
    expect((await send(signed)).text).toBe('success');
    // The very same request again: its nonce was used.
    expect((await send(signed)).status).toBe(401);
    expect(await container.subscribeCredits.balances(OPENID)).toEqual({
      ...before,
      [PRE_DEBIT]: (before[PRE_DEBIT] ?? 0) + 1,
    });
  });
});

describe('subscribeMessage.send against a local fake of the WeChat API', () => {
  const tokens = { token: async () => 'ACCESS_TOKEN', invalidate: async () => undefined };
  const sms: SmsMessage[] = [];
  const logs: { level: string; message: string }[] = [];
  const deps = () => ({
    ...notifyPremiumDeps(container),
    wechat: new WechatSubscribeMessages({ apiBaseUrl: fakeUrl, tokens }),
    sms: { send: async (message: SmsMessage) => void sms.push(message) },
    logger: {
      info: (message: string) => void logs.push({ level: 'info', message }),
      warn: (message: string) => void logs.push({ level: 'warn', message }),
      error: (message: string) => void logs.push({ level: 'error', message }),
    } as never,
    sleep: async () => undefined,
  });
  let letterId = '';
  beforeAll(async () => {
    const issued = await issueLetter(issueLetterDeps(container), {
      customerId: 'C005',
      policyNo: '8831010000005',
      letterType: 'pre_debit_notice',
      sourceKey: 'test:pre_debit:8831010000005',
      facts: {
        holderName: '刘洋',
        policyNo: '8831010000005',
        productName: '示例人寿终身寿险',
        amountCents: 500_000,
      },
    });
    letterId = issued.letter.letterId;
  });
  const notice = (dueDate: string) => ({
    key: { policyNo: '8831010000005', dueDate, noticeType: 'pre_debit' as const },
    customerId: 'C005',
    channels: ['wechat', 'sms'] as const,
    letter: { letterId, title: '扣款预通知' },
    values: {
      productName: '示例人寿终身寿险',
      amount: '500000',
      dueDate,
      policyNo: '8831010000005',
      hint: '请确保余额充足',
    },
    day: '2026-11-26',
  });

  it('spends a credit and sends the documented request; the sent event then counts as delivered', async () => {
    await container.subscribeCredits.add(OPENID, PRE_DEBIT, 1, Date.now());
    const before = (await container.subscribeCredits.balances(OPENID))[PRE_DEBIT]!;
    fakeAnswer = { errcode: 0, errmsg: 'ok', msgid: 7001 };
    const outcome = await deliverNotice(deps(), notice('2027-01-01'));
    expect(outcome).toMatchObject({ status: 'sent', channel: 'wechat' });
    const request = fakeRequests.at(-1)!;
    expect(request.path).toBe('/cgi-bin/message/subscribe/send');
    expect(request.query.get('access_token')).toBe('ACCESS_TOKEN');
    expect(request.body).toMatchObject({
      touser: OPENID,
      template_id: PRE_DEBIT,
      page: 'packages/letters/list/index',
      data: {
        thing1: { value: '示例人寿终身寿险' },
        amount2: { value: '5000.00元' },
        date3: { value: '2027年01月01日' },
      },
    });
    expect((await container.subscribeCredits.balances(OPENID))[PRE_DEBIT]).toBe(before - 1);

    await push({
      FromUserName: OPENID,
      CreateTime: Math.floor(Date.now() / 1000) + 10,
      Event: 'subscribe_msg_sent_event',
      List: { TemplateId: PRE_DEBIT, MsgID: '7001', ErrorCode: '0', ErrorStatus: 'success' },
    });
    const row = (await container.notices.readFunnel('2026-11-26', '2026-11-26', null)).find(
      (r) => r.noticeType === 'pre_debit' && r.channel === 'wechat',
    );
    expect(row).toMatchObject({ eligible: 1, reachable: 1, accepted: 1, delivered: 1 });
  });

  it('falls back to SMS on 43101 (no credit at WeChat) and clears the ledger', async () => {
    await container.subscribeCredits.add(OPENID, PRE_DEBIT, 1, Date.now());
    fakeAnswer = { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    const outcome = await deliverNotice(deps(), notice('2027-02-01'));
    expect(outcome).toMatchObject({ status: 'sent', channel: 'sms' });
    expect(sms.at(-1)).toMatchObject({ to: customerC005.phone, template: 'letter_link', code: '扣款预通知' });
    expect((await container.subscribeCredits.balances(OPENID))[PRE_DEBIT]).toBe(0);
  });

  it('logs 47003 (field data the template refuses) as an error and still reaches the customer by SMS', async () => {
    await container.subscribeCredits.add(OPENID, PRE_DEBIT, 1, Date.now());
    fakeAnswer = { errcode: 47003, errmsg: 'argument invalid! data.thing1.value invalid' };
    const outcome = await deliverNotice(deps(), notice('2027-03-01'));
    expect(outcome).toMatchObject({ status: 'sent', channel: 'sms' });
    expect(logs.some((l) => l.level === 'error' && l.message.includes('47003'))).toBe(true);
  });

  it('retries a transient failure with backoff and answers failed with the reason after the last try', async () => {
    const failing = { ...deps(), sms: { send: async () => Promise.reject(new Error('HTTP 503')) } };
    const outcome = await deliverNotice(failing, { ...notice('2027-04-01'), channels: ['sms'] });
    expect(outcome).toMatchObject({
      status: 'failed',
      channel: 'sms',
      attempts: 3,
      failureReason: expect.stringContaining('HTTP 503'),
    });
    // The notice outbox records it and retries it later (notice-outbox.test.ts): not counted yet.
    const row = (await container.notices.readFunnel('2026-11-26', '2026-11-26', null)).find(
      (r) => r.noticeType === 'pre_debit' && r.channel === 'sms',
    );
    expect(row?.failed ?? 0).toBe(0);
  });

  it('sends an application result through the notifier on the same fake: consent spent, the application page opened', async () => {
    const template = notificationTemplates.application_result.templateId;
    await container.subscribeCredits.add(OPENID, template, 1, Date.now());
    fakeAnswer = { errcode: 0, errmsg: 'ok', msgid: 7301 };
    const notifier = createNotifier({ ...notifierDeps(container, container.repositories), ...deps() });
    const told = applicationNotification({
      eventId: 'wechat-fake-approval',
      type: 'endorsement.rejected',
      at: Date.parse('2026-12-05T02:00:00Z'),
      applicationId: 'EA20261205WECHAT',
      policyNo: '8831010000005',
      holderId: 'C005',
      endorsementType: 'policy_loan',
      amountCents: null,
      reason: '收款账户需本人名下',
    });
    const result = await notifier.notify(told, { channels: ['wechat', 'sms'] });
    expect(result).toMatchObject({ status: 'sent', wechatMsgId: '7301' });
    expect(fakeRequests.at(-1)?.body).toMatchObject({
      touser: OPENID,
      template_id: template,
      page: 'packages/endorsements/application/index?applicationId=EA20261205WECHAT',
      data: {
        thing1: { value: '保单贷款' },
        phrase2: { value: '审核未通过' },
        thing3: { value: '收款账户需本人名下' },
        date4: { value: '2026年12月05日' },
      },
    });
    // No consent left: the next one falls back to SMS with the title and short text.
    fakeAnswer = { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    const before = sms.length;
    const fallback = await notifier.notify(
      { ...told, sourceKey: 'endorsement.rejected:wechat-fake-fallback' },
      { channels: ['wechat', 'sms'] },
    );
    expect(fallback.attempts.map((a) => [a.channel, a.outcome])).toEqual([
      ['wechat', 'no_consent'],
      ['sms', 'sent'],
    ]);
    expect(sms.slice(before)).toEqual([
      { to: customerC005.phone, template: 'notification', code: '保单贷款申请未通过审核', text: told.text },
    ]);
  });

  describe('the funnel: an open implies delivery', () => {
    const FUNNEL_DAY = '2026-11-27';
    const issue = async (sourceKey: string) =>
      (
        await issueLetter(issueLetterDeps(container), {
          customerId: 'C005',
          policyNo: '8831010000005',
          letterType: 'pre_debit_notice',
          sourceKey,
          facts: {
            holderName: '刘洋',
            policyNo: '8831010000005',
            productName: '示例人寿终身寿险',
            amountCents: 500_000,
          },
        })
      ).letter.letterId;
    const openLink = async (id: string) => {
      const token = new URL(await deps().links.url(id)).searchParams.get('token');
      const opened = await api.get(`/letter-links/${token}`);
      expect(opened.status).toBe(200);
    };
    const row = async (channel: string) =>
      (await container.notices.readFunnel(FUNNEL_DAY, FUNNEL_DAY, null)).find(
        (r) => r.noticeType === 'pre_debit' && r.channel === channel,
      );

    it('counts an SMS notice delivered when its link is opened, once however often it is opened', async () => {
      const id = await issue('test:funnel:sms');
      const outcome = await deliverNotice(deps(), {
        ...notice('2027-05-01'),
        channels: ['sms'],
        letter: { letterId: id, title: '扣款预通知' },
        day: FUNNEL_DAY,
      });
      expect(outcome).toMatchObject({ status: 'sent', channel: 'sms' });
      expect(await row('sms')).toMatchObject({ accepted: 1, delivered: 0, opened: 0 });
      await openLink(id);
      await openLink(id);
      // Before: 送达 0% beside 打开 100%. An SMS has no delivery receipt; the open is the proof.
      expect(await row('sms')).toMatchObject({ accepted: 1, delivered: 1, opened: 1 });
    });

    it("counts a WeChat notice delivered once, whether WeChat's sent event or the open comes first", async () => {
      const openedFirst = await issue('test:funnel:wechat-open-first');
      const reportedFirst = await issue('test:funnel:wechat-event-first');
      const sendOne = async (letterId: string, dueDate: string, msgid: number) => {
        await container.subscribeCredits.add(OPENID, PRE_DEBIT, 1, Date.now());
        fakeAnswer = { errcode: 0, errmsg: 'ok', msgid };
        const outcome = await deliverNotice(deps(), {
          ...notice(dueDate),
          channels: ['wechat'],
          letter: { letterId, title: '扣款预通知' },
          day: FUNNEL_DAY,
        });
        expect(outcome).toMatchObject({ status: 'sent', channel: 'wechat' });
      };
      const sentEvent = (msgid: number, at: number) =>
        push({
          FromUserName: OPENID,
          CreateTime: at,
          Event: 'subscribe_msg_sent_event',
          List: { TemplateId: PRE_DEBIT, MsgID: String(msgid), ErrorCode: '0', ErrorStatus: 'success' },
        });
      await sendOne(openedFirst, '2027-06-01', 7201);
      await sendOne(reportedFirst, '2027-07-01', 7202);
      const now = Math.floor(Date.now() / 1000);

      await openLink(openedFirst);
      expect((await sentEvent(7201, now + 100)).status).toBe(200);
      expect((await sentEvent(7202, now + 101)).status).toBe(200);
      await openLink(reportedFirst);
      expect(await row('wechat')).toMatchObject({ accepted: 2, delivered: 2, opened: 2 });
    });
  });
});

describe('POST /billing/debit-results', () => {
  const policy = () => data.policies.find((p) => p.holderId === 'C005' && p.nextDueDate)!;

  beforeAll(async () => {
    // No quiet hours for C005 here, so the test does not depend on the time of day it runs.
    const token = await accessTokenFor(container, 'demo-customer-c005');
    const response = await api.request('PUT', '/customers/C005/notice-preferences', {
      token,
      body: {
        scope: 'all',
        leadDays: 3,
        channels: ['sms'],
        quietHours: { start: '00:00', end: '00:00' },
        successNotice: true,
      },
    });
    expect(response.status, response.text).toBe(200);
  });

  it('on success moves the next due date on, issues the success letter and sends the notice once', async () => {
    const { policyNo, nextDueDate } = policy();
    const body = {
      resultId: 'R-0001',
      policyNo,
      dueDate: nextDueDate,
      amountCents: 500_000,
      outcome: 'success',
    };
    const response = await debitResult(body);
    expect(response.status, response.text).toBe(200);
    expect(response.body).toMatchObject({ policyNo, notice: 'sent', letterId: expect.stringMatching(/^LT/) });
    const stored = await container.repositories.policies.get(policyNo);
    expect(stored?.nextDueDate).not.toBe(nextDueDate);
    expect(response.body.nextDueDate).toBe(stored?.nextDueDate);
    const outbox = await readFile((container.config.sms as { outboxFile: string }).outboxFile, 'utf8');
    expect(outbox).toContain('扣款成功通知');
    const letters = await api.get<{ letters: { letterType: string }[] }>('/customers/C005/letters', {
      token: await accessTokenFor(container, 'demo-customer-c005'),
    });
    expect(letters.body.letters.map((l) => l.letterType)).toContain('debit_success_notice');

    const again = await debitResult({ ...body, resultId: 'R-0001b' });
    expect(again.body).toMatchObject({ notice: 'already_applied' });
  });

  it('on failure keeps the premium due and sends the failure notice with how to pay', async () => {
    const stored = (await container.repositories.policies.get(policy().policyNo))!;
    const response = await debitResult({
      resultId: 'R-0002',
      policyNo: stored.policyNo,
      dueDate: stored.nextDueDate,
      amountCents: 500_000,
      outcome: 'failure',
      failureReason: '余额不足',
    });
    expect(response.status, response.text).toBe(200);
    expect(response.body).toMatchObject({ notice: 'sent', nextDueDate: stored.nextDueDate });
    const letter = await container.letters.get(response.body.letterId as string);
    expect(letter?.content.paragraphs.join('')).toContain('余额不足');
    expect(letter?.content.paragraphs.join('')).toContain('宽限期');
  });

  it('refuses a stale, a replayed and a forged request, and a due date the policy does not have', async () => {
    const body = {
      resultId: 'R-0003',
      policyNo: policy().policyNo,
      dueDate: '2020-01-01',
      amountCents: 1,
      outcome: 'success',
    };
    const stale = await debitResult(body, { timestamp: String(Date.now() - 10 * 60_000) });
    expect(stale.status).toBe(401);
    expect(stale.body).toMatchObject({ message: '请求时间戳无效或已过期' });
    const nonce = randomUUID();
    const first = await debitResult(body, { nonce });
    expect(first.status).toBe(409);
    expect(first.body).toMatchObject({
      message: '扣款结果的应缴日期与保单当前应缴日期不符',
      field: 'dueDate',
    });
    const replay = await debitResult(body, { nonce });
    expect(replay.status).toBe(401);
    expect(replay.body).toMatchObject({ message: '重复的请求已被拒绝' });
    const forged = await debitResult(body, { key: 'k'.repeat(48) });
    expect(forged.body).toMatchObject({ message: '签名校验失败' });
  });

  it('refuses bad input with a precise message', async () => {
    const response = await debitResult({
      resultId: 'R-0004',
      policyNo: policy().policyNo,
      dueDate: '2026/12/01',
      amountCents: 1,
      outcome: 'success',
    });
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ field: 'dueDate', message: '应缴日期格式应为 YYYY-MM-DD' });
    const unknown = await debitResult({
      resultId: 'R-0005',
      policyNo: '880000009999999',
      dueDate: '2026-12-01',
      amountCents: 1,
      outcome: 'success',
    });
    expect(unknown.status).toBe(404);
  });
});

describe('notice preferences and the funnel report', () => {
  it('refuses lead days outside 1–15 and another customer’s policy', async () => {
    const token = await accessTokenFor(container, 'demo-customer-c005');
    const base = {
      scope: 'all',
      leadDays: 3,
      channels: ['sms'],
      quietHours: { start: '22:00', end: '08:00' },
      successNotice: true,
    };
    const tooMany = await api.request('PUT', '/customers/C005/notice-preferences', {
      token,
      body: { ...base, leadDays: 16 },
    });
    expect(tooMany.body).toMatchObject({ field: 'leadDays', message: '提前天数应为 1–15 天' });
    const badTime = await api.request('PUT', '/customers/C005/notice-preferences', {
      token,
      body: { ...base, quietHours: { start: '25:00', end: '08:00' } },
    });
    expect(badTime.body).toMatchObject({ field: 'quietHours.start', message: '时间格式应为 HH:mm' });
    const notHers = data.policies.find((p) => p.holderId === 'C001')!.policyNo;
    const other = await api.request('PUT', '/customers/C005/notice-preferences', {
      token,
      body: { ...base, scope: notHers },
    });
    expect(other.status).toBe(404);
  });

  it('shows staff the funnel with real counts, and refuses bad dates', async () => {
    const token = await accessTokenFor(container, 'demo-staff-sh');
    const response = await api.get<{ rows: { noticeType: string; channel: string; accepted: number }[] }>(
      '/reports/notice-funnel',
      { token, query: { from: '2026-11-20', to: '2026-11-30' } },
    );
    expect(response.status).toBe(200);
    expect(response.body.rows.some((r) => r.channel === 'wechat' && r.accepted >= 1)).toBe(true);
    const bad = await api.get('/reports/notice-funnel', {
      token,
      query: { from: '2026-01-01', to: '2026-12-31' },
    });
    expect(bad.body).toMatchObject({ field: 'to', message: '一次最多查询 31 天' });
  });

  it('scopes the funnel to the staff member’s branch subtree; head office and admins see the company', async () => {
    const accepted = async (userId: string) => {
      const response = await api.get<{ rows: { channel: string; accepted: number }[] }>(
        '/reports/notice-funnel',
        { token: await accessTokenFor(container, userId), query: { from: '2026-11-20', to: '2026-11-30' } },
      );
      expect(response.status, userId).toBe(200);
      return response.body.rows.reduce((sum, row) => sum + row.accepted, 0);
    };
    // The notices of this file went to 刘洋 (C005), a customer of 张江 (HQ/SH/SH-PD/SH-PD-01).
    const company = await accepted('demo-admin');
    expect(company).toBeGreaterThan(0);
    expect(await accepted('demo-staff-hq')).toBe(company);
    expect(await accepted('demo-staff-sh')).toBe(company);
    expect(await accepted('demo-staff-sh-pd-01')).toBe(company);
    expect(await accepted('demo-staff-bj')).toBe(0);
  });
});

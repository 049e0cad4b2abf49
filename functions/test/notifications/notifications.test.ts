import { applicationNotification } from '@zhixiang/shared/notifications/content';
import type { Message, MessageListResponse } from '@zhixiang/shared/notifications/schemas';
import type { SmsMessage } from '@zhixiang/shared/ports/sms-sender';
import { describe, expect, it } from 'vitest';
import {
  type DeliverEndorsementEventsDeps,
  deliverEndorsementEvents,
} from '../../src/endorsements/use-cases/deliver-endorsement-events';
import { deliverEndorsementEventsDeps } from '../../src/endorsements/wiring-delivery';
import {
  createNotifier,
  MESSAGE_LEASE_MS,
  messageIdOf,
  notify,
} from '../../src/notifications/use-cases/notify';
import { notifierDeps } from '../../src/notifications/wiring-sending';
import type { OutboxLine } from '../../src/platform/sms/sandbox-outbox-sms';
import { DEMO_PAYEE_CARD_NUMBER } from '../../src/seed/demo-endorsements';
import { demoPolicyNo, useEndorsementStack } from '../endorsements/endorsement-steps';
import { signedDrafts } from '../endorsements/signed-drafts';
import { notificationSmsTo } from '../support/sms-outbox';

/**
 * Customer notifications and the message centre against DynamoDB Local, with the local SMS
 * outbox (the sandbox SMS provider's file) as the customer's phone: staff decisions written to the
 * endorsement outbox in the decision's transaction are told once by its consumer — a repeated or
 * concurrent run sends nothing more, a sender that stopped between claiming and recording is never
 * sent twice, a provider failure leaves the event pending until it is told — and each lands in
 * the customer's 消息中心, which only they read.
 */
const stack = useEndorsementStack();
const { steps } = stack;
const WANG_AN02 = demoPolicyNo('C004', 'AN02');
const WANG_PHONE = () =>
  stack
    .container()
    .repositories.customers.get('C004')
    .then((c) => c?.phone ?? '');

const consumerDeps = (): DeliverEndorsementEventsDeps => deliverEndorsementEventsDeps(stack.container());
const senderDeps = () => notifierDeps(stack.container(), stack.container().repositories);

const smsTo = (phone: string): Promise<OutboxLine[]> => notificationSmsTo(stack.container(), phone);

/** 王芳 (61) asks for a loan: it goes to 保全审核, where Shanghai staff decide it. */
async function decidedLoan(decision: { decision: 'approve' } | { decision: 'reject'; reason: string }) {
  const [id = ''] = await signedDrafts(
    stack.container(),
    'demo-customer-c004',
    WANG_AN02,
    {
      type: 'policy_loan',
      amountCents: 500_000,
      payeeCard: { cardHolderName: '王芳', cardNumber: DEMO_PAYEE_CARD_NUMBER },
    },
    1,
  );
  const submitted = await steps.submit('demo-customer-c004', id);
  expect(submitted.body).toMatchObject({ status: 'submitted' });
  const decided = await (await steps.as('demo-staff-sh')).post(
    `/staff/endorsements/${id}/decision`,
    decision,
  );
  expect(decided.status, decided.text).toBe(200);
  return id;
}

const pendingOf = async (applicationId: string) =>
  (await stack.container().repositories.endorsements.listPendingDomainEvents(100)).filter(
    (event) => event.applicationId === applicationId,
  );

describe('telling the customer of a review decision, from the endorsement outbox', () => {
  it('writes the approval to the outbox with the decision, tells it once by SMS and records it in the message centre', async () => {
    const id = await decidedLoan({ decision: 'approve' });
    const events = await pendingOf(id);
    expect(events.map((e) => e.type).sort()).toEqual(['endorsement.approved', 'endorsement.effective']);
    const phone = await WANG_PHONE();
    const before = (await smsTo(phone)).length;

    // Two consumers at once, then a third run: one message, one SMS.
    const reports = await Promise.all([
      deliverEndorsementEvents(consumerDeps()),
      deliverEndorsementEvents(consumerDeps()),
    ]);
    await deliverEndorsementEvents(consumerDeps());
    expect(reports.reduce((sum, r) => sum + r.notified, 0)).toBe(1);
    expect(await pendingOf(id)).toEqual([]);
    const sent = (await smsTo(phone)).slice(before);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ code: '保单贷款申请已审核通过' });
    expect(sent[0]?.params[1]).toMatch(/已通过审核/);

    const approved = events.find((e) => e.type === 'endorsement.approved')!;
    const message = await stack
      .container()
      .messages.get(messageIdOf(`endorsement.approved:${approved.eventId}`));
    expect(message).toMatchObject({
      customerId: 'C004',
      kind: 'application_approved',
      status: 'sent',
      subject: { kind: 'application', applicationId: id },
      readAt: null,
    });
    // No WeChat account bound for the demo customer: WeChat first, then the SMS fallback.
    expect(message?.attempts.map((a) => [a.channel, a.outcome])).toEqual([
      ['wechat', 'no_openid'],
      ['sms', 'sent'],
    ]);
  });

  it('tells a rejection with its reason', async () => {
    const id = await decidedLoan({ decision: 'reject', reason: '请由业务员陪同到柜面核实资金用途' });
    const [event] = await pendingOf(id);
    expect(event).toMatchObject({ type: 'endorsement.rejected', reason: '请由业务员陪同到柜面核实资金用途' });
    await deliverEndorsementEvents(consumerDeps());
    const message = await stack
      .container()
      .messages.get(messageIdOf(`endorsement.rejected:${event?.eventId}`));
    expect(message).toMatchObject({
      kind: 'application_rejected',
      title: '保单贷款申请未通过审核',
      status: 'sent',
    });
    expect(message?.text).toContain('审核意见：请由业务员陪同到柜面核实资金用途');
  });

  it('leaves the event pending while the SMS provider fails, and tells it once when it is back', async () => {
    const id = await decidedLoan({ decision: 'reject', reason: '收款账户需核实' });
    const failing: SmsMessage[] = [];
    const down = {
      ...consumerDeps(),
      logger: { info: () => {}, error: () => {} },
      notifier: createNotifier({
        ...senderDeps(),
        logger: { info: () => {}, warn: () => {}, error: () => {} },
        sms: {
          send: async (m: SmsMessage) => {
            failing.push(m);
            throw new Error('HTTP 503');
          },
        },
        sleep: async () => undefined,
      }),
    };
    const report = await deliverEndorsementEvents(down);
    expect(report.failed).toBeGreaterThanOrEqual(1);
    expect(failing).toHaveLength(3); // retried within the attempt, then given up for this run
    const [event] = await pendingOf(id);
    expect(event).toBeDefined();
    const failed = await stack
      .container()
      .messages.get(messageIdOf(`endorsement.rejected:${event?.eventId}`));
    expect(failed).toMatchObject({ status: 'failed' });

    const phone = await WANG_PHONE();
    const before = (await smsTo(phone)).length;
    await deliverEndorsementEvents(consumerDeps());
    expect(await pendingOf(id)).toEqual([]);
    expect((await smsTo(phone)).slice(before)).toHaveLength(1);
    expect(await stack.container().messages.get(failed!.messageId)).toMatchObject({ status: 'sent' });
  });
});

describe('exactly once when a sender stops between claiming and recording', () => {
  const notification = (eventId: string) =>
    applicationNotification({
      eventId,
      type: 'payout.paid',
      at: Date.now(),
      applicationId: 'EA20261205CRASH1',
      policyNo: WANG_AN02,
      holderId: 'C004',
      endorsementType: 'policy_loan',
      amountCents: 500_000,
    });

  it('refuses to send while the claim is live, and records a lapsed claim unknown without sending', async () => {
    const sent: SmsMessage[] = [];
    const deps = { ...senderDeps(), sms: { send: async (m: SmsMessage) => void sent.push(m) } };
    const told = notification('crash-between-claim-and-record');
    // A sender claims the message and stops before sending or recording anything.
    const claim = await stack.container().messages.claim(
      {
        messageId: messageIdOf(told.sourceKey),
        customerId: told.customerId,
        sourceKey: told.sourceKey,
        kind: told.kind,
        title: told.title,
        text: told.text,
        subject: told.subject,
        createdAt: Date.now(),
      },
      Date.now(),
      MESSAGE_LEASE_MS,
    );
    expect(claim.kind).toBe('claimed');
    // Within its lease: another sender does not send (its outbox retries later).
    await expect(notify(deps, told)).rejects.toThrow(/being sent by another sender/);
    // After the lease: taken over, recorded unknown, and not sent again.
    const later = { ...deps, now: () => Date.now() + MESSAGE_LEASE_MS + 1_000 };
    await expect(notify(later, told)).resolves.toMatchObject({
      status: 'unknown',
      sends: 0,
      duplicate: false,
    });
    await expect(notify(later, told)).resolves.toMatchObject({ status: 'unknown', duplicate: true });
    expect(sent).toEqual([]);
    expect(await stack.container().messages.get(messageIdOf(told.sourceKey))).toMatchObject({
      status: 'unknown',
    });
  });

  it('gives the claim back as failed when a read fails before anything was sent, and sends on the retry', async () => {
    const sent: SmsMessage[] = [];
    const deps = { ...senderDeps(), sms: { send: async (m: SmsMessage) => void sent.push(m) } };
    const told = notification('read-failed-before-sending');
    const down = {
      ...deps,
      customers: { get: async () => Promise.reject(new Error('DynamoDB unavailable')) },
    };
    await expect(notify(down, told)).rejects.toThrow('DynamoDB unavailable');
    expect(await stack.container().messages.get(messageIdOf(told.sourceKey))).toMatchObject({
      status: 'failed',
    });
    await expect(notify(deps, told)).resolves.toMatchObject({ status: 'sent', duplicate: false });
    expect(sent).toHaveLength(1);
  });

  it('sends once when the same notification is delivered twice, even at once', async () => {
    const sent: SmsMessage[] = [];
    const deps = { ...senderDeps(), sms: { send: async (m: SmsMessage) => void sent.push(m) } };
    const told = notification('delivered-twice');
    const results = await Promise.allSettled([notify(deps, told), notify(deps, told)]);
    await notify(deps, told);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ template: 'notification', code: '款项已到账' });
    expect(results.filter((r) => r.status === 'fulfilled' && !r.value.duplicate)).toHaveLength(1);
  });
});

describe('the message centre (消息中心)', () => {
  it('lists the customer’s own messages newest first with the unread count, a page at a time', async () => {
    const deps = { ...senderDeps(), sms: { send: async () => undefined } };
    for (let i = 0; i < 3; i++)
      await notify(
        { ...deps, now: () => Date.now() + i },
        applicationNotification({
          eventId: `centre-${i}`,
          type: 'payment.expired',
          at: Date.now(),
          applicationId: `EA20261205PAGE0${i}`,
          policyNo: WANG_AN02,
          holderId: 'C004',
          endorsementType: 'loan_repayment',
          amountCents: 100 + i,
        }),
      );
    const wang = await steps.as('demo-customer-c004');
    const all = await wang.get<MessageListResponse>('/me/messages');
    expect(all.status, all.text).toBe(200);
    const times = all.body.messages.map((m) => m.sentAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(all.body.unread).toBe(all.body.messages.filter((m) => !m.read).length);
    expect(all.body.messages.every((m) => m.delivery.length > 0)).toBe(true);

    const first = await wang.get<MessageListResponse>('/me/messages?limit=2');
    expect(first.body.messages).toHaveLength(2);
    expect(first.body.nextCursor).not.toBeNull();
    const second = await wang.get<MessageListResponse>(
      `/me/messages?limit=2&before=${encodeURIComponent(first.body.nextCursor ?? '')}`,
    );
    expect(second.body.messages[0]?.messageId).toBe(all.body.messages[2]?.messageId);

    const bad = await wang.get<{ message: string }>('/me/messages?limit=500');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toMatch(/每页条数须为 1–50 的整数/);
    expect((await wang.get<{ message: string }>('/me/messages?before=x')).status).toBe(400);
  });

  it('reads one message (only the customer’s own), one subject’s, then all; the badge follows', async () => {
    const wang = await steps.as('demo-customer-c004');
    const count = async () => (await wang.get<{ unread: number }>('/me/messages/unread-count')).body.unread;
    const list = (await wang.get<MessageListResponse>('/me/messages?limit=50')).body;
    const unread = list.messages.filter((m) => !m.read);
    expect(unread.length).toBeGreaterThanOrEqual(3);
    const before = await count();
    expect(before).toBe(list.unread);

    // Another customer reaches none of it: the same 404 as a message that does not exist.
    const wu = await steps.as('demo-customer-c011');
    const target = unread[0] as Message;
    const foreign = await wu.post<{ message: string }>(`/me/messages/${target.messageId}/read`);
    expect(foreign.status).toBe(404);
    expect(foreign.body.message).toBe('消息不存在或已删除');
    expect(
      (await wu.get<MessageListResponse>('/me/messages')).body.messages.map((m) => m.messageId),
    ).not.toContain(target.messageId);
    expect(await count()).toBe(before);

    const read = await wang.post<Message>(`/me/messages/${target.messageId}/read`);
    expect(read.status, read.text).toBe(200);
    expect(read.body).toMatchObject({ messageId: target.messageId, read: true });
    expect((await wang.post(`/me/messages/${target.messageId}/read`)).status).toBe(200);
    expect(await count()).toBe(before - 1);

    const subjectOf = unread.find(
      (m) => m.subject.kind === 'application' && m.messageId !== target.messageId,
    )!;
    const bySubject = await wang.post<{ marked: number; unread: number }>('/me/messages/read-all', {
      subject: subjectOf.subject,
    });
    expect(bySubject.body).toMatchObject({ marked: 1, unread: before - 2 });

    expect((await wang.post('/me/messages/read-all', { subject: { kind: 'parcel' } })).status).toBe(400);
    expect((await wang.post('/me/messages/abc/read')).status).toBe(400);

    const all = await wang.post<{ marked: number; unread: number }>('/me/messages/read-all', {});
    expect(all.body).toMatchObject({ marked: before - 2, unread: 0 });
    expect(await count()).toBe(0);
  });
});

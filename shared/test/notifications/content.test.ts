import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENDORSEMENT_TYPES } from '../../src/endorsement/types';
import { subscribeMessageData } from '../../src/notices/subscribe-message';
import {
  type ApplicationEvent,
  applicationNotification,
  applicationTemplateIds,
  MAX_TEXT_CHARS,
  NOTIFYING_EVENT_TYPES,
  notificationTemplates,
} from '../../src/notifications/content';
import { APPLICATION_RESULT_KINDS } from '../../src/notifications/model';

/** What each moment tells the customer, and that every template's fields take its values. */
const event = (overrides: Partial<ApplicationEvent>): ApplicationEvent => ({
  eventId: '6f1c2e0a-8d4b-4f7e-9a51-2b3c4d5e6f70',
  type: 'endorsement.approved',
  at: Date.parse('2026-12-05T02:00:00Z'),
  applicationId: 'EA20261205ABCDEF',
  policyNo: '8811010100001',
  holderId: 'C001',
  endorsementType: 'policy_loan',
  amountCents: 1_000_000,
  reason: null,
  ...overrides,
});

describe('application notifications', () => {
  it('tells an approval, and a repayment approval asks for the payment', () => {
    const approved = applicationNotification(event({}));
    expect(approved).toMatchObject({
      sourceKey: 'endorsement.approved:6f1c2e0a-8d4b-4f7e-9a51-2b3c4d5e6f70',
      customerId: 'C001',
      kind: 'application_approved',
      title: '保单贷款申请已审核通过',
      subject: { kind: 'application', applicationId: 'EA20261205ABCDEF' },
      sms: { template: 'notification', code: '保单贷款申请已审核通过' },
    });
    expect(approved.wechat.page).toBe(
      'packages/endorsements/application/index?applicationId=EA20261205ABCDEF',
    );
    expect(subscribeMessageData(approved.wechat.template, approved.wechat.values)).toEqual({
      thing1: { value: '保单贷款' },
      phrase2: { value: '审核通过' },
      thing3: { value: '变更已生效' },
      date4: { value: '2026年12月05日' },
    });
    const repayment = applicationNotification(event({ endorsementType: 'loan_repayment' }));
    expect(repayment.text).toMatch(/请在小程序内完成微信支付/);
  });

  it('tells each step of a renewal-account debit: requested, and failed with the bank’s reason', () => {
    const requested = applicationNotification(
      event({ type: 'debit.requested', endorsementType: 'loan_repayment', amountCents: 500_000 }),
    );
    expect(requested).toMatchObject({ kind: 'debit_requested', title: '已发起续期账户扣款' });
    expect(requested.text).toContain('1 个工作日内');
    expect(subscribeMessageData(requested.wechat.template, requested.wechat.values)).toBeTruthy();
    const failed = applicationNotification(
      event({
        type: 'debit.failed',
        endorsementType: 'loan_repayment',
        amountCents: 500_000,
        reason: '余额不足',
      }),
    );
    expect(failed).toMatchObject({ kind: 'debit_failed', title: '续期账户扣款失败' });
    expect(failed.text).toMatch(/余额不足.*微信支付/);
    expect(failed.wechat.values.note).toBe('余额不足');
  });

  it('tells a rejection with the reviewer’s reason', () => {
    const rejected = applicationNotification(
      event({ type: 'endorsement.rejected', reason: '客户年满60周岁，请由业务员陪同到柜面办理' }),
    );
    expect(rejected.kind).toBe('application_rejected');
    expect(rejected.title).toBe('保单贷款申请未通过审核');
    expect(rejected.text).toContain('审核意见：客户年满60周岁，请由业务员陪同到柜面办理');
    expect(subscribeMessageData(rejected.wechat.template, rejected.wechat.values).thing3).toEqual({
      value: '客户年满60周岁，请由业务员陪同到柜面…',
    });
  });

  it('maps the payouts’ events: 款项已到账, and 付款失败 with the bank’s reason, both opening the application', () => {
    const paid = applicationNotification(
      event({ type: 'payout.paid', endorsementType: undefined, amountCents: 1_234_505 }),
    );
    expect(paid).toMatchObject({ kind: 'payout_paid', title: '款项已到账' });
    expect(paid.text).toBe('保单 8811010100001 的保全申请款项¥12,345.05已付至您的收款账户');
    expect(subscribeMessageData(paid.wechat.template, paid.wechat.values)).toEqual({
      thing1: { value: '保全申请' },
      amount2: { value: '12345.05元' },
      phrase3: { value: '已到账' },
      thing4: { value: '请留意收款账户入账' },
    });
    const failed = applicationNotification(
      event({ type: 'payout.failed', endorsementType: 'policy_loan', reason: '收款账户已销户' }),
    );
    expect(failed).toMatchObject({
      kind: 'payout_failed',
      title: '付款失败，请更换收款账户',
      subject: { kind: 'application', applicationId: 'EA20261205ABCDEF' },
    });
    expect(failed.text).toContain('收款账户已销户');
    expect(subscribeMessageData(failed.wechat.template, failed.wechat.values).phrase3).toEqual({
      value: '付款失败',
    });
  });

  it('tells the money received and an order expired unpaid', () => {
    const received = applicationNotification(
      event({ type: 'payment.received', endorsementType: 'loan_repayment', amountCents: 500_000 }),
    );
    expect(received).toMatchObject({ kind: 'payment_received', title: '还款已到账' });
    const expired = applicationNotification(
      event({ type: 'payment.expired', endorsementType: 'loan_repayment', amountCents: 500_000 }),
    );
    expect(expired).toMatchObject({ kind: 'payment_expired', title: '支付单已超时关闭' });
    expect(expired.text).toMatch(/申请仍为待支付/);
  });

  it('gives every event a message whose template fields WeChat accepts and a short text', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NOTIFYING_EVENT_TYPES),
        fc.option(fc.constantFrom(...ENDORSEMENT_TYPES), { nil: undefined }),
        fc.option(fc.integer({ min: 0, max: 99_999_999_99 }), { nil: null }),
        fc.option(
          fc.string({ minLength: 1, maxLength: 200 }).filter((s) => s.trim().length > 0),
          { nil: null },
        ),
        (type, endorsementType, amountCents, reason) => {
          const told = applicationNotification(event({ type, endorsementType, amountCents, reason }));
          expect(() => subscribeMessageData(told.wechat.template, told.wechat.values)).not.toThrow();
          expect(Array.from(told.text).length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
          expect(told.title.length).toBeGreaterThan(0);
          expect(told.sourceKey).toBe(`${type}:${event({}).eventId}`);
          if (type === 'endorsement.approved' || type === 'endorsement.rejected')
            expect(APPLICATION_RESULT_KINDS).toContain(told.kind);
        },
      ),
    );
  });

  it('asks consent for both templates in one tap', () => {
    expect(applicationTemplateIds()).toEqual([
      notificationTemplates.application_result.templateId,
      notificationTemplates.money_status.templateId,
    ]);
  });
});

import type { EndorsementApplication } from '@zhixiang/shared/endorsement/application';
import { describe, expect, it } from 'vitest';
import { DEMO_CUSTOMERS } from '../../src/seed/demo-data';
import { DEMO_PAYEE_CARD_NUMBER } from '../../src/seed/demo-endorsements';
import { demoPolicyNo, useEndorsementStack } from './endorsement-steps';

/**
 * Bad input on the endorsement routes: a precise 4xx in Chinese naming the field, never a 500,
 * and nothing written — no application, no document, the policy untouched.
 */
const stack = useEndorsementStack();
const { steps } = stack;
const ZHANG_PL01 = demoPolicyNo('C001', 'PL01');
const WU_PL03 = demoPolicyNo('C011', 'PL03');
const idOf = (customerId: string) => DEMO_CUSTOMERS.find((c) => c.customerId === customerId)!.idNumber;

async function nothingWritten(customerId: string, policyNo: string, run: () => Promise<void>) {
  const [applications, documents, policy] = await Promise.all([
    stack.container().repositories.endorsements.listByHolder(customerId),
    stack.container().repositories.documents.listByHolder(customerId),
    stack.container().repositories.policies.get(policyNo),
  ]);
  await run();
  expect(await stack.container().repositories.endorsements.listByHolder(customerId)).toHaveLength(
    applications.length,
  );
  expect(await stack.container().repositories.documents.listByHolder(customerId)).toHaveLength(
    documents.length,
  );
  expect((await stack.container().repositories.policies.get(policyNo))?.version).toBe(policy?.version);
}

const create = async (body: unknown, policyNo = ZHANG_PL01, userId = 'demo-customer-c001') =>
  (await steps.as(userId)).post<{ code: string; message: string; field?: string }>(
    `/policies/${policyNo}/endorsements`,
    body,
  );

describe('creating an application with bad input', () => {
  it('answers malformed JSON with 400 and writes nothing', async () => {
    await nothingWritten('C001', ZHANG_PL01, async () => {
      const response = await stack.api().request('POST', `/policies/${ZHANG_PL01}/endorsements`, {
        token: await steps.tokenOf('demo-customer-c001'),
        rawBody: '{"type": "policy_loan", "amountCents": ',
        headers: { 'content-type': 'application/json' },
      });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ code: 'MALFORMED_JSON', message: '请求内容不是有效的 JSON' });
    });
  });

  it.each([
    ['an unknown type', { type: 'change_everything' }, '请选择有效的保全类型'],
    ['a string amount', { type: 'policy_loan', amountCents: '100000' }, '贷款金额应为以分为单位的整数'],
    ['a negative amount', { type: 'policy_loan', amountCents: -100_000 }, '贷款金额必须大于 0'],
    [
      'an amount with fractions of a cent',
      { type: 'policy_loan', amountCents: 100_000.5 },
      '贷款金额最多精确到分',
    ],
    [
      'an unknown field',
      { type: 'dividend_option_change', dividendOption: 'cash', policyVersion: 1 },
      undefined,
    ],
    [
      'a dividend option that does not exist',
      { type: 'dividend_option_change', dividendOption: 'gold' },
      '请选择红利领取方式',
    ],
  ])('refuses %s with a 400 in Chinese', async (_, body, message) => {
    await nothingWritten('C001', ZHANG_PL01, async () => {
      const response = await create(body);
      expect(response.status, response.text).toBe(400);
      expect(response.body.code).toBe('VALIDATION_FAILED');
      expect(response.body.message).toMatch(/[\u4e00-\u9fa5]/);
      if (message) expect(response.body.message).toBe(message);
    });
  });

  it('refuses a loan above the quota, naming the quota', async () => {
    await nothingWritten('C001', ZHANG_PL01, async () => {
      const response = await create({ type: 'policy_loan', amountCents: 99_000_000 });
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        field: 'amountCents',
        message: '贷款金额不能超过可贷金额 ¥54,736.40',
      });
    });
  });

  it('refuses beneficiary shares summing to 99.99%', async () => {
    await nothingWritten('C011', WU_PL03, async () => {
      const response = await create(
        {
          type: 'beneficiary_change',
          beneficiaries: [
            { name: '吴刚', relation: '配偶', order: 1, shareBasisPoints: 5000, idNumber: idOf('C011') },
            { name: '马琳', relation: '父母', order: 1, shareBasisPoints: 4999, idNumber: idOf('C014') },
          ],
        },
        WU_PL03,
        'demo-customer-c011',
      );
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        field: 'beneficiaries',
        message: '第 1 顺位受益人的受益比例合计为 99.99%，应为 100%',
      });
    });
  });

  it('refuses a card of another holder for the renewal account and for a loan payout', async () => {
    await nothingWritten('C001', ZHANG_PL01, async () => {
      const renewal = await create({
        type: 'renewal_account_change',
        cardHolderName: '李娜',
        cardNumber: DEMO_PAYEE_CARD_NUMBER,
      });
      expect(renewal.status).toBe(400);
      expect(renewal.body).toMatchObject({
        field: 'cardHolderName',
        message: '银行卡户名须与投保人姓名一致，请使用投保人本人的银行卡',
      });
      const payout = await create({
        type: 'policy_loan',
        amountCents: 200_000,
        payeeCard: { cardHolderName: '李娜', cardNumber: DEMO_PAYEE_CARD_NUMBER },
      });
      expect(payout.status).toBe(400);
      expect(payout.body).toMatchObject({ field: 'payeeCard.cardHolderName' });
      const luhn = await create({
        type: 'renewal_account_change',
        cardHolderName: '张伟',
        cardNumber: '6222021000123456782',
      });
      expect(luhn.body).toMatchObject({
        field: 'cardNumber',
        message: '银行卡号校验未通过，请核对后重新输入',
      });
    });
  });

  it("answers another customer's policy like one that does not exist", async () => {
    await nothingWritten('C001', ZHANG_PL01, async () => {
      const response = await create(
        { type: 'dividend_option_change', dividendOption: 'cash' },
        ZHANG_PL01,
        'demo-customer-c011',
      );
      expect(response.status).toBe(404);
      expect(response.body.message).toBe('未找到该保单，请核对保单号');
    });
  });

  it('refuses a malformed application id before any lookup', async () => {
    const customer = await steps.as('demo-customer-c001');
    for (const id of ['EA1', 'EA20261126abcdef', "EA20261126ABCDEF'--"]) {
      const response = await customer.get(`/endorsements/${encodeURIComponent(id)}`);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ message: '申请编号格式不正确' });
    }
  });
});

describe('submitting with bad input', () => {
  it('refuses a wrong or malformed SMS code for a new phone and keeps the application as it was', async () => {
    const created = await steps.create('demo-customer-c001', ZHANG_PL01, {
      type: 'contact_change',
      phone: '13912340002',
    });
    expect(created.status, created.text).toBe(201);
    const id = (created.body as EndorsementApplication).applicationId;
    await steps.verifyAndSign('demo-customer-c001', created.body.documentId);
    await steps.newPhoneCode('demo-customer-c001', id, '13912340002');
    const malformed = await steps.submit('demo-customer-c001', id, { phoneCode: '12ab' }, null);
    expect(malformed.status).toBe(400);
    expect(malformed.body).toMatchObject({ message: '验证码应为 6 位数字' });
    const wrong = await steps.submit('demo-customer-c001', id, { phoneCode: '000000' }, null);
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ field: 'phoneCode', message: '验证码不正确' });
    expect((await stack.container().repositories.endorsements.get(id))?.status).toBe('signed');
    expect((await stack.container().repositories.customers.get('C001'))?.phone).not.toBe('13912340002');
    expect((await (await steps.as('demo-customer-c001')).post(`/endorsements/${id}/cancel`, {})).status).toBe(
      200,
    );
  });

  it('refuses to submit an unsigned draft, and to cancel twice', async () => {
    const created = await steps.create('demo-customer-c001', ZHANG_PL01, {
      type: 'dividend_option_change',
      dividendOption: 'cash',
    });
    const id = created.body.applicationId;
    const early = await steps.submit('demo-customer-c001', id, {}, null);
    expect(early.status).toBe(409);
    expect(early.body).toMatchObject({ message: '请先完成身份验证并签署申请书，再提交申请' });
    const customer = await steps.as('demo-customer-c001');
    expect((await customer.post(`/endorsements/${id}/cancel`, { reason: '不改了' })).status).toBe(200);
    // The unsigned 批单 went with it.
    expect((await customer.get(`/documents/${created.body.documentId}`)).status).toBe(404);
    const again = await customer.post(`/endorsements/${id}/cancel`, {});
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ message: '该申请已撤销，不能继续办理；如需变更请重新申请' });
  });

  it('refuses a rejection without a reason', async () => {
    const response = await (await steps.as('demo-staff-sh')).post(
      '/staff/endorsements/EA20261125DEMO01/decision',
      {
        decision: 'reject',
        reason: 42,
      },
    );
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ message: '审核意见应为文字' });
  });
});

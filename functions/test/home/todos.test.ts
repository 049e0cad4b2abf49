import { slotIdOf } from '@zhixiang/shared/callback/window';
import { addDays } from '@zhixiang/shared/format/dates';
import type { MyTodosResponse } from '@zhixiang/shared/home/schemas';
import { applicationNotification } from '@zhixiang/shared/notifications/content';
import { describe, expect, it } from 'vitest';
import { getMyTodos } from '../../src/home/use-cases/get-my-todos';
import { issueLetter } from '../../src/letters/use-cases/issue-letter';
import { issueLetterDeps } from '../../src/letters/wiring-issuing';
import { buildDemoData } from '../../src/seed/demo-data';
import { DEMO_DOCUMENT_ID } from '../../src/seed/demo-documents';
import { accessTokenFor } from '../support/access-token-for';
import { commandsSent } from '../support/command-spy';
import { FIXED_TODAY } from '../support/fixed-clock';
import { useSeededGateway } from './seeded-gateway';

/**
 * The customer's to-dos through the real gateway against DynamoDB Local: computed from the
 * contexts' own state, gone the moment the thing is done, in a bounded number of queries.
 */
const data = buildDemoData(FIXED_TODAY);
// 张伟's new annuity, in its cooling-off period with no callback booked.
const newPolicy = data.policies.find(
  (p) => p.holderId === 'C001' && p.effectiveDate > addDays(FIXED_TODAY, -30),
)!;
const zhangWei = { sub: 'demo-customer-c001', role: 'customer' as const, customerId: 'C001' };

const stack = useSeededGateway();

const todosOf = async (userId = 'demo-customer-c001') => {
  const response = await stack.api.get<MyTodosResponse>('/me/todos', {
    token: await accessTokenFor(stack.system, userId),
  });
  expect(response.status, response.text).toBe(200);
  return response.body.todos;
};

describe("张伟's to-dos", () => {
  it('lists his application awaiting signature and his new policy’s callback with the cooling-off countdown', async () => {
    const todos = await todosOf();
    expect(todos.map((t) => t.kind)).toEqual(['sign', 'callback']);
    expect(todos[0]).toMatchObject({
      title: '待签署：联系方式变更申请书',
      target: { page: 'document', documentId: DEMO_DOCUMENT_ID },
    });
    const product = await stack.system.repositories.products.get(newPolicy.productCode);
    const end = addDays(newPolicy.receiptDate, product!.coolingOffDays);
    expect(todos[1]).toMatchObject({
      id: `callback:${newPolicy.policyNo}`,
      title: '请预约新单回访',
      dueDate: end,
      target: { page: 'callback', policyNo: newPolicy.policyNo },
    });
    expect(todos[1]!.detail).toContain(`犹豫期还剩 ${todos[1]!.daysLeft} 天`);
  });

  it('sends a bounded number of requests, each partitioned by the customer, and none per policy', async () => {
    await getMyTodos(stack.system, zhangWei); // products into the process's cache
    const sent = await commandsSent(stack.system.table.client, () => getMyTodos(stack.system, zhangWei));
    expect(sent.map((s) => s.command).sort()).toEqual([
      'BatchGetItemCommand', // the bookings of the policies in their cooling-off period
      'QueryCommand', // policies as holder
      'QueryCommand', // policies as insured
      'QueryCommand', // documents to sign
      'QueryCommand', // letters
      'QueryCommand', // the latest handoff
      'QueryCommand', // ID card checks
      'QueryCommand', // unread messages (application results not yet seen)
    ]);
    for (const query of sent.filter((s) => s.command === 'QueryCommand'))
      expect(JSON.stringify(query.input.ExpressionAttributeValues)).toMatch(
        /CUSTOMER#C001#|IDCARDCHECK#C001"/,
      );
  });

  it('drops the callback to-do the moment he books, and shows it again when he cancels', async () => {
    const date = addDays(FIXED_TODAY, 2);
    await stack.system.repositories.callbackBookings.createSlots([{ date, start: '10:00' }], 3);
    const token = await accessTokenFor(stack.system, 'demo-customer-c001');
    const booked = await stack.api.post(
      `/policies/${newPolicy.policyNo}/callback`,
      { slotId: slotIdOf({ date, start: '10:00' }) },
      { token },
    );
    expect(booked.status, booked.text).toBe(201);
    expect((await todosOf()).map((t) => t.kind)).toEqual(['sign']);

    const cancelled = await stack.api.request('DELETE', `/policies/${newPolicy.policyNo}/callback`, {
      token,
    });
    expect(cancelled.status, cancelled.text).toBeLessThan(300);
    expect((await todosOf()).map((t) => t.kind)).toEqual(['sign', 'callback']);
  });

  it('shows a premium due within 30 days with amount, date and masked account, and not one due later', async () => {
    const holderPolicy = data.policies.find((p) => p.policyNo === '8831010000001')!;
    const stored = (await stack.system.repositories.policies.get(holderPolicy.policyNo))!;
    await stack.system.repositories.policies.put({ ...stored, nextDueDate: addDays(FIXED_TODAY, 12) });
    const premium = (await todosOf()).find((t) => t.kind === 'premium');
    expect(premium).toMatchObject({
      dueDate: addDays(FIXED_TODAY, 12),
      daysLeft: 12,
      target: { page: 'policy', policyNo: holderPolicy.policyNo },
    });
    expect(premium!.title).toBe('续期保费 ¥12,000.00，12 天后到期');
    expect(premium!.detail).toMatch(/\*{4}/);
    expect(premium!.detail).not.toContain(stored.renewalAccount!.accountNumber);

    const again = (await stack.system.repositories.policies.get(holderPolicy.policyNo))!;
    await stack.system.repositories.policies.put({ ...again, nextDueDate: addDays(FIXED_TODAY, 31) });
    expect((await todosOf()).some((t) => t.kind === 'premium')).toBe(false);
  });

  it('counts unread letters until he reads them', async () => {
    const issued = await issueLetter(issueLetterDeps(stack.system), {
      customerId: 'C001',
      policyNo: '8831010000001',
      letterType: 'endorsement_confirmation',
      sourceKey: 'endorsement.effective:PD20261125HOME01',
      documentId: 'PD20261125HOME01',
      facts: {
        holderName: '张伟',
        policyNo: '8831010000001',
        productName: '示例人寿终身寿险',
        changeType: '受益人变更',
      },
    });
    const letters = (await todosOf()).find((t) => t.kind === 'letters');
    expect(letters).toMatchObject({ title: '1 封未读信函', target: { page: 'letters' } });
    const read = await stack.api.get(`/letters/${issued.letter.letterId}`, {
      token: await accessTokenFor(stack.system, 'demo-customer-c001'),
    });
    expect(read.status, read.text).toBe(200);
    expect((await todosOf()).some((t) => t.kind === 'letters')).toBe(false);
  });
});

describe('a loan nearing its term and an ID card about to expire', () => {
  it("shows 李娜's policy loan from 30 days before its term, with what she owes today, until it is repaid", async () => {
    const loanPolicy = data.policies.find((p) => p.holderId === 'C002' && p.loan !== null)!;
    const setLoan = async (loan: typeof loanPolicy.loan) => {
      const stored = (await stack.system.repositories.policies.get(loanPolicy.policyNo))!;
      await stack.system.repositories.policies.put({ ...stored, loan });
    };
    const loan = loanPolicy.loan!;
    await setLoan({ ...loan, dueDate: addDays(FIXED_TODAY, 31) });
    expect((await todosOf('demo-customer-c002')).some((t) => t.kind === 'loan')).toBe(false);

    await setLoan({ ...loan, dueDate: addDays(FIXED_TODAY, 10) });
    const due = (await todosOf('demo-customer-c002')).find((t) => t.kind === 'loan');
    expect(due).toMatchObject({
      title: '保单贷款10 天后到期',
      daysLeft: 10,
      target: { page: 'loan_repayment', policyNo: loanPolicy.policyNo },
    });
    expect(due!.detail).toMatch(/截至今日本息合计 ¥20,\d{3}\.\d{2}，可在线还款/);

    await setLoan({ ...loan, dueDate: addDays(FIXED_TODAY, -3) });
    const overdue = (await todosOf('demo-customer-c002')).find((t) => t.kind === 'loan');
    expect(overdue).toMatchObject({
      daysLeft: -3,
      title: `保单贷款已于 ${addDays(FIXED_TODAY, -3)} 到期，请尽快还款`,
    });
    // Overdue comes before anything due later.
    expect((await todosOf('demo-customer-c002'))[0]!.kind).toBe('loan');

    await setLoan(null);
    expect((await todosOf('demo-customer-c002')).some((t) => t.kind === 'loan')).toBe(false);
    await setLoan(loan);
  });

  it("shows 张伟's ID card from 60 days before it expires, until a renewed card passes its check", async () => {
    const uploads = stack.system.identityUploads;
    const check = (checkId: string, passed: boolean, validUntil: string, at: number) =>
      uploads.recordIdCardCheck({
        checkId,
        customerId: 'C001',
        userId: 'demo-customer-c001',
        frontUploadId: 'front',
        backUploadId: 'back',
        provider: 'test',
        passed,
        idNumberMasked: '3101**********1234',
        validUntil,
        checks: [],
        at,
      });
    const expiry = addDays(FIXED_TODAY, 45);
    await check('check-old', true, expiry, Date.UTC(2026, 0, 1));
    // A later check that failed (another card, say) does not count: the card last read is the old one.
    await check('check-failed', false, addDays(FIXED_TODAY, 3000), Date.UTC(2026, 5, 1));
    const todo = (await todosOf()).find((t) => t.kind === 'id_document');
    expect(todo).toMatchObject({
      id: `id_document:${expiry}`,
      title: '您的身份证件即将到期',
      daysLeft: 45,
      target: { page: 'id_card' },
    });
    expect(todo!.detail).toContain(`证件有效期至 ${expiry}`);

    await check('check-renewed', true, addDays(FIXED_TODAY, 3650), Date.UTC(2026, 6, 1));
    expect((await todosOf()).some((t) => t.kind === 'id_document')).toBe(false);
  });
});

describe('an application result not yet seen', () => {
  it('shows while its message is unread, and goes once he opens the application (its messages read)', async () => {
    const token = await accessTokenFor(stack.system, 'demo-customer-c001');
    await stack.system.notifier.notify(
      applicationNotification({
        eventId: 'home-result-todo',
        type: 'endorsement.approved',
        at: stack.system.now(),
        applicationId: 'EA20261125RESULT',
        policyNo: newPolicy.policyNo,
        holderId: 'C001',
        endorsementType: 'contact_change',
        amountCents: null,
      }),
    );
    const result = (await todosOf()).find((t) => t.kind === 'result');
    expect(result).toMatchObject({
      id: 'result:EA20261125RESULT',
      title: '申请结果：联系方式变更申请已审核通过',
      target: { page: 'application', applicationId: 'EA20261125RESULT' },
    });
    const read = await stack.api.post(
      '/me/messages/read-all',
      { subject: { kind: 'application', applicationId: 'EA20261125RESULT' } },
      { token },
    );
    expect(read.status, read.text).toBe(200);
    expect((await todosOf()).some((t) => t.kind === 'result')).toBe(false);
    // Another customer never sees it.
    expect((await todosOf('demo-customer-c011')).some((t) => t.kind === 'result')).toBe(false);
  });
});

describe('other people', () => {
  it('gives a customer without a bound identity an empty list, and agents and staff a 403 in Chinese', async () => {
    expect(await todosOf('demo-unbound')).toEqual([]);
    for (const userId of ['demo-agent-a001', 'demo-staff-sh']) {
      const response = await stack.api.get<{ message: string }>('/me/todos', {
        token: await accessTokenFor(stack.system, userId),
      });
      expect(response.status).toBe(403);
      expect(response.body.message).toBe('待办事项仅供客户本人查看');
    }
  });

  it("never shows another customer's to-dos", async () => {
    const todos = await todosOf('demo-customer-c011');
    expect(todos.every((t) => !JSON.stringify(t).includes('8831010000'))).toBe(true);
  });
});

describe('a survival benefit coming up (生存金)', () => {
  // 王芳's single-premium pension pays 10% of the sum assured each year from her 60th; the demo
  // data puts its anniversary 12 days after the demo day.
  const pension = data.policies.find((p) => p.holderId === 'C004' && p.productCode === 'AN02')!;
  const wangFang = { sub: 'demo-customer-c004', role: 'customer' as const, customerId: 'C004' };
  const payDay = addDays(FIXED_TODAY, 12);

  it("shows 王芳's yearly pension with the amount, the day and the account to confirm, opening the policy", async () => {
    const benefit = (await todosOf('demo-customer-c004')).find((t) => t.kind === 'benefit');
    expect(benefit).toEqual({
      id: `benefit:${pension.policyNo}:${payDay}`,
      kind: 'benefit',
      title: '生存金 ¥30,000.00，12 天后给付',
      detail: `金色晚年养老年金保险（${pension.policyNo}）给付日 ${payDay}，请确认收款账户`,
      dueDate: payDay,
      daysLeft: 12,
      target: { page: 'policy', policyNo: pension.policyNo },
    });
  });

  it('reads her birth date in one BatchGetItem, and is gone once the day has passed', async () => {
    await getMyTodos(stack.system, wangFang); // products into the process's cache
    const sent = await commandsSent(stack.system.table.client, () => getMyTodos(stack.system, wangFang));
    // No policy in its cooling-off period: the one BatchGetItem reads the insured, herself.
    const batches = sent.filter((s) => s.command === 'BatchGetItemCommand');
    expect(batches).toHaveLength(1);
    expect(JSON.stringify(batches[0]!.input)).toContain('C004');
    const after = await getMyTodos(
      { ...stack.system, now: () => Date.parse(`${addDays(payDay, 1)}T02:00:00Z`) },
      wangFang,
    );
    expect(after.todos.some((t) => t.kind === 'benefit')).toBe(false);
  });

  it('is shown to no other customer', async () => {
    for (const userId of [
      'demo-customer-c001',
      'demo-customer-c002',
      'demo-customer-c005',
      'demo-customer-c011',
    ])
      expect((await todosOf(userId)).some((t) => t.kind === 'benefit')).toBe(false);
  });
});

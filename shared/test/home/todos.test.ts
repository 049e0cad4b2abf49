import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HANDOFF_MODES, HANDOFF_STATUSES } from '../../src/assistant/handoff';
import { BOOKING_STATUSES } from '../../src/callback/schemas';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES } from '../../src/documents/model';
import { addDays, daysBetween } from '../../src/format/dates';
import {
  BENEFIT_DUE_WITHIN_DAYS,
  type BenefitFact,
  benefitTodo,
  type CallbackFact,
  callbackTodo,
  customerTodos,
  handoffTodo,
  ID_DOCUMENT_EXPIRES_WITHIN_DAYS,
  type IdDocumentFact,
  idDocumentTodo,
  LOAN_DUE_WITHIN_DAYS,
  type LoanFact,
  lettersTodo,
  loanTodo,
  orderTodos,
  PREMIUM_DUE_WITHIN_DAYS,
  type PremiumFact,
  premiumTodo,
  type ResultFact,
  resultTodos,
  type SignatureFact,
  signatureTodo,
  TODO_KINDS,
} from '../../src/home/todos';
import { APPLICATION_RESULT_KINDS, NOTIFICATION_KINDS } from '../../src/notifications/model';
import { POLICY_STATUSES } from '../../src/policy/schemas';

/** The to-do rules: each to-do exists exactly while its condition holds, and reads as it should. */
const isoDate = fc
  .date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));
const policyNo = fc.stringMatching(/^88\d{11}$/);

const signatureFact: fc.Arbitrary<SignatureFact> = fc.record({
  documentId: fc.stringMatching(/^EA\d{8}[A-Z0-9]{6}$/),
  kind: fc.constantFrom(...DOCUMENT_KINDS),
  status: fc.constantFrom(...DOCUMENT_STATUSES),
  signerRole: fc.constantFrom('holder' as const, 'insured' as const),
  changeType: fc.constantFrom('联系方式变更', '受益人变更', '保单借款'),
  policyNo,
  productName: fc.constant('示例人寿终身寿险'),
});

const callbackFact = (today: string): fc.Arbitrary<CallbackFact> =>
  fc.record({
    policyNo,
    productName: fc.constant('示例年金'),
    status: fc.constantFrom(...POLICY_STATUSES),
    receiptDate: fc.integer({ min: -40, max: 5 }).map((days) => addDays(today, days)),
    coolingOffDays: fc.constantFrom(0, 15, 20),
    isHolder: fc.boolean(),
    booking: fc.option(fc.constantFrom(...BOOKING_STATUSES), { nil: null }),
  });

const premiumFact = (today: string): fc.Arbitrary<PremiumFact> =>
  fc.record({
    policyNo,
    productName: fc.constant('示例两全'),
    status: fc.constantFrom(...POLICY_STATUSES),
    isHolder: fc.boolean(),
    nextDueDate: fc.option(
      fc.integer({ min: -60, max: 90 }).map((days) => addDays(today, days)),
      { nil: null },
    ),
    premiumCents: fc.integer({ min: 1, max: 10_000_000 }),
    account: fc.option(
      fc.record({
        bankName: fc.constant('中国工商银行'),
        accountNumberMasked: fc.constant('6222 **** **** 1234'),
      }),
      { nil: null },
    ),
  });

const loanFact = (today: string): fc.Arbitrary<LoanFact> =>
  fc.record({
    policyNo,
    productName: fc.constant('示例终身寿险'),
    status: fc.constantFrom(...POLICY_STATUSES),
    isHolder: fc.boolean(),
    loan: fc.option(
      fc.record({
        principalCents: fc.integer({ min: 1, max: 100_000_000 }),
        annualRateBasisPoints: fc.integer({ min: 0, max: 1_000 }),
        startDate: fc.integer({ min: 30, max: 400 }).map((days) => addDays(today, -days)),
        dueDate: fc.integer({ min: -60, max: 120 }).map((days) => addDays(today, days)),
      }),
      { nil: null },
    ),
  });

const idDocumentFact = (today: string): fc.Arbitrary<IdDocumentFact | null> =>
  fc.option(
    fc
      .oneof(
        fc.constant('长期'),
        fc.integer({ min: -30, max: 400 }).map((days) => addDays(today, days)),
      )
      .map((validUntil) => ({ validUntil })),
    { nil: null },
  );

describe('the signature to-do', () => {
  it('exists exactly while the document awaits the signature, and opens that document', () => {
    fc.assert(
      fc.property(signatureFact, (fact) => {
        const todo = signatureTodo(fact);
        expect(todo !== null).toBe(fact.status === 'awaiting_signature');
        if (todo) {
          expect(todo.target).toEqual({ page: 'document', documentId: fact.documentId });
          expect(todo.title).toContain(fact.changeType);
          if (fact.signerRole === 'insured') expect(todo.title).toContain('被保险人同意书');
        }
      }),
    );
  });
});

describe('the callback to-do', () => {
  it('exists exactly for the holder of an in-force policy in its cooling-off period with no live booking', () => {
    fc.assert(
      fc.property(
        isoDate.chain((today) => fc.tuple(fc.constant(today), callbackFact(today))),
        ([today, fact]) => {
          const end = addDays(fact.receiptDate, fact.coolingOffDays);
          const inCoolingOff =
            fact.coolingOffDays > 0 &&
            fact.status === 'in_force' &&
            fact.receiptDate <= today &&
            today <= end;
          const needsBooking =
            fact.booking === null || fact.booking === 'cancelled' || fact.booking === 'unreachable';
          const todo = callbackTodo(fact, today);
          expect(todo !== null).toBe(fact.isHolder && inCoolingOff && needsBooking);
          if (todo) {
            expect(todo.dueDate).toBe(end);
            expect(todo.daysLeft).toBe(daysBetween(today, end));
            expect(todo.daysLeft).toBeGreaterThanOrEqual(0);
            expect(todo.target).toEqual({ page: 'callback', policyNo: fact.policyNo });
          }
        },
      ),
    );
  });

  it('counts down the cooling-off period in Chinese', () => {
    const fact: CallbackFact = {
      policyNo: '8831010000004',
      productName: '示例年金',
      status: 'in_force',
      receiptDate: '2026-11-20',
      coolingOffDays: 15,
      isHolder: true,
      booking: null,
    };
    expect(callbackTodo(fact, '2026-11-25')?.detail).toContain('犹豫期还剩 10 天');
    expect(callbackTodo(fact, '2026-12-05')?.detail).toContain('犹豫期今天结束');
    expect(callbackTodo(fact, '2026-12-06')).toBeNull();
    expect(callbackTodo({ ...fact, booking: 'booked' }, '2026-11-25')).toBeNull();
    expect(callbackTodo({ ...fact, booking: 'unreachable' }, '2026-11-25')?.title).toBe(
      '回访未接通，请重新预约',
    );
  });
});

describe('the loan to-do', () => {
  it('exists exactly for the holder of an in-force policy whose loan ends within 30 days or has ended', () => {
    fc.assert(
      fc.property(
        isoDate.chain((today) => fc.tuple(fc.constant(today), loanFact(today))),
        ([today, fact]) => {
          const todo = loanTodo(fact, today);
          const due = fact.loan !== null && fact.loan.dueDate <= addDays(today, LOAN_DUE_WITHIN_DAYS);
          expect(todo !== null).toBe(fact.isHolder && fact.status === 'in_force' && due);
          if (todo && fact.loan) {
            expect(todo.dueDate).toBe(fact.loan.dueDate);
            expect(todo.daysLeft).toBe(daysBetween(today, fact.loan.dueDate));
            expect(todo.target).toEqual({ page: 'loan_repayment', policyNo: fact.policyNo });
            expect(todo.title).toContain(todo.daysLeft! < 0 ? '已于' : '到期');
          }
        },
      ),
    );
  });

  it('says what is owed today, principal and interest', () => {
    const todo = loanTodo(
      {
        policyNo: '8831010000002',
        productName: '示例终身寿险',
        status: 'in_force',
        isHolder: true,
        // 10,000.00 at 5% for 73 days: 100.00 interest.
        loan: {
          principalCents: 1_000_000,
          annualRateBasisPoints: 500,
          startDate: '2026-01-01',
          dueDate: '2026-03-20',
        },
      },
      '2026-03-15',
    );
    expect(todo?.title).toBe('保单贷款5 天后到期');
    expect(todo?.detail).toBe('示例终身寿险（8831010000002）截至今日本息合计 ¥10,100.00，可在线还款');
  });
});

describe('the ID document to-do', () => {
  it('exists exactly while the card last read ends within 60 days or has ended; never for 长期', () => {
    fc.assert(
      fc.property(
        isoDate.chain((today) => fc.tuple(fc.constant(today), idDocumentFact(today))),
        ([today, fact]) => {
          const todo = idDocumentTodo(fact, today);
          const dated = fact !== null && fact.validUntil !== '长期';
          expect(todo !== null).toBe(
            dated && fact.validUntil <= addDays(today, ID_DOCUMENT_EXPIRES_WITHIN_DAYS),
          );
          if (todo && fact) {
            expect(todo.target).toEqual({ page: 'id_card' });
            expect(todo.title).toBe(fact.validUntil < today ? '您的身份证件已过期' : '您的身份证件即将到期');
            expect(todo.detail).toContain(fact.validUntil);
          }
        },
      ),
    );
  });
});

describe('the premium to-do', () => {
  it('exists exactly for the holder of an in-force policy whose premium falls due within 30 days', () => {
    fc.assert(
      fc.property(
        isoDate.chain((today) => fc.tuple(fc.constant(today), premiumFact(today))),
        ([today, fact]) => {
          const todo = premiumTodo(fact, today);
          const due =
            fact.nextDueDate !== null &&
            fact.nextDueDate >= today &&
            fact.nextDueDate <= addDays(today, PREMIUM_DUE_WITHIN_DAYS);
          expect(todo !== null).toBe(fact.isHolder && fact.status === 'in_force' && due);
          if (todo) {
            expect(todo.dueDate).toBe(fact.nextDueDate);
            expect(todo.target).toEqual({ page: 'policy', policyNo: fact.policyNo });
            if (fact.account) {
              expect(todo.detail).toContain(fact.account.accountNumberMasked);
              expect(todo.detail).toContain('余额充足');
            }
          }
        },
      ),
    );
  });

  it('says the amount, the day and the account', () => {
    const todo = premiumTodo(
      {
        policyNo: '8831010000002',
        productName: '示例两全',
        status: 'in_force',
        isHolder: true,
        nextDueDate: '2026-12-10',
        premiumCents: 1_234_500,
        account: { bankName: '招商银行', accountNumberMasked: '6222 **** **** 0017' },
      },
      '2026-11-25',
    );
    expect(todo?.title).toBe('续期保费 ¥12,345.00，15 天后到期');
    expect(todo?.detail).toBe(
      '示例两全（8831010000002）应缴日 2026-12-10，将从招商银行（6222 **** **** 0017）扣款，请保持余额充足',
    );
  });
});

describe('the letters and conversation to-dos', () => {
  it('a letters to-do exists exactly while a letter is unread', () => {
    fc.assert(
      fc.property(fc.nat(20), (unread) => {
        const todo = lettersTodo({ unread, newestUnreadTitle: unread ? '续期缴费通知' : null });
        expect(todo !== null).toBe(unread > 0);
        if (todo) expect(todo.title).toBe(`${unread} 封未读信函`);
      }),
    );
  });

  it('a conversation to-do exists exactly while the handoff is open', () => {
    fc.assert(
      fc.property(
        fc.option(
          fc.record({
            handoffId: fc.uuid(),
            status: fc.constantFrom(...HANDOFF_STATUSES),
            mode: fc.constantFrom(...HANDOFF_MODES),
            claimedByName: fc.option(fc.constant('李客服'), { nil: null }),
          }),
          { nil: null },
        ),
        (fact) => {
          const todo = handoffTodo(fact);
          expect(todo !== null).toBe(fact !== null && fact.status !== 'closed');
          if (todo && fact) expect(todo.target).toEqual({ page: 'handoff', handoffId: fact.handoffId });
        },
      ),
    );
  });
});

const resultFact: fc.Arbitrary<ResultFact> = fc.record({
  messageId: fc.stringMatching(/^[0-9a-f]{24}$/),
  kind: fc.constantFrom(...NOTIFICATION_KINDS),
  applicationId: fc.constantFrom('EA20261205AAAAAA', 'EA20261205BBBBBB', 'EA20261205CCCCCC'),
  title: fc.constantFrom('保单贷款申请已审核通过', '保单贷款申请未通过审核', '款项已到账'),
  read: fc.boolean(),
  at: fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 }),
});

describe('the application results not yet seen', () => {
  it('exist exactly for the applications with an unread result message, one each, opening the application', () => {
    fc.assert(
      fc.property(fc.array(resultFact, { maxLength: 8 }), (facts) => {
        const todos = resultTodos(facts);
        const unseen = new Set(
          facts
            .filter((f) => !f.read && APPLICATION_RESULT_KINDS.includes(f.kind))
            .map((f) => f.applicationId),
        );
        expect(new Set(todos.map((t) => t.target))).toEqual(
          new Set([...unseen].map((applicationId) => ({ page: 'application', applicationId }))),
        );
        expect(todos.map((t) => t.id).sort()).toEqual([...unseen].map((id) => `result:${id}`).sort());
        for (const todo of todos) {
          const newest = facts
            .filter(
              (f) =>
                !f.read &&
                APPLICATION_RESULT_KINDS.includes(f.kind) &&
                todo.target.page === 'application' &&
                f.applicationId === todo.target.applicationId,
            )
            .sort((a, b) => b.at - a.at)[0];
          expect(todo.title).toBe(`申请结果：${newest?.title}`);
        }
      }),
    );
  });

  it('go once the message is read, and ignore renewal notices and money steps on the way', () => {
    const approved: ResultFact = {
      messageId: 'a'.repeat(24),
      kind: 'application_approved',
      applicationId: 'EA20261205AAAAAA',
      title: '保单贷款申请已审核通过',
      read: false,
      at: 1,
    };
    expect(resultTodos([approved])).toMatchObject([
      {
        kind: 'result',
        title: '申请结果：保单贷款申请已审核通过',
        detail: '您的申请有了新结果，点此查看详情',
      },
    ]);
    expect(resultTodos([{ ...approved, read: true }])).toEqual([]);
    expect(
      resultTodos([
        { ...approved, kind: 'renewal_notice' },
        { ...approved, kind: 'payment_expired' },
      ]),
    ).toEqual([]);
  });
});

describe('the list', () => {
  const facts = (today: string) =>
    fc.record({
      documents: fc.array(signatureFact, { maxLength: 4 }),
      callbacks: fc.array(callbackFact(today), { maxLength: 4 }),
      premiums: fc.array(premiumFact(today), { maxLength: 4 }),
      loans: fc.array(loanFact(today), { maxLength: 4 }),
      idDocument: idDocumentFact(today),
      letters: fc.nat(3).map((unread) => ({ unread, newestUnreadTitle: null })),
      handoff: fc.constant(null),
      results: fc.array(resultFact, { maxLength: 4 }),
    });

  it('is every rule’s to-do, once each, ordered by the day to act and then by kind', () => {
    fc.assert(
      fc.property(
        isoDate.chain((today) => fc.tuple(fc.constant(today), facts(today))),
        ([today, f]) => {
          const todos = customerTodos(f, today);
          const expected =
            f.documents.filter((d) => signatureTodo(d)).length +
            f.callbacks.filter((c) => callbackTodo(c, today)).length +
            f.premiums.filter((p) => premiumTodo(p, today)).length +
            f.loans.filter((l) => loanTodo(l, today)).length +
            (idDocumentTodo(f.idDocument, today) ? 1 : 0) +
            resultTodos(f.results).length +
            (f.letters.unread > 0 ? 1 : 0);
          expect(todos).toHaveLength(expected);
          const day = (t: (typeof todos)[number]) =>
            t.dueDate ?? (t.kind === 'sign' || t.kind === 'handoff' ? today : '9999-12-31');
          for (let i = 1; i < todos.length; i++) {
            const [a, b] = [todos[i - 1]!, todos[i]!];
            expect(
              day(a) < day(b) ||
                (day(a) === day(b) && TODO_KINDS.indexOf(a.kind) <= TODO_KINDS.indexOf(b.kind)),
            ).toBe(true);
          }
        },
      ),
    );
  });

  it('is empty when there is nothing to do', () => {
    expect(
      customerTodos(
        {
          documents: [],
          callbacks: [],
          premiums: [],
          loans: [],
          idDocument: null,
          letters: { unread: 0, newestUnreadTitle: null },
          handoff: null,
        },
        '2026-11-25',
      ),
    ).toEqual([]);
  });
});

describe('the benefit to-do (生存金 / 满期金)', () => {
  const pension: BenefitFact = {
    policyNo: '8831010000007',
    productName: '金色晚年养老年金保险',
    isHolder: true,
    status: 'in_force',
    effectiveDate: '2020-12-07',
    sumAssuredCents: 300_000_00,
    insuredBirthDate: '1965-11-02',
    schedule: {
      survival: { percentBasisPoints: 1000, everyYears: 1, fromAge: 60 },
      maturity: { percentBasisPoints: 10_000, atAge: 85 },
    },
    account: null,
  };

  it('exists exactly for the holder of an in-force policy while its next benefit is within 30 days', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 60 }),
        fc.boolean(),
        fc.constantFrom(...POLICY_STATUSES),
        (before, isHolder, status) => {
          const today = addDays('2026-12-07', -before);
          const todo = benefitTodo({ ...pension, isHolder, status }, today);
          const daysLeft = daysBetween(today, before < 0 ? '2027-12-07' : '2026-12-07');
          expect(todo !== null).toBe(
            isHolder && status === 'in_force' && daysLeft <= BENEFIT_DUE_WITHIN_DAYS,
          );
          if (todo) expect(todo.daysLeft).toBe(daysLeft);
        },
      ),
    );
  });

  it('says the amount, the day and the account, or asks to confirm one, and opens the policy', () => {
    expect(benefitTodo(pension, '2026-11-25')).toEqual({
      id: 'benefit:8831010000007:2026-12-07',
      kind: 'benefit',
      title: '生存金 ¥30,000.00，12 天后给付',
      detail: '金色晚年养老年金保险（8831010000007）给付日 2026-12-07，请确认收款账户',
      dueDate: '2026-12-07',
      daysLeft: 12,
      target: { page: 'policy', policyNo: '8831010000007' },
    });
    const account = { bankName: '招商银行', accountNumberMasked: '6222 **** **** 1234' };
    const paid = benefitTodo({ ...pension, account }, '2026-12-07');
    expect(paid?.title).toBe('生存金 ¥30,000.00，今天给付');
    expect(paid?.detail).toContain('将给付至招商银行（6222 **** **** 1234）');
    const maturity = benefitTodo(
      { ...pension, schedule: { maturity: { percentBasisPoints: 10_000, termYears: 6 } } },
      '2026-11-25',
    );
    expect(maturity?.title).toBe('满期金 ¥300,000.00，12 天后给付');
    expect(benefitTodo(pension, '2026-12-08')).toBeNull();
    expect(benefitTodo({ ...pension, schedule: null }, '2026-11-25')).toBeNull();
  });

  it('takes its place by its day among the others, after a premium due the same day', () => {
    const benefit = benefitTodo(pension, '2026-11-25')!;
    const premium = premiumTodo(
      {
        policyNo: '8831010000001',
        productName: '示例两全',
        status: 'in_force',
        isHolder: true,
        nextDueDate: '2026-12-07',
        premiumCents: 100_00,
        account: null,
      },
      '2026-11-25',
    )!;
    const letters = lettersTodo({ unread: 1, newestUnreadTitle: null })!;
    const idCard = idDocumentTodo({ validUntil: '2026-12-01' }, '2026-11-25')!;
    expect(orderTodos([letters, benefit, premium, idCard], '2026-11-25').map((t) => t.kind)).toEqual([
      'id_document',
      'premium',
      'benefit',
      'letters',
    ]);
    const all = customerTodos(
      {
        documents: [],
        callbacks: [],
        premiums: [],
        loans: [],
        benefits: [pension],
        idDocument: null,
        letters: { unread: 1, newestUnreadTitle: null },
        handoff: null,
      },
      '2026-11-25',
    );
    expect(all.map((t) => t.kind)).toEqual(['benefit', 'letters']);
  });
});

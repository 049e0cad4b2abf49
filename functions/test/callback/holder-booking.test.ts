import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { ALREADY_BOOKED_MESSAGE, SLOT_FULL_MESSAGE } from '@zhixiang/shared/callback/schemas';
import { callbackDeadlineAt, slotIdOf } from '@zhixiang/shared/callback/window';
import { AppError } from '@zhixiang/shared/errors';
import { addDays } from '@zhixiang/shared/format/dates';
import { coolingOffEndDate } from '@zhixiang/shared/policy/view';
import { beforeAll, describe, expect, it } from 'vitest';
import { bookCallbackSlot } from '../../src/callback/use-cases/book-callback-slot';
import {
  type CallbackDeps,
  callbackDeps,
  NOT_AWAITING_MESSAGE,
  OUTSIDE_WINDOW_MESSAGE,
} from '../../src/callback/use-cases/callback-policy';
import { GetCommand, UpdateCommand } from '../../src/platform/dynamodb/document-client';
import { policyKey } from '../../src/platform/records/policies';
import { POLICY_NOT_FOUND_MESSAGE } from '../../src/policies/use-cases/get-policy';
import { buildDemoData } from '../../src/seed/demo-data';
import { createSystem, type System } from '../../src/system';
import { commandsSent } from '../support/command-spy';
import { FIXED_TODAY, fixedClock } from '../support/fixed-clock';
import { seedDemoDataOnce } from '../support/seeded-demo-data';

/**
 * A policyholder's own booking is one transaction and nothing read: the policy item's holder,
 * status and callback deadline are conditions of it beside the seat and the booking. Every refusal
 * still gets its precise message (read only then), and races still end exactly once.
 */
const data = buildDemoData(FIXED_TODAY);
const policy = data.policies.find(
  (p) => p.holderId === 'C001' && p.effectiveDate > addDays(FIXED_TODAY, -30),
)!;
const otherPolicy = data.policies.find((p) => p.holderId !== 'C001' && p.insuredId !== 'C001')!;
const oldPolicy = data.policies.find((p) => p.holderId === 'C001' && p.insuredId === 'C001')!;
const zhangWei: AccessClaims = { sub: 'demo-customer-c001', role: 'customer', customerId: 'C001' };

let system: System;
let deps: CallbackDeps & Pick<System, 'metrics'>;
const day = addDays(FIXED_TODAY, 2);
const slot = (start: string, date = day) => ({ date, start, slotId: slotIdOf({ date, start }) });

async function refusal(run: () => Promise<unknown>): Promise<AppError> {
  const error = await run().then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** Copies of 张伟's new policy under other numbers, as an admin import would write them. */
async function copiesOfPolicy(prefix: string, count: number): Promise<string[]> {
  const numbers = Array.from({ length: count }, (_, i) => `${prefix}${String(i).padStart(4, '0')}`);
  for (const policyNo of numbers)
    await system.repositories.policies.put({ ...policy, policyNo, renewalAccount: null, version: 0 });
  return numbers;
}

beforeAll(async () => {
  system = createSystem(undefined, { now: fixedClock() });
  deps = { ...callbackDeps(system), metrics: system.metrics };
  await seedDemoDataOnce({ repositories: system.repositories, today: FIXED_TODAY });
  await system.repositories.callbackBookings.createSlots(
    [slot('08:00'), slot('08:30'), slot('09:00'), slot('09:30')],
    3,
  );
});

describe("a policyholder's own callback booking", () => {
  it('writes the callback deadline on the policy item when the policy is written', async () => {
    const product = await system.repositories.products.get(policy.productCode);
    const { Item } = await system.table.client.send(
      new GetCommand({ TableName: system.table.table, Key: policyKey(policy.policyNo) }),
    );
    expect(Item?.callbackDeadlineAt).toBe(
      callbackDeadlineAt(coolingOffEndDate(policy.receiptDate, product?.coolingOffDays ?? 0)),
    );
  });

  it('books with one TransactWriteItems and no read; the branch comes from the policy afterwards', async () => {
    let booked: Awaited<ReturnType<typeof bookCallbackSlot>> | undefined;
    const sent = await commandsSent(system.table.client, async () => {
      booked = await bookCallbackSlot(deps, zhangWei, policy.policyNo, slot('08:00').slotId);
    });
    expect(sent.map((s) => s.command)).toEqual(['TransactWriteItemsCommand']);
    expect(booked).toMatchObject({ status: 'booked', rescheduleCount: 0, version: 1 });
    const stored = await system.repositories.callbackBookings.getBooking(policy.policyNo);
    expect(stored).toMatchObject({
      customerId: 'C001',
      branchPath: policy.branchPath,
      slotId: slot('08:00').slotId,
    });
    expect((await system.repositories.callbackBookings.listBookingsOfDate(day))[0]?.branchPath).toBe(
      policy.branchPath,
    );
    expect((await system.repositories.callbackBookings.getSlot(slot('08:00').slotId))?.booked).toBe(1);
  });

  it('refuses a second booking with its message and takes no seat', async () => {
    const error = await refusal(() =>
      bookCallbackSlot(deps, zhangWei, policy.policyNo, slot('08:30').slotId),
    );
    expect(error.userMessage).toBe(ALREADY_BOOKED_MESSAGE);
    expect((await system.repositories.callbackBookings.getSlot(slot('08:30').slotId))?.booked).toBe(0);
  });

  it("answers someone else's policy exactly like an unknown one", async () => {
    const error = await refusal(() =>
      bookCallbackSlot(deps, zhangWei, otherPolicy.policyNo, slot('08:30').slotId),
    );
    expect(error.status).toBe(404);
    expect(error.userMessage).toBe(POLICY_NOT_FOUND_MESSAGE);
    expect(await system.repositories.callbackBookings.getBooking(otherPolicy.policyNo)).toBeNull();
  });

  it('refuses a policy past its cooling-off period, and a slot after the callback deadline', async () => {
    const old = await refusal(() =>
      bookCallbackSlot(deps, zhangWei, oldPolicy.policyNo, slot('08:30').slotId),
    );
    expect(old.userMessage).toBe(NOT_AWAITING_MESSAGE);

    const [late] = await copiesOfPolicy('8877000', 1);
    const product = await system.repositories.products.get(policy.productCode);
    const afterDeadline = slot(
      '10:00',
      addDays(coolingOffEndDate(policy.receiptDate, product!.coolingOffDays), 1),
    );
    await system.repositories.callbackBookings.createSlots([afterDeadline], 3);
    const error = await refusal(() => bookCallbackSlot(deps, zhangWei, late!, afterDeadline.slotId));
    expect(error.userMessage).toBe(OUTSIDE_WINDOW_MESSAGE);
    expect((await system.repositories.callbackBookings.getSlot(afterDeadline.slotId))?.booked).toBe(0);
    expect(await system.repositories.callbackBookings.getBooking(late!)).toBeNull();
  });

  it('still books a policy written before the deadline attribute existed (by reading it)', async () => {
    const [legacy] = await copiesOfPolicy('8877100', 1);
    await system.table.client.send(
      new UpdateCommand({
        TableName: system.table.table,
        Key: policyKey(legacy!),
        UpdateExpression: 'REMOVE callbackDeadlineAt',
      }),
    );
    const booked = await bookCallbackSlot(deps, zhangWei, legacy!, slot('08:30').slotId);
    expect(booked).toMatchObject({ status: 'booked', version: 1 });
    expect((await system.repositories.callbackBookings.getBooking(legacy!))?.branchPath).toBe(
      policy.branchPath,
    );
  });

  it('gives 20 holders racing for the last 3 seats exactly 3 bookings; the rest hear the slot is full', async () => {
    const numbers = await copiesOfPolicy('8877200', 20);
    const results = await Promise.allSettled(
      numbers.map((policyNo) => bookCallbackSlot(deps, zhangWei, policyNo, slot('09:00').slotId)),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(3);
    const refused = results.flatMap((r) => (r.status === 'rejected' ? [r.reason as AppError] : []));
    expect(refused.map((e) => e.userMessage)).toEqual(Array(17).fill(SLOT_FULL_MESSAGE));
    expect((await system.repositories.callbackBookings.getSlot(slot('09:00').slotId))?.booked).toBe(3);
    const bookings = await system.repositories.callbackBookings.listBookingsOfDate(day);
    expect(bookings.filter((b) => b.slotId === slot('09:00').slotId)).toHaveLength(3);
  });

  it('books one policy once when its holder books two slots at the same moment', async () => {
    const [policyNo] = await copiesOfPolicy('8877300', 1);
    const results = await Promise.allSettled([
      bookCallbackSlot(deps, zhangWei, policyNo!, slot('09:30').slotId),
      bookCallbackSlot(deps, zhangWei, policyNo!, slot('08:30').slotId),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect((refused.reason as AppError).userMessage).toBe(ALREADY_BOOKED_MESSAGE);
    const seats = await system.repositories.callbackBookings.listSlotsOfDates([day]);
    const taken = seats.filter((s) => s.slotId === slot('09:30').slotId || s.slotId === slot('08:30').slotId);
    // 08:30 also holds the legacy policy's booking from above.
    expect(taken.reduce((n, s) => n + s.booked, 0)).toBe(2);
  });
});

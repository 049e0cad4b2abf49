import { callbackCaseId } from '@zhixiang/shared/callback/measurement';
import { CALLBACK_POINTS, onlineCallbackPurpose } from '@zhixiang/shared/callback/schemas';
import { FACE_ID_CONSENT_VERSION } from '@zhixiang/shared/identity/verification';
import type { SmsMessage } from '@zhixiang/shared/ports/sms-sender';
import { beforeAll, describe, expect, it } from 'vitest';
import { claimsFor } from '../../src/auth/use-cases/session';
import {
  listCallbackFollowUps,
  resolveCallbackFollowUp,
} from '../../src/callback/use-cases/callback-follow-ups';
import { callbackDeps } from '../../src/callback/use-cases/callback-policy';
import { listCallbackBookings } from '../../src/callback/use-cases/list-callback-bookings';
import { sendOnlineCallbackCode } from '../../src/callback/use-cases/send-online-callback-code';
import { submitOnlineCallback } from '../../src/callback/use-cases/submit-online-callback';
import { answerSandboxFaceVerification } from '../../src/identity/use-cases/answer-sandbox-face-verification';
import { completeFaceVerification } from '../../src/identity/use-cases/complete-face-verification';
import { recordIdentityConsent } from '../../src/identity/use-cases/record-identity-consent';
import { startFaceVerification } from '../../src/identity/use-cases/start-face-verification';
import { buildDemoData } from '../../src/seed/demo-data';
import { createSystem, type System } from '../../src/system';
import { FIXED_TODAY, fixedClock } from '../support/fixed-clock';
import { seedDemoDataOnce } from '../support/seeded-demo-data';

/** The online self-callback (自助回访) against DynamoDB Local, with the SMS captured. */
const data = buildDemoData(FIXED_TODAY);
const source = data.policies.find((p) => p.holderId === 'C001' && p.effectiveDate > '2026-11-01')!;
const zhangWei = data.customers.find((c) => c.customerId === 'C001')!;
const ALL_YES = Object.fromEntries(CALLBACK_POINTS.map((p) => [p, true]));

let container: System;
const sent: SmsMessage[] = [];

async function claims(userId: string) {
  const user = await container.repositories.users.get(userId);
  if (!user) throw new Error(`no user ${userId}`);
  return claimsFor(user);
}

/** A fresh copy of 张伟's new policy, still in its cooling-off period, awaiting its callback. */
async function newPolicy(policyNo: string) {
  await container.repositories.policies.put({ ...source, policyNo, receiptDate: FIXED_TODAY, version: 0 });
  return policyNo;
}

async function codeFor(policyNo: string) {
  await sendOnlineCallbackCode(container, await claims('demo-customer-c001'), policyNo);
  return sent.at(-1)?.code ?? '';
}

beforeAll(async () => {
  container = createSystem(undefined, {
    now: fixedClock(),
    sms: { send: async (m) => void sent.push(m) },
  });
  await seedDemoDataOnce({ repositories: container.repositories, today: FIXED_TODAY });
});

describe('online self-callback', () => {
  it('completes the callback when every point is confirmed, after the code to the phone on record', async () => {
    const policyNo = await newPolicy('8831019900001');
    const customer = await claims('demo-customer-c001');
    const response = await sendOnlineCallbackCode(container, customer, policyNo);
    expect(response.sentTo).toBe(`${zhangWei.phone.slice(0, 3)}****${zhangWei.phone.slice(-4)}`);
    expect(sent.at(-1)?.to).toBe(zhangWei.phone);
    await expect(
      submitOnlineCallback(container, customer, policyNo, { code: '000000', answers: ALL_YES }),
    ).rejects.toMatchObject({ status: 400, userMessage: '验证码不正确' });
    const done = await submitOnlineCallback(container, customer, policyNo, {
      code: sent.at(-1)?.code ?? '',
      answers: ALL_YES,
    });
    expect(done).toMatchObject({ status: 'completed', slotId: 'ONLINE' });
    const stored = await container.repositories.callbackBookings.getBooking(policyNo);
    expect(stored?.outcome).toMatchObject({ points: ALL_YES, recordedBy: 'online-sms:demo-customer-c001' });
    // Done online, the callback stops its service-standard case too.
    expect(await container.measurements.listCase(callbackCaseId(policyNo))).toEqual([
      expect.objectContaining({ type: 'new_policy_callback.completed', at: stored?.outcome?.recordedAt }),
    ]);
    await expect(codeFor(policyNo)).rejects.toMatchObject({ status: 409 });
  });

  it('turns one "no" into a problem case the branch staff see, and frees a booked seat', async () => {
    const policyNo = await newPolicy('8831019900002');
    const customer = await claims('demo-customer-c001');
    const deps = callbackDeps(container);
    const { slots } = await (
      await import('../../src/callback/use-cases/list-callback-slots')
    ).listCallbackSlots(deps, customer, policyNo);
    const slot = slots[0]!;
    const { bookCallbackSlot } = await import('../../src/callback/use-cases/book-callback-slot');
    await bookCallbackSlot({ ...deps, metrics: container.metrics }, customer, policyNo, slot.slotId);
    const seatsBefore = (await container.repositories.callbackBookings.getSlot(slot.slotId))?.booked ?? 0;

    const code = await codeFor(policyNo);
    const result = await submitOnlineCallback(container, customer, policyNo, {
      code,
      answers: { ...ALL_YES, personalSignature: false },
    });
    expect(result.status).toBe('problem');
    expect((await container.repositories.callbackBookings.getSlot(slot.slotId))?.booked).toBe(
      seatsBefore - 1,
    );
    const stored = await container.repositories.callbackBookings.getBooking(policyNo);
    expect(stored?.outcome?.note).toContain('投保单、健康告知由本人亲笔签名');

    const sh = await listCallbackBookings(deps, await claims('demo-staff-sh'), FIXED_TODAY);
    expect(sh.online).toContainEqual(
      expect.objectContaining({ policyNo, status: 'problem', customerNameMasked: '张*' }),
    );
    const bj = await listCallbackBookings(deps, await claims('demo-staff-bj'), FIXED_TODAY);
    expect(bj.online.map((b) => b.policyNo)).not.toContain(policyNo);

    // The problem case waits in the branch's follow-up queue until a staff member there closes it.
    const queue = await listCallbackFollowUps(deps, await claims('demo-staff-sh'));
    expect(queue.followUps).toContainEqual(
      expect.objectContaining({ policyNo, source: 'online', status: 'open', customerNameMasked: '张*' }),
    );
    expect(JSON.stringify(queue)).not.toContain(zhangWei.phone);
    const elsewhere = await listCallbackFollowUps(deps, await claims('demo-staff-bj'));
    expect(elsewhere.followUps.map((f) => f.policyNo)).not.toContain(policyNo);
    await expect(
      resolveCallbackFollowUp(deps, await claims('demo-staff-bj'), policyNo, { note: '越权处理' }),
    ).rejects.toMatchObject({ status: 404 });
    const closed = await Promise.allSettled(
      ['已电话核实，客户确认为本人签名', '重复处理'].map(async (note) =>
        resolveCallbackFollowUp(deps, await claims('demo-staff-sh'), policyNo, { note }),
      ),
    );
    expect(closed.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(closed.find((r) => r.status === 'rejected')).toMatchObject({ reason: { status: 409 } });
    const after = await listCallbackFollowUps(deps, await claims('demo-staff-sh'));
    expect(after.followUps.map((f) => f.policyNo)).not.toContain(policyNo);
    expect(await container.repositories.callbackBookings.getFollowUp(policyNo)).toMatchObject({
      status: 'resolved',
      resolution: { resolvedBy: 'demo-staff-sh' },
    });
  });

  it('accepts a face verification of this callback instead of the code, not one made for another purpose', async () => {
    const policyNo = await newPolicy('8831019900004');
    const customer = await claims('demo-customer-c001');
    const passFace = async (purpose: string) => {
      await recordIdentityConsent(container, customer, FACE_ID_CONSENT_VERSION);
      const session = await startFaceVerification(container, customer, { purpose });
      await answerSandboxFaceVerification(container, customer, session.verifyId, 'success');
      await completeFaceVerification(container, customer, session.attemptId, {
        userAgent: 'vitest',
        ip: null,
      });
    };
    // Never verified: refused, pointing to verification.
    await expect(
      submitOnlineCallback(container, customer, policyNo, { answers: ALL_YES }),
    ).rejects.toMatchObject({
      status: 403,
    });
    // Verified for something else: still refused.
    await passFace('document:OTHER-1');
    await expect(
      submitOnlineCallback(container, customer, policyNo, { answers: ALL_YES }),
    ).rejects.toMatchObject({
      status: 403,
    });
    await passFace(onlineCallbackPurpose(policyNo));
    const result = await submitOnlineCallback(container, customer, policyNo, { answers: ALL_YES });
    expect(result.status).toBe('completed');
    const stored = await container.repositories.callbackBookings.getBooking(policyNo);
    expect(stored?.outcome?.recordedBy).toMatch(/^online-face#[^:]+:demo-customer-c001$/);
  });

  it('is for the policyholder alone and uses each code once', async () => {
    const policyNo = await newPolicy('8831019900003');
    await expect(
      sendOnlineCallbackCode(container, await claims('demo-customer-c011'), policyNo),
    ).rejects.toMatchObject({
      status: 404,
    });
    const customer = await claims('demo-customer-c001');
    await expect(
      submitOnlineCallback(container, customer, policyNo, { code: '123456', answers: ALL_YES }),
    ).rejects.toMatchObject({ status: 400, userMessage: '验证码已失效，请重新获取' });
  });
});

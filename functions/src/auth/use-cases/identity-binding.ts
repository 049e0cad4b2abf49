import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import { SENSITIVE_ID_CONSENT_VERSION } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import { describeWait } from '@zhixiang/shared/format/wait';
import { checkIdNumber } from '@zhixiang/shared/identity/id-number';
import type { CustomerRecord, UserAccountRecord } from '@zhixiang/shared/policy/model';
import type { OneTimeCodeRecord } from '@zhixiang/shared/ports/auth-store';
import type { AuthDeps, OneTimeCodeDeps } from './deps';

/** Rules shared by sending and checking the binding code. */
export const BIND_CODE_TTL_SECONDS = 5 * 60;
export const BIND_CODE_RESEND_SECONDS = 60;
export const BIND_MAX_WRONG_CODES = 5;
export const BIND_LOCK_MINUTES = 30;

/** The same words whichever of name, ID number or phone is wrong: nothing on file is revealed. */
export const IDENTITY_MISMATCH_MESSAGE =
  '您填写的姓名、身份证号码或手机号与我们登记的信息不一致，请核对后重试，或致电客服更新资料';

export const bindSubject = (userId: string) => `bind:${userId}`;
export const BINDING = '身份绑定';

export function assertBindable(user: UserAccountRecord): void {
  if (user.role !== 'customer') throw new AppError('FORBIDDEN', '只有客户账号可以绑定身份');
  if (user.customerId) throw new AppError('CONFLICT', '您已完成身份绑定，无需重复绑定');
}

export function assertSensitiveConsent(version: string): void {
  if (version !== SENSITIVE_ID_CONSENT_VERSION) {
    throw new AppError('VALIDATION_FAILED', '个人敏感信息处理说明已更新，请重新阅读并同意', {
      field: 'sensitiveConsentVersion',
    });
  }
}

/**
 * Refuses while `subject` is locked after too many wrong codes; `what` names the locked action
 * (身份绑定, 当面核验).
 */
export async function assertNotLocked(
  container: Pick<AuthDeps, 'lockouts' | 'now'>,
  subject: string,
  what: string,
): Promise<void> {
  const until = await container.lockouts.lockedUntil(subject, container.now());
  if (until !== null) {
    const seconds = Math.ceil((until - container.now()) / 1000);
    throw new AppError('LOCKED', `验证码错误次数过多，${what}已锁定，请在 ${describeWait(seconds)}后再试`, {
      retryAfterSeconds: seconds,
    });
  }
}

/**
 * Checks a code against the subject's pending one without using it up (the caller consumes it
 * once its own checks pass). A wrong code counts against it; the fifth wrong one drops the code
 * and locks `lockSubject` for 30 minutes, as binding does.
 */
export async function checkPendingCode(
  container: Pick<AuthDeps, 'oneTimeCodes' | 'lockouts' | 'secrets' | 'now'>,
  input: { subject: string; lockSubject: string; code: string; what: string },
): Promise<OneTimeCodeRecord> {
  const now = container.now();
  const pending = await container.oneTimeCodes.get(input.subject);
  if (!pending || pending.expiresAt <= now) {
    throw new AppError('VALIDATION_FAILED', '验证码已过期或未获取，请重新获取验证码', { field: 'code' });
  }
  const codeHash = await hashBindCode(container, input.subject, input.code);
  if (!sameText(codeHash, pending.codeHash)) {
    const attempts = await container.oneTimeCodes.recordFailedAttempt(input.subject);
    if (attempts >= BIND_MAX_WRONG_CODES) {
      await container.lockouts.lock(input.lockSubject, now + BIND_LOCK_MINUTES * 60_000);
      await container.oneTimeCodes.consume(input.subject, pending.codeHash);
      throw new AppError(
        'LOCKED',
        `验证码错误次数过多，${input.what}已锁定 ${BIND_LOCK_MINUTES} 分钟，请稍后再试`,
        { retryAfterSeconds: BIND_LOCK_MINUTES * 60 },
      );
    }
    throw new AppError('VALIDATION_FAILED', `验证码不正确，还可尝试 ${BIND_MAX_WRONG_CODES - attempts} 次`, {
      field: 'code',
    });
  }
  return pending;
}

/** Checks the ID number (checksum, a real past birth date in Shanghai time). */
export function validIdNumber(container: AuthDeps, idNumber: string): string {
  const check = checkIdNumber(idNumber, todayInShanghai(new Date(container.now())));
  if (!check.ok) throw new AppError('VALIDATION_FAILED', check.message, { field: 'idNumber' });
  return check.normalized;
}

/**
 * Finds the customer with that ID number whose name and phone on file match. The phones are
 * compared through their blind indexes (constant time), never by echoing what is stored.
 */
export async function findMatchingCustomer(
  container: AuthDeps,
  input: { name: string; idNumber: string; phone: string },
): Promise<{ customer: CustomerRecord; phoneIndex: string }> {
  const { fieldCipher } = container;
  const [customer, phoneIndex] = await Promise.all([
    container.repositories.customers.findByIdNumber(input.idNumber),
    fieldCipher.blindIndex('phone', input.phone),
  ]);
  const storedIndex = customer ? await fieldCipher.blindIndex('phone', customer.phone) : '';
  if (!customer || customer.name !== input.name || !sameText(storedIndex, phoneIndex)) {
    throw new AppError('VALIDATION_FAILED', IDENTITY_MISMATCH_MESSAGE, {
      logMessage: 'binding details do not match a customer',
    });
  }
  return { customer, phoneIndex };
}

export async function assertCustomerUnbound(
  container: AuthDeps,
  customerId: string,
  userId: string,
): Promise<void> {
  const bound = await container.repositories.users.findByCustomer(customerId);
  if (bound.some((u) => u.userId !== userId)) {
    throw new AppError('CONFLICT', '该客户已绑定其他微信账号，如需更换请致电客服');
  }
}

/** Keyed so a copy of the table cannot brute-force the six digits offline. */
export async function hashBindCode(
  container: Pick<OneTimeCodeDeps, 'secrets'>,
  subject: string,
  code: string,
): Promise<string> {
  const key = await container.secrets.tokenSigningKey();
  return createHmac('sha256', key).update(`otp:${subject}:${code}`).digest('base64url');
}

export interface OneTimeCodeIssue {
  /** Whose code this is (binding: the user; online callback: the policy and user). */
  subject: string;
  /** The phone the code goes to; only its blind index may be stored with the code. */
  to: string;
  phoneIndex: string;
  customerId: string;
  ttlSeconds: number;
  now: number;
}

/**
 * Draws a 6-digit code, stores only its keyed hash (replacing any earlier code of the subject) and
 * texts it. Binding and the online self-callback both prove "this is the phone on file" this way.
 */
export async function issueOneTimeCode(container: OneTimeCodeDeps, issue: OneTimeCodeIssue): Promise<void> {
  const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
  await container.oneTimeCodes.put({
    subject: issue.subject,
    codeHash: await hashBindCode(container, issue.subject, code),
    phoneIndex: issue.phoneIndex,
    customerId: issue.customerId,
    expiresAt: issue.now + issue.ttlSeconds * 1000,
    attempts: 0,
    createdAt: issue.now,
  });
  await container.sms.send({
    to: issue.to,
    template: 'bind_identity_code',
    code,
    validMinutes: issue.ttlSeconds / 60,
  });
}

/** Wrong codes a one-time code survives (the binding has its own lockout on top). */
export const MAX_WRONG_CODES = 5;

/**
 * Checks a code texted by `issueOneTimeCode` and uses it up: expired, exhausted, wrong or already
 * used codes are a 400 on `field` (a wrong one counts against the code).
 */
export async function consumeOneTimeCode(
  container: OneTimeCodeDeps,
  subject: string,
  code: string,
  field: string,
): Promise<void> {
  const stored = await container.oneTimeCodes.get(subject);
  if (!stored || stored.expiresAt <= container.now() || stored.attempts >= MAX_WRONG_CODES) {
    throw new AppError('VALIDATION_FAILED', '验证码已失效，请重新获取', { field });
  }
  const codeHash = await hashBindCode(container, subject, code);
  if (!sameText(codeHash, stored.codeHash)) {
    await container.oneTimeCodes.recordFailedAttempt(subject);
    throw new AppError('VALIDATION_FAILED', '验证码不正确', { field });
  }
  if (!(await container.oneTimeCodes.consume(subject, codeHash))) {
    throw new AppError('VALIDATION_FAILED', '验证码已使用，请重新获取', { field });
  }
}

export function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

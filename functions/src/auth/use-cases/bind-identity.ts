import type { AccessClaims, BindIdentityRequest, Me } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { AuthDeps } from './deps';
import {
  assertBindable,
  assertCustomerUnbound,
  assertNotLocked,
  assertSensitiveConsent,
  BIND_LOCK_MINUTES,
  BIND_MAX_WRONG_CODES,
  bindSubject,
  findMatchingCustomer,
  hashBindCode,
  sameText,
  validIdNumber,
} from './identity-binding';
import { describeUser, requireUser } from './session';

/**
 * Step 2: the code texted in step 1 proves the user holds the phone on file; the user account is
 * then linked to the customer. Five wrong codes lock binding for 30 minutes. The code is consumed
 * with a conditional delete, so two concurrent requests with the right code cannot both bind.
 */
export async function bindIdentity(
  container: AuthDeps,
  claims: AccessClaims,
  request: BindIdentityRequest,
): Promise<Me> {
  const user = await requireUser(container, claims.sub);
  assertBindable(user);
  assertSensitiveConsent(request.sensitiveConsentVersion);
  await assertNotLocked(container, user.userId);
  const idNumber = validIdNumber(container, request.idNumber);

  const subject = bindSubject(user.userId);
  const now = container.now();
  const pending = await container.oneTimeCodes.get(subject);
  if (!pending || pending.expiresAt <= now) {
    throw new AppError('VALIDATION_FAILED', '验证码已过期或未获取，请重新获取验证码', { field: 'code' });
  }

  const codeHash = await hashBindCode(container, subject, request.code);
  if (!sameText(codeHash, pending.codeHash)) {
    const attempts = await container.oneTimeCodes.recordFailedAttempt(subject);
    if (attempts >= BIND_MAX_WRONG_CODES) {
      await container.lockouts.lock(subject, now + BIND_LOCK_MINUTES * 60_000);
      await container.oneTimeCodes.consume(subject, pending.codeHash);
      throw new AppError(
        'LOCKED',
        `验证码错误次数过多，身份绑定已锁定 ${BIND_LOCK_MINUTES} 分钟，请稍后再试`,
        { retryAfterSeconds: BIND_LOCK_MINUTES * 60 },
      );
    }
    throw new AppError('VALIDATION_FAILED', `验证码不正确，还可尝试 ${BIND_MAX_WRONG_CODES - attempts} 次`, {
      field: 'code',
    });
  }

  // The code only vouches for the customer and phone it was sent for.
  const { customer, phoneIndex } = await findMatchingCustomer(container, {
    name: request.name,
    idNumber,
    phone: request.phone,
  });
  if (customer.customerId !== pending.customerId || !sameText(phoneIndex, pending.phoneIndex)) {
    throw new AppError('VALIDATION_FAILED', '信息与获取验证码时填写的不一致，请重新获取验证码', {
      field: 'code',
    });
  }
  await assertCustomerUnbound(container, customer.customerId, user.userId);
  if (!(await container.oneTimeCodes.consume(subject, pending.codeHash))) {
    throw new AppError('VALIDATION_FAILED', '验证码已使用，请重新获取验证码', { field: 'code' });
  }
  if (
    !(await container.customerBindings.claim(customer.customerId, user.userId, new Date(now).toISOString()))
  ) {
    throw new AppError('CONFLICT', '该客户已绑定其他微信账号，如需更换请致电客服');
  }

  const bound = { ...user, customerId: customer.customerId, displayName: customer.name };
  await container.repositories.users.put(bound);
  container.logger.info('identity bound', { userId: user.userId, customerId: customer.customerId });
  return describeUser(container, bound);
}

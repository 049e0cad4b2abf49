import type { AccessClaims, BindIdentityRequest, Me } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { AuthDeps } from './deps';
import {
  assertBindable,
  assertCustomerUnbound,
  assertNotLocked,
  assertSensitiveConsent,
  BINDING,
  bindSubject,
  checkPendingCode,
  findMatchingCustomer,
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
  await assertNotLocked(container, bindSubject(user.userId), BINDING);
  const idNumber = validIdNumber(container, request.idNumber);

  const subject = bindSubject(user.userId);
  const now = container.now();
  const pending = await checkPendingCode(container, {
    subject,
    lockSubject: subject,
    code: request.code,
    what: BINDING,
  });

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

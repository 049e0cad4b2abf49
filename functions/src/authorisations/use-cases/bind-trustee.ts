import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import {
  type TrusteeAuthorisation,
  type TrusteeBindCodeRequest,
  type TrusteeBindRequest,
  toTrusteeView,
} from '@zhixiang/shared/authorisations/trustee';
import { assertAuthorisationInForce } from '@zhixiang/shared/authorisations/trustee-rules';
import { AppError } from '@zhixiang/shared/errors';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type { AuthorisationRecord } from '@zhixiang/shared/ports/authorisations';
import type { PhoneCodes } from '@zhixiang/shared/ports/phone-codes';
import { maskPhone } from '@zhixiang/shared/privacy/mask';
import type { AuthorisationDeps } from './deps';
import { saveAuthorisation } from './own-authorisation';

/** What binding a trustee needs: the authorisations, the customers' names, and the SMS codes. */
export type TrusteeDeps = Pick<AuthorisationDeps, 'repositories' | 'now'> & { phoneCodes: PhoneCodes };

/** The same words whichever of the reference, name, ID type or number is wrong: nothing is revealed. */
export const TRUSTEE_MISMATCH_MESSAGE =
  '授权编号、姓名或证件号码与录像授权登记的受托人信息不一致，请核对后重试';
export const TRUSTEE_CODE_TTL_SECONDS = 5 * 60;

const codeSubject = (userId: string, authorisationId: string) => `trustee-bind:${userId}:${authorisationId}`;

/**
 * The authorisation the signed-in person names as its trustee: a WeChat user (not an agent or
 * staff), the trustee's name, ID type and number exactly as the customer recorded them, not the
 * customer themself, approved and in force, and not bound to another account.
 */
async function namedAuthorisation(
  deps: Pick<TrusteeDeps, 'repositories' | 'now'>,
  claims: AccessClaims,
  input: TrusteeBindCodeRequest,
): Promise<AuthorisationRecord> {
  if (claims.role !== 'customer')
    throw new AppError('FORBIDDEN', '受托办理须由受托人本人使用微信登录后办理，业务员和内勤账号不能绑定');
  const record = await deps.repositories.authorisations.get(input.authorisationId);
  const trustee = record?.poa.trustee;
  if (
    !record ||
    !trustee ||
    trustee.name !== input.name ||
    trustee.idType !== input.idType ||
    trustee.idNumber.toUpperCase() !== input.idNumber
  )
    throw new AppError('VALIDATION_FAILED', TRUSTEE_MISMATCH_MESSAGE, {
      logMessage: `trustee details do not match authorisation ${input.authorisationId}`,
    });
  if (claims.customerId && claims.customerId === record.customerId)
    throw new AppError('FORBIDDEN', '投保人本人不能作为自己的受托人');
  assertAuthorisationInForce(record, todayInShanghai(new Date(deps.now())));
  if (record.trustee)
    throw new AppError(
      'CONFLICT',
      record.trustee.userId === claims.sub
        ? '您已绑定该授权，无需重复绑定'
        : '该授权已由其他微信账号绑定为受托人，如有疑问请联系投保人或客服',
    );
  return record;
}

/** Texts a code to the phone the customer recorded for the trustee. */
export async function sendTrusteeBindCode(
  deps: TrusteeDeps,
  claims: AccessClaims,
  input: TrusteeBindCodeRequest,
): Promise<{ phoneMasked: string }> {
  const record = await namedAuthorisation(deps, claims, input);
  await deps.phoneCodes.send({
    subject: codeSubject(claims.sub, record.authorisationId),
    to: record.poa.trustee.phone,
    customerId: record.customerId,
    ttlSeconds: TRUSTEE_CODE_TTL_SECONDS,
  });
  return { phoneMasked: maskPhone(record.poa.trustee.phone) };
}

/**
 * Binds the authorisation to the trustee's account: the same checks, the code, then the record
 * with the trustee, their link and the audit event in one transaction on the version read — of
 * two accounts binding at once, one wins and the other gets 409.
 */
export async function bindTrustee(
  deps: TrusteeDeps,
  claims: AccessClaims,
  input: TrusteeBindRequest,
): Promise<TrusteeAuthorisation> {
  const record = await namedAuthorisation(deps, claims, input);
  await deps.phoneCodes.consume(codeSubject(claims.sub, record.authorisationId), input.code, 'code');
  const at = new Date(deps.now()).toISOString();
  const bound = await saveAuthorisation(
    deps,
    { ...record, trustee: { userId: claims.sub, boundAt: at } },
    { audit: { action: 'trustee_bound', byUserId: claims.sub, at } },
  );
  return trusteeView(deps, bound);
}

/** The authorisations bound to the signed-in trustee, with their standing today. */
export async function listTrusteeAuthorisations(
  deps: Pick<TrusteeDeps, 'repositories' | 'now'>,
  claims: AccessClaims,
): Promise<{ authorisations: TrusteeAuthorisation[] }> {
  if (claims.role !== 'customer') throw new AppError('FORBIDDEN', '受托办理须由受托人本人使用微信登录后办理');
  const records = await deps.repositories.authorisations.listByTrustee(claims.sub);
  return { authorisations: await Promise.all(records.map((r) => trusteeView(deps, r))) };
}

async function trusteeView(
  deps: Pick<TrusteeDeps, 'repositories' | 'now'>,
  record: AuthorisationRecord,
): Promise<TrusteeAuthorisation> {
  const grantor = await deps.repositories.customers.get(record.customerId);
  return toTrusteeView(record, { name: grantor?.name ?? '' }, todayInShanghai(new Date(deps.now())));
}

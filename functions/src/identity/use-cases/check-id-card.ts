import { randomUUID } from 'node:crypto';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import { checkIdCardReading, type IdCardResult, parseValidity } from '@zhixiang/shared/identity/id-card';
import { checkIdNumber } from '@zhixiang/shared/identity/id-number';
import { maskIdNumber } from '@zhixiang/shared/privacy/mask';
import type { IdentityDeps } from './deps';
import { loadCheckedUpload } from './load-identity-upload';
import { requireIdentityConsent } from './record-identity-consent';
import { loadVerificationSubject } from './verification-subject';

/**
 * Reads both sides of the ID card (OCR) and checks them: GB 11643 checksum and birth date, not
 * expired, and the name and number against the customer record — the number through the blind
 * index (the customer found by the read number must be this customer), never by decrypting and
 * comparing. A failed check is a 400 naming the field, without echoing the stored value.
 */
export async function checkIdCard(
  container: IdentityDeps,
  claims: AccessClaims,
  input: { frontUploadId: string; backUploadId: string; customerId?: string | undefined },
): Promise<IdCardResult> {
  const customer = await loadVerificationSubject(container, claims, input.customerId);
  await requireIdentityConsent(container, claims);
  const owner = { customerId: customer.customerId, userId: claims.sub };
  const [front, back] = await Promise.all([
    loadCheckedUpload(container, {
      ...owner,
      uploadId: input.frontUploadId,
      kind: 'id_card_front',
      field: 'frontUploadId',
    }),
    loadCheckedUpload(container, {
      ...owner,
      uploadId: input.backUploadId,
      kind: 'id_card_back',
      field: 'backUploadId',
    }),
  ]);
  const ocr = await container.idCardOcr();
  const [frontText, backText] = await Promise.all([
    ocr.readFront(front.bytes, front.contentType),
    ocr.readBack(back.bytes, back.contentType),
  ]);
  const now = container.now();
  const today = todayInShanghai(new Date(now));
  const numberOk = frontText.idNumber ? checkIdNumber(frontText.idNumber, today).ok : false;
  const found =
    numberOk && frontText.idNumber
      ? await container.repositories.customers.findByIdNumber(frontText.idNumber)
      : null;
  const validity = backText.validDate ? parseValidity(backText.validDate) : null;
  const checks = checkIdCardReading({ name: frontText.name, idNumber: frontText.idNumber, validity }, today, {
    nameMatches:
      frontText.name === null ? null : normaliseName(frontText.name) === normaliseName(customer.name),
    numberMatches: found?.customerId === customer.customerId,
  });
  const passed = checks.every((check) => check.status !== 'failed');
  const result: IdCardResult = {
    checkId: randomUUID(),
    passed,
    idNumberMasked: frontText.idNumber ? maskIdNumber(frontText.idNumber) : null,
    nameRead: frontText.name,
    validUntil: validity ? (validity.until ?? '长期') : null,
    checks,
  };
  await container.identityUploads.recordIdCardCheck({
    checkId: result.checkId,
    customerId: customer.customerId,
    userId: claims.sub,
    frontUploadId: input.frontUploadId,
    backUploadId: input.backUploadId,
    provider: ocr.provider,
    passed,
    idNumberMasked: result.idNumberMasked,
    validUntil: result.validUntil,
    checks,
    at: now,
  });
  const firstFailure = checks.find((check) => check.status === 'failed');
  if (firstFailure) {
    throw new AppError('VALIDATION_FAILED', `${firstFailure.label}：${firstFailure.message}`, {
      field: `idCard.${firstFailure.check}`,
    });
  }
  return result;
}

function normaliseName(name: string): string {
  return name.replace(/[\s·•.]/g, '');
}

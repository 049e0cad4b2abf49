import { addDays, todayInShanghai } from '@zhixiang/shared/format/dates';
import { idCheckCharacter } from '@zhixiang/shared/identity/id-number';
import type { AuthorisationRecord } from '@zhixiang/shared/ports/authorisations';

/** 李娜's (fictional) resident ID number and the phone 张伟 records for her as his trustee. */
export const TRUSTEE_ID_NUMBER = `11010519850303002${idCheckCharacter('11010519850303002')}`;
export const TRUSTEE_PHONE = '13912345678';

/**
 * 张伟's video authorisation as it stands once staff approved it (the recording's steps are
 * covered in authorisations.test.ts and e2e/authorisations.test.ts): his wife 李娜 as trustee, a
 * surrender of `policyNos`, the refund to `refundAccount`, valid 30 days from today; bound to a
 * trustee's account when `trustee` is given.
 */
export function approvedAuthorisation(
  authorisationId: string,
  poa: Partial<AuthorisationRecord['poa']> & Pick<AuthorisationRecord['poa'], 'policyNos'>,
  trustee: AuthorisationRecord['trustee'] = null,
): AuthorisationRecord {
  const at = new Date().toISOString();
  return {
    authorisationId,
    customerId: 'C001',
    userId: 'demo-customer-c001',
    status: 'approved',
    poa: {
      matters: ['surrender'],
      trustee: {
        name: '李娜',
        idType: 'id_card',
        idNumber: TRUSTEE_ID_NUMBER,
        relation: '配偶',
        phone: TRUSTEE_PHONE,
      },
      refundAccount: null,
      validUntil: addDays(todayInShanghai(), 30),
      document: { type: 'passport', number: 'E12345678', expiresOn: '2030-06-30' },
      ...poa,
    },
    reviewBranchPath: 'HQ/SH',
    consent: { version: '2026-12-05', at },
    documentPhoto: null,
    videoUpload: null,
    recording: null,
    rejectionReason: null,
    createdAt: at,
    submittedAt: at,
    decidedAt: at,
    trustee,
    version: 1,
  };
}

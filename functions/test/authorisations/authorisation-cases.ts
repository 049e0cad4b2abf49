import type { authorisationRoutes } from '@zhixiang/shared/authorisations/routes';
import { luhnCheckDigit } from '@zhixiang/shared/endorsement/renewal-account-change';
import { addDays, todayInShanghai } from '@zhixiang/shared/format/dates';
import { idCheckCharacter } from '@zhixiang/shared/identity/id-number';
import { type CasesFor, customersOnly, OWNER_POLICY, staffOnly } from '../support/authorisation-matrix';

/** A well-formed authorisation id nobody created. */
const NO_SUCH = 'SQ20261125DEADBEEF';
const PATH = `/me/authorisations/${NO_SUCH}`;
/** Customers: nobody's authorisation is theirs (404, as for one that does not exist); agents and staff 403. */
const CUSTOMERS_404 = customersOnly(404);

/** 张伟's power of attorney for his own policy: a passport, his wife as trustee, his own card. */
export const OWNER_POWER_OF_ATTORNEY = {
  policyNos: [OWNER_POLICY],
  matters: ['surrender'],
  trustee: {
    name: '李娜',
    idType: 'id_card',
    idNumber: `11010519850303002${idCheckCharacter('11010519850303002')}`,
    relation: '配偶',
    phone: '13912345678',
  },
  refundAccount: {
    cardHolderName: '张伟',
    cardNumber: `622202100087654321${luhnCheckDigit('622202100087654321')}`,
  },
  // The matrix runs on the real clock: 60 days from today, within the 90 allowed.
  validUntil: addDays(todayInShanghai(), 60),
  document: { type: 'passport', number: 'E12345678', expiresOn: '2030-06-30' },
};

const TRUSTEE_NAMING_NO_SUCH = {
  authorisationId: NO_SUCH,
  name: OWNER_POWER_OF_ATTORNEY.trustee.name,
  idType: 'id_card',
  idNumber: OWNER_POWER_OF_ATTORNEY.trustee.idNumber,
};

export const authorisationCases: CasesFor<typeof authorisationRoutes> = {
  // Only a policyholder gives a power of attorney over their own policies: 吴刚 naming 张伟's
  // policy is refused (400 with the reason); agents and staff 403.
  createAuthorisation: {
    method: 'POST',
    path: '/me/authorisations',
    body: OWNER_POWER_OF_ATTORNEY,
    expected: { ...customersOnly(400), owner: 201 },
  },
  // Each customer lists only their own.
  listMyAuthorisations: { method: 'GET', path: '/me/authorisations', expected: customersOnly(200) },
  getMyAuthorisation: { method: 'GET', path: PATH, expected: CUSTOMERS_404 },
  updateAuthorisation: { method: 'PUT', path: PATH, body: OWNER_POWER_OF_ATTORNEY, expected: CUSTOMERS_404 },
  revokeAuthorisation: { method: 'POST', path: `${PATH}/revoke`, expected: CUSTOMERS_404 },
  consentToAuthorisationRecording: {
    method: 'POST',
    path: `${PATH}/consent`,
    body: { version: '2026-12-05' },
    expected: CUSTOMERS_404,
  },
  createAuthorisationDocumentUpload: {
    method: 'POST',
    path: `${PATH}/document-photo/upload`,
    expected: CUSTOMERS_404,
  },
  checkAuthorisationDocumentPhoto: {
    method: 'POST',
    path: `${PATH}/document-photo`,
    expected: CUSTOMERS_404,
  },
  startAuthorisationVideoUpload: {
    method: 'POST',
    path: `${PATH}/video`,
    body: { sizeBytes: 1000 },
    expected: CUSTOMERS_404,
  },
  getAuthorisationVideoUpload: { method: 'GET', path: `${PATH}/video`, expected: CUSTOMERS_404 },
  presignAuthorisationVideoParts: {
    method: 'POST',
    path: `${PATH}/video/part-urls`,
    body: { partNumbers: [1] },
    expected: CUSTOMERS_404,
  },
  recordAuthorisationVideoPart: {
    method: 'PUT',
    path: `${PATH}/video/parts/1`,
    body: { etag: '"0123456789abcdef0123456789abcdef"' },
    expected: CUSTOMERS_404,
  },
  completeAuthorisationVideo: { method: 'POST', path: `${PATH}/video/complete`, expected: CUSTOMERS_404 },
  // Staff only (customers and agents 403): each lists the queue of their own subtree; nobody's
  // authorisation is reachable by a made-up id (404). Reviews themselves are covered in
  // functions/test/authorisations/.
  listAuthorisationReviews: {
    method: 'GET',
    path: '/staff/authorisations',
    ownerUserId: 'demo-staff-sh',
    expected: staffOnly(200),
  },
  getAuthorisationReview: {
    method: 'GET',
    path: `/staff/authorisations/${NO_SUCH}`,
    ownerUserId: 'demo-staff-sh',
    expected: staffOnly(404),
  },
  decideAuthorisation: {
    method: 'POST',
    path: `/staff/authorisations/${NO_SUCH}/decision`,
    ownerUserId: 'demo-staff-sh',
    body: {
      decision: 'reject',
      checklist: {
        faceMatchesDocument: false,
        everyElementRead: false,
        dateCorrect: false,
        noSignsOfCoercion: false,
        documentValid: false,
      },
      reason: '录像中未出示证件',
    },
    expected: staffOnly(404),
  },
  // A trustee, signed in with their own WeChat (a customer-role account): details matching no
  // authorisation are the same 400 for everyone; agents and staff 403. The binding itself, and
  // what a bound trustee reaches, are covered in functions/test/authorisations/trustee.test.ts.
  sendTrusteeBindCode: {
    method: 'POST',
    path: '/trustee/authorisations/code',
    body: TRUSTEE_NAMING_NO_SUCH,
    expected: customersOnly(400),
  },
  bindTrustee: {
    method: 'POST',
    path: '/trustee/authorisations',
    body: { ...TRUSTEE_NAMING_NO_SUCH, code: '123456' },
    expected: customersOnly(400),
  },
  // Each lists only the authorisations bound to their own account.
  listTrusteeAuthorisations: { method: 'GET', path: '/trustee/authorisations', expected: customersOnly(200) },
};

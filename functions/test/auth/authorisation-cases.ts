import type { authRoutes } from '@zhixiang/shared/auth/routes';
import { PRIVACY_GUIDE_VERSION, SENSITIVE_ID_CONSENT_VERSION } from '@zhixiang/shared/auth/schemas';
import {
  all,
  type CasesFor,
  customersOnly,
  data,
  OWNER_CUSTOMER,
  signedIn,
} from '../support/authorisation-matrix';

const consent = { privacyConsentVersion: PRIVACY_GUIDE_VERSION };
const bindRequest = {
  name: '张伟',
  idNumber: data.customers[0]!.idNumber,
  phone: data.customers[0]!.phone,
  sensitiveConsentVersion: SENSITIVE_ID_CONSENT_VERSION,
};

export const authCases: CasesFor<typeof authRoutes> = {
  // Public routes: a token neither helps nor hurts; an empty body is a validation error for everyone.
  signInWithWechat: { method: 'POST', path: '/auth/wechat', body: {}, expected: all(400) },
  refreshSession: {
    method: 'POST',
    path: '/auth/refresh',
    body: { refreshToken: 'not-a-real-refresh-token' },
    expected: all(401),
  },
  listDemoUsers: { method: 'GET', path: '/auth/demo-users', expected: all(200) },
  signInAsDemoUser: {
    method: 'POST',
    path: '/auth/demo',
    body: { userId: OWNER_CUSTOMER, ...consent },
    expected: all(200),
  },
  // Signed-in routes about the caller themself.
  signOut: {
    method: 'POST',
    path: '/auth/sign-out',
    body: { refreshToken: 'not-a-real-refresh-token' },
    expected: { ...signedIn(204), executive: 204 },
  },
  getMe: { method: 'GET', path: '/me', expected: { ...signedIn(200), executive: 200 } },
  sendBindCode: {
    method: 'POST',
    path: '/me/identity/code',
    body: bindRequest,
    expected: customersOnly(409),
  },
  bindIdentity: {
    method: 'POST',
    path: '/me/identity',
    body: { ...bindRequest, code: '123456' },
    expected: customersOnly(409),
  },
};

import type { ivrRoutes } from '@zhixiang/shared/ivr/routes';
import { all, type CasesFor, data, NO_SUCH_ID, staffOnly } from '../support/authorisation-matrix';

export const ivrCases: CasesFor<typeof ivrRoutes> = {
  // Caller pre-verification: the IVR proves itself by signature, so a token never helps.
  identifyCaller: {
    method: 'POST',
    path: '/ivr/identify',
    body: { callingNumber: '13800000001', idNumber: data.customers[0]!.idNumber },
    expected: all(401),
  },
  // Staff only; the screen-pops of real calls are covered in functions/test/ivr/.
  getCallScreenPop: {
    method: 'GET',
    path: `/ivr/calls/${NO_SUCH_ID}`,
    ownerUserId: 'demo-staff-sh',
    expected: staffOnly(404),
  },
};

import type { paymentRoutes } from '@zhixiang/shared/payments/routes';
import { DEMO_ENDORSEMENT_ID } from '../../src/seed/demo-endorsements';
import { all, type CasesFor, customerData } from '../support/authorisation-matrix';

/** A well-formed order number no order has. */
const NO_SUCH_ORDER = 'RP20261125ABCDEFGHJKLM';
/** Only the holder themself pays, in their own WeChat: agents, staff and executives are refused by role. */
const holderPays = (ownerStatus: number) => ({
  ...customerData(ownerStatus),
  unassignedAgent: 403,
  otherBranchStaff: 403,
  executive: 403,
});

export const paymentCases: CasesFor<typeof paymentRoutes> = {
  // 李娜's demo application is withdrawn: nothing to pay (409); anyone else learns nothing (404).
  createRepaymentPayment: {
    method: 'POST',
    path: `/endorsements/${DEMO_ENDORSEMENT_ID}/payment`,
    ownerUserId: 'demo-customer-c002',
    expected: holderPays(409),
  },
  queryRepaymentPayment: {
    method: 'POST',
    path: `/payments/${NO_SUCH_ORDER}/query`,
    expected: holderPays(404),
  },
  // WeChat Pay's notification: no token, and without its platform signature everyone gets 401.
  receiveWechatPayNotification: {
    method: 'POST',
    path: '/payments/wechat-pay/notifications',
    body: { id: 'forged' },
    expected: all(401),
  },
  settleSandboxPayment: {
    method: 'POST',
    path: `/payments/sandbox/${NO_SUCH_ORDER}`,
    body: { outcome: 'paid' },
    expected: holderPays(404),
  },
};

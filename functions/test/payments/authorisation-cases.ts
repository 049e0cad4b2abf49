import type { paymentRoutes } from '@zhixiang/shared/payments/routes';
import { DEMO_ENDORSEMENT_ID } from '../../src/seed/demo-endorsements';
import { all, type CasesFor, customerData, signedIn } from '../support/authorisation-matrix';

/** A well-formed instruction number no payout instruction has. */
const NO_SUCH_PAYOUT = 'PO20261125ABCDEFGHJKLM';
/** A well-formed debit instruction number no debit has. */
const NO_SUCH_DEBIT = 'RD20261125ABCDEFGHJKLM';
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
  // 李娜's demo application is withdrawn: nothing to debit (409); anyone else learns nothing (404);
  // only the holder chooses the renewal-account debit (agents, staff and executives: 403 by role).
  createRepaymentDebit: {
    method: 'POST',
    path: `/endorsements/${DEMO_ENDORSEMENT_ID}/debit`,
    ownerUserId: 'demo-customer-c002',
    expected: holderPays(409),
  },
  settleSandboxDebit: {
    method: 'POST',
    path: `/payments/debit-sandbox/${NO_SUCH_DEBIT}`,
    body: { outcome: 'success' },
    expected: holderPays(404),
  },
  // The finance system's result: no token, and without its HMAC signature everyone gets 401.
  receivePayoutResult: {
    method: 'POST',
    path: '/payouts/results',
    body: { reference: NO_SUCH_PAYOUT, outcome: 'paid', amountCents: 100 },
    expected: all(401),
  },
  // 李娜's demo application is withdrawn: it pays nothing (409); anyone else learns nothing (404).
  changePayoutAccount: {
    method: 'POST',
    path: `/endorsements/${DEMO_ENDORSEMENT_ID}/payout-account`,
    body: { cardHolderName: '李娜', cardNumber: '6222020200112233445' },
    ownerUserId: 'demo-customer-c002',
    expected: holderPays(409),
  },
  // 「付款对账」 needs the finance duty: the matrix's staff (北京 客服) has none, so 403 like everyone
  // not staff (functions/test/payments/payouts.test.ts shows the finance user's own subtree).
  listPayoutReconciliation: {
    method: 'GET',
    path: '/staff/payouts/reconciliation',
    expected: signedIn(403),
  },
  settleSandboxPayout: {
    method: 'POST',
    path: `/payouts/sandbox/${NO_SUCH_PAYOUT}`,
    body: { outcome: 'paid' },
    expected: holderPays(404),
  },
};

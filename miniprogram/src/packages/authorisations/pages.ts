import type Taro from '@tarojs/taro';

/**
 * Video authorisations (录像授权): the customer's list, the power of attorney's form, the
 * authorisation page (consent, photo page, recording and its resumable upload, the decision), and
 * the staff review queue with one authorisation's review; and 受托办理, where a trustee binds an
 * approved authorisation and opens the endorsement pages on it.
 */
export const authorisationsPackage: Taro.SubPackage = {
  root: 'packages/authorisations',
  pages: [
    'list/index',
    'edit/index',
    'detail/index',
    'reviews/index',
    'review/index',
    'trustee/index',
    'counter/index',
  ],
};

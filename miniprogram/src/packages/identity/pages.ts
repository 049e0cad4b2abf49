import type Taro from '@tarojs/taro';

/** Identity: binding, and identity verification (verify, ID photos, agent attestation, staff review queue). */
export const identityPackage: Taro.SubPackage = {
  root: 'packages/identity',
  pages: ['bind/index', 'verify/index', 'id-card/index', 'attest/index', 'reviews/index'],
};

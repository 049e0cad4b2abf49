import { generateKeyPairSync } from 'node:crypto';
import { beforeAll } from 'vitest';
import { startWechatPayFake, type WechatPayFake } from '../support/wechat-pay-fake';

const pem = () => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    privateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  };
};

/**
 * A test file's WeChat Pay: the local HTTP fake with a merchant and platform key of its own, and
 * the environment pointing the payments context's real client at it (WECHAT_PAY_PROVIDER=wechat).
 * Call before the stack's own beforeAll, so the system is built with it.
 */
export function useWechatPayFake() {
  const merchantKeys = pem();
  const platformKeys = pem();
  const merchant = {
    mchid: '1900000109',
    appId: 'wxlocalsandbox0000',
    merchantSerialNo: '5157F09EFDC096DE15EBE81A47057A72',
    merchantPrivateKeyPem: merchantKeys.privateKeyPem,
    apiV3Key: 'a'.repeat(16) + '0123456789abcdef',
    platformPublicKeyId: 'PUB_KEY_ID_0119000001092025',
    platformPublicKeyPem: platformKeys.publicKeyPem,
  };
  const keys = { ...merchant, platformPrivateKeyPem: platformKeys.privateKeyPem };
  let fake: WechatPayFake | undefined;
  beforeAll(async () => {
    fake = await startWechatPayFake({ ...keys, merchantPublicKeyPem: merchantKeys.publicKeyPem });
    Object.assign(process.env, {
      WECHAT_PAY_PROVIDER: 'wechat',
      WECHAT_PAY_API_BASE_URL: fake.url,
      WECHAT_PAY_SECRET: JSON.stringify(merchant),
    });
    return () => fake?.close();
  });
  return {
    fake: () => fake as WechatPayFake,
    keys,
    merchantPublicKeyPem: merchantKeys.publicKeyPem,
  };
}

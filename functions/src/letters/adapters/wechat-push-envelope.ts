import { AppError } from '@zhixiang/shared/errors';
import type { WechatPushSettings } from '../../platform/secrets';
import {
  decryptWechatMessage,
  MessageCipherError,
  signatureMatches,
  wechatSignature,
} from '../../platform/wechat/message-cipher';
import type { OpenedPush, PushEnvelope, PushQuery } from '../use-cases/receive-wechat-push';

/** WeChat's push timestamp (seconds) must be this close to ours. */
export const PUSH_MAX_SKEW_SECONDS = 300;

const refuse = (logMessage: string) =>
  new AppError('UNAUTHENTICATED', '消息推送签名校验失败', { logMessage: `wechat push: ${logMessage}` });

/**
 * The envelope of WeChat's message push: the URL check's signature, and the security mode's
 * `msg_signature` over the ciphertext, the AES decryption and the appid. Plaintext pushes are
 * refused: in plaintext mode WeChat's signature does not cover the body, so anyone holding one
 * signed query could post any body with it.
 */
export class WechatPushEnvelope implements PushEnvelope {
  constructor(
    private readonly settings: () => Promise<WechatPushSettings>,
    private readonly now: () => number,
  ) {}

  async verifyUrl(query: PushQuery): Promise<string> {
    const { signature = '', timestamp = '', nonce = '' } = query;
    if (!signature || !timestamp || !nonce) throw refuse('missing signature, timestamp or nonce');
    this.checkTimestamp(timestamp);
    const { token } = await this.settings();
    if (!signatureMatches(wechatSignature(token, timestamp, nonce), signature))
      throw refuse('signature mismatch');
    if (!query.echostr) throw new AppError('VALIDATION_FAILED', '缺少 echostr', { field: 'echostr' });
    return query.echostr;
  }

  async open(query: PushQuery, rawBody: string): Promise<OpenedPush> {
    const { msg_signature: msgSignature = '', timestamp = '', nonce = '' } = query;
    if (!msgSignature || !timestamp || !nonce) {
      if (query.signature && !query.encrypt_type)
        throw new AppError('VALIDATION_FAILED', '消息推送须使用安全模式（加密）', { field: 'encrypt_type' });
      throw refuse('missing msg_signature, timestamp or nonce');
    }
    if (query.encrypt_type !== 'aes')
      throw new AppError('VALIDATION_FAILED', '消息推送须使用安全模式（加密）', { field: 'encrypt_type' });
    this.checkTimestamp(timestamp);
    let envelope: { Encrypt?: unknown };
    try {
      envelope = JSON.parse(rawBody) as { Encrypt?: unknown };
    } catch (cause) {
      throw new AppError('MALFORMED_JSON', undefined, { cause });
    }
    const encrypt = envelope?.Encrypt;
    if (typeof encrypt !== 'string' || !encrypt)
      throw new AppError('VALIDATION_FAILED', '消息推送缺少加密内容 Encrypt', { field: 'Encrypt' });
    const { token, aesKey, appId } = await this.settings();
    if (!signatureMatches(wechatSignature(token, timestamp, nonce, encrypt), msgSignature))
      throw refuse('msg_signature mismatch');
    let opened: { message: string; appId: string };
    try {
      opened = decryptWechatMessage(aesKey, encrypt);
    } catch (error) {
      if (error instanceof MessageCipherError) throw refuse(`cannot decrypt: ${error.message}`);
      throw error;
    }
    if (opened.appId !== appId) throw refuse(`pushed to appid ${opened.appId}, not ours`);
    return { message: opened.message, replayKey: `NONCE#${timestamp}#${nonce}` };
  }

  private checkTimestamp(timestamp: string): void {
    if (
      !/^\d{9,11}$/.test(timestamp) ||
      Math.abs(this.now() / 1000 - Number(timestamp)) > PUSH_MAX_SKEW_SECONDS
    )
      throw refuse(`timestamp ${timestamp} outside ±5 min`);
  }
}

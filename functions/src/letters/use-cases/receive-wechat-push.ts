import { createHash, timingSafeEqual } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import { AppError } from '@zhixiang/shared/errors';
import type { LetterStore } from '@zhixiang/shared/ports/letters';
import type { NoticeStore, SubscribeCreditLedger } from '@zhixiang/shared/ports/notices';

/** WeChat's push timestamp (seconds) must be this close to ours. */
export const PUSH_MAX_SKEW_SECONDS = 300;
const MAX_PUSH_BYTES = 64 * 1024;
/** WeChat retries an unanswered push for about 15 s; a handled event's key is kept well beyond that. */
const EVENT_KEY_MS = 24 * 3_600_000;

/** The message-push signature: SHA-1 of the sorted Token, timestamp and nonce, joined. */
export function wechatPushSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}

export interface PushQuery {
  signature?: string;
  timestamp?: string;
  nonce?: string;
  echostr?: string;
}

/** Refuses a push WeChat did not sign with our Token, or one outside ±5 minutes. */
export async function verifyWechatPush(
  query: PushQuery,
  deps: { token: () => Promise<string>; now: () => number },
): Promise<void> {
  const { signature = '', timestamp = '', nonce = '' } = query;
  const refuse = (logMessage: string) =>
    new AppError('UNAUTHENTICATED', '消息推送签名校验失败', { logMessage: `wechat push: ${logMessage}` });
  if (!signature || !timestamp || !nonce) throw refuse('missing signature, timestamp or nonce');
  if (
    !/^\d{9,11}$/.test(timestamp) ||
    Math.abs(deps.now() / 1000 - Number(timestamp)) > PUSH_MAX_SKEW_SECONDS
  )
    throw refuse(`timestamp ${timestamp} outside ±5 min`);
  const expected = Buffer.from(wechatPushSignature(await deps.token(), timestamp, nonce));
  const given = Buffer.from(signature.toLowerCase());
  if (expected.length !== given.length || !timingSafeEqual(expected, given))
    throw refuse('signature mismatch');
}

interface PushItem {
  TemplateId?: string;
  SubscribeStatusString?: string;
  MsgID?: string | number;
  ErrorCode?: string | number;
  ErrorStatus?: string;
}

interface PushBody {
  FromUserName?: string;
  CreateTime?: number | string;
  Event?: string;
  /** WeChat sends one item as an object and several as an array: both are accepted. */
  List?: PushItem | PushItem[];
  [name: string]: unknown;
}

export interface PushDeps {
  credits: Pick<SubscribeCreditLedger, 'add' | 'clear' | 'messageRef' | 'claimEvent'>;
  notices: Pick<NoticeStore, 'countFunnel'>;
  letters: Pick<LetterStore, 'markDelivered'>;
  logger: Pick<Logger, 'info' | 'warn'>;
  now: () => number;
}

/**
 * Subscribe-message events pushed by WeChat (JSON format):
 * - `subscribe_msg_popup_event`: the user tapped the consent dialog; each `accept` adds one send
 *   credit for (openid, template) — the only way credits are earned;
 * - `subscribe_msg_change_event`: the user changed the setting; `reject` clears the credits;
 * - `subscribe_msg_sent_event`: the delivery result of a message we sent; ErrorCode 0 counts as
 *   "delivered" in the funnel of the notice that sent it, unless the letter's link was opened
 *   first (which already counted it: a notice is delivered once).
 * A push WeChat retries is handled once (its FromUserName + CreateTime + Event claimed first).
 */
export async function receiveWechatPush(deps: PushDeps, rawBody: string): Promise<'success'> {
  if (Buffer.byteLength(rawBody) > MAX_PUSH_BYTES) throw new AppError('PAYLOAD_TOO_LARGE');
  let body: PushBody;
  try {
    body = JSON.parse(rawBody) as PushBody;
  } catch (cause) {
    throw new AppError('MALFORMED_JSON', undefined, { cause });
  }
  const openid = body.FromUserName;
  const event = body.Event;
  if (typeof openid !== 'string' || !openid || typeof event !== 'string') {
    deps.logger.info('wechat push ignored: not a user event', { event });
    return 'success';
  }
  if (!(await deps.credits.claimEvent(`${openid}#${body.CreateTime}#${event}`, deps.now() + EVENT_KEY_MS)))
    return 'success';
  const items = body.List === undefined ? [] : Array.isArray(body.List) ? body.List : [body.List];
  const now = deps.now();
  for (const item of items) {
    const templateId = item.TemplateId;
    if (!templateId) continue;
    switch (event) {
      case 'subscribe_msg_popup_event':
        if (item.SubscribeStatusString === 'accept') await deps.credits.add(openid, templateId, 1, now);
        break;
      case 'subscribe_msg_change_event':
        if (item.SubscribeStatusString === 'reject') await deps.credits.clear(openid, templateId, now);
        break;
      case 'subscribe_msg_sent_event': {
        const sent = item.MsgID === undefined ? null : await deps.credits.messageRef(String(item.MsgID));
        if (!sent) break;
        if (String(item.ErrorCode) === '0') {
          if (!sent.letterId || (await deps.letters.markDelivered(sent.letterId, now)))
            await deps.notices.countFunnel(sent.ref, ['delivered']);
        } else
          deps.logger.warn('subscribe message not delivered', {
            ...sent.ref,
            errorCode: item.ErrorCode,
            errorStatus: item.ErrorStatus,
          });
        break;
      }
      default:
        deps.logger.info('wechat push event not handled', { event });
    }
  }
  return 'success';
}

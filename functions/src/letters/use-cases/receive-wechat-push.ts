import type { Logger } from '@aws-lambda-powertools/logger';
import { AppError } from '@zhixiang/shared/errors';
import type { LetterStore } from '@zhixiang/shared/ports/letters';
import type { NoticeStore, SubscribeCreditLedger } from '@zhixiang/shared/ports/notices';

const MAX_PUSH_BYTES = 64 * 1024;
/** WeChat retries an unanswered push for about 15 s; a handled event's key is kept well beyond that. */
const EVENT_KEY_MS = 24 * 3_600_000;
/** A push's (timestamp, nonce) is accepted once; beyond ±5 minutes the timestamp is refused anyway. */
const REPLAY_KEY_MS = 10 * 60_000;

export interface PushQuery {
  signature?: string;
  timestamp?: string;
  nonce?: string;
  echostr?: string;
  encrypt_type?: string;
  msg_signature?: string;
}

/** A push whose signature, decryption and appid held: its plaintext and its replay key. */
export interface OpenedPush {
  message: string;
  replayKey: string;
}

/** WeChat's message-push envelope (the security mode): checks and opens what WeChat sends. */
export interface PushEnvelope {
  /** The URL check (GET): the echostr to answer, once the signature holds. */
  verifyUrl(query: PushQuery): Promise<string>;
  open(query: PushQuery, rawBody: string): Promise<OpenedPush>;
}

/**
 * A push in security mode: opened by the envelope, then accepted once per (timestamp, nonce) —
 * the nonce store refuses a replay within the timestamp window — and handled. A push whose
 * handling fails gives its nonce back, so WeChat's retry of it is handled rather than refused.
 */
export async function receiveSecureWechatPush(
  deps: PushDeps & { envelope: Pick<PushEnvelope, 'open'> },
  query: PushQuery,
  rawBody: string,
): Promise<'success'> {
  const opened = await deps.envelope.open(query, rawBody);
  if (!(await deps.credits.claimEvent(opened.replayKey, deps.now() + REPLAY_KEY_MS)))
    throw new AppError('UNAUTHENTICATED', '消息推送签名校验失败', {
      logMessage: 'wechat push: nonce already used (replay)',
    });
  try {
    return await receiveWechatPush(deps, opened.message);
  } catch (error) {
    await deps.credits.releaseEvent(opened.replayKey);
    throw error;
  }
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
  credits: Pick<SubscribeCreditLedger, 'add' | 'clear' | 'messageRef' | 'claimEvent' | 'releaseEvent'>;
  notices: Pick<NoticeStore, 'countFunnel'>;
  letters: Pick<LetterStore, 'recordReached'>;
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
 * A push WeChat retries is handled once (its FromUserName + CreateTime + Event claimed first); if
 * handling fails the claim is given back, so the retry is handled rather than skipped.
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
  const eventKey = `${openid}#${body.CreateTime}#${event}`;
  if (!(await deps.credits.claimEvent(eventKey, deps.now() + EVENT_KEY_MS))) return 'success';
  try {
    await applyPushItems(deps, openid, event, body.List);
  } catch (error) {
    // Handling failed: the event is given back so WeChat's retry handles it, rather than skips it.
    await deps.credits.releaseEvent(eventKey);
    throw error;
  }
  return 'success';
}

async function applyPushItems(
  deps: PushDeps,
  openid: string,
  event: string,
  list: PushBody['List'],
): Promise<void> {
  const items = list === undefined ? [] : Array.isArray(list) ? list : [list];
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
          if (sent.letterId) await deps.letters.recordReached(sent.letterId, now, false, sent.ref);
          else await deps.notices.countFunnel(sent.ref, ['delivered']);
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
}

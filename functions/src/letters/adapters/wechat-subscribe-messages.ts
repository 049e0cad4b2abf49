import { randomUUID } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type {
  SubscribeMessage,
  SubscribeMessageSender,
  SubscribeSendResult,
} from '@zhixiang/shared/ports/notices';
import { NO_CREDIT_ERRCODE } from '@zhixiang/shared/ports/notices';
import { assertLocalStage, type Stage } from '../../platform/config';
import type { Platform } from '../../platform/process';
import {
  createWechatAccessTokens,
  postWechat,
  type WechatAccessTokenSource,
} from '../../platform/wechat/wechat-access-token';

interface SendResponse {
  errcode?: number;
  errmsg?: string;
  msgid?: number | string;
}

/**
 * The real client of `POST /cgi-bin/message/subscribe/send` (subscribeMessage.send), with the
 * access_token shared by every WeChat client (retried once when stale).
 */
export class WechatSubscribeMessages implements SubscribeMessageSender {
  constructor(
    private readonly options: {
      apiBaseUrl: string;
      tokens: WechatAccessTokenSource;
      /** formal (released), trial or developer: which version of the mini program the message opens. */
      miniprogramState?: 'formal' | 'trial' | 'developer';
      fetchImpl?: typeof fetch;
      timeoutMs?: number;
    },
  ) {}

  async send(message: SubscribeMessage): Promise<SubscribeSendResult> {
    const body = await postWechat<SendResponse>(this.options, '/cgi-bin/message/subscribe/send', {
      touser: message.openid,
      template_id: message.templateId,
      page: message.page,
      data: message.data,
      miniprogram_state: this.options.miniprogramState ?? 'formal',
      lang: 'zh_CN',
    });
    if (!body.errcode) return { status: 'accepted', msgId: String(body.msgid ?? '') };
    if (body.errcode === NO_CREDIT_ERRCODE) return { status: 'no_credit' };
    return { status: 'refused', errcode: body.errcode, errmsg: body.errmsg ?? '' };
  }
}

export interface WechatOutboxLine extends SubscribeMessage {
  msgId: string;
  at: string;
}

/**
 * Local stage only: "sends" a subscribe message by appending one JSON line to a file the
 * developer reads (`npm run admin -- outbox`). Credits are our ledger's business, spent before this.
 */
export class SandboxOutboxSubscribeMessages implements SubscribeMessageSender {
  constructor(
    stage: Stage,
    private readonly file: string,
    private readonly now: () => number = Date.now,
  ) {
    assertLocalStage(stage, 'SandboxOutboxSubscribeMessages');
  }

  async send(message: SubscribeMessage): Promise<SubscribeSendResult> {
    const msgId = `sandbox-${randomUUID()}`;
    const line: WechatOutboxLine = { ...message, msgId, at: new Date(this.now()).toISOString() };
    await mkdir(dirname(this.file), { recursive: true });
    await appendFile(this.file, `${JSON.stringify(line)}\n`);
    return { status: 'accepted', msgId };
  }
}

/** WeChat's subscribeMessage.send when deployed, the local outbox file on the local stage. */
export function createSubscribeMessageSender(platform: Platform): SubscribeMessageSender {
  const provider = platform.config.notices.subscribeMessages;
  return provider.provider === 'wechat'
    ? new WechatSubscribeMessages({
        apiBaseUrl: provider.apiBaseUrl,
        tokens: createWechatAccessTokens(platform),
      })
    : new SandboxOutboxSubscribeMessages(platform.config.stage, provider.outboxFile, platform.now);
}

import type { SmsSender } from '@zhixiang/shared/ports/sms-sender';
import type { Platform } from '../process';
import { SandboxOutboxSms } from './sandbox-outbox-sms';
import { TencentSms } from './tencent-sms';

/** Tencent Cloud SMS on deployed stages, the local outbox file on the local stage (refused elsewhere). */
export function createSmsSender({ config, secrets, now }: Platform): SmsSender {
  return config.sms.provider === 'tencent'
    ? new TencentSms(config.sms.endpoint, config.sms.region, secrets.tencentSms, fetch, now)
    : new SandboxOutboxSms(config.stage, config.sms.outboxFile, now);
}

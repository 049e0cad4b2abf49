import { createHash, createHmac } from 'node:crypto';
import { AppError } from '@zhixiang/shared/errors';
import {
  type SmsMessage,
  type SmsSender,
  type SmsTemplate,
  smsTemplateParams,
} from '@zhixiang/shared/ports/sms-sender';
import { maskPhone } from '@zhixiang/shared/privacy/mask';

export interface TencentSmsSettings {
  secretId: string;
  secretKey: string;
  sdkAppId: string;
  signName: string;
  /** Template ids approved in the Tencent console, per product template. */
  templateIds: Record<SmsTemplate, string>;
}

const SERVICE = 'sms';
const ACTION = 'SendSms';
const VERSION = '2021-01-11';

interface SendSmsResponse {
  Response?: {
    Error?: { Code: string; Message: string };
    SendStatusSet?: { Code: string; Message: string; PhoneNumber: string }[];
    RequestId?: string;
  };
}

/**
 * Tencent Cloud SMS, API v3 `SendSms` signed with TC3-HMAC-SHA256
 * (https://cloud.tencent.com/document/api/382/55981, signing: /document/api/382/52072).
 */
export class TencentSms implements SmsSender {
  constructor(
    private readonly endpoint: string,
    private readonly region: string,
    private readonly settings: () => Promise<TencentSmsSettings>,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly now: () => number = Date.now,
  ) {}

  async send(message: SmsMessage): Promise<void> {
    const settings = await this.settings();
    const payload = JSON.stringify({
      PhoneNumberSet: [`+86${message.to}`],
      SmsSdkAppId: settings.sdkAppId,
      SignName: settings.signName,
      TemplateId: settings.templateIds[message.template],
      TemplateParamSet: smsTemplateParams(message),
    });
    const url = new URL(this.endpoint);
    const headers = signTc3Request({
      host: url.host,
      payload,
      action: ACTION,
      version: VERSION,
      region: this.region,
      timestamp: Math.floor(this.now() / 1000),
      secretId: settings.secretId,
      secretKey: settings.secretKey,
    });

    let body: SendSmsResponse;
    try {
      const response = await this.fetchImpl(url, {
        method: 'POST',
        headers,
        body: payload,
        signal: AbortSignal.timeout(5000),
      });
      body = (await response.json()) as SendSmsResponse;
    } catch (cause) {
      throw new AppError('UPSTREAM_FAILED', '短信发送失败，请稍后再试', {
        cause,
        logMessage: 'Tencent SMS request failed',
      });
    }
    const error = body.Response?.Error;
    if (error) throw smsError(error.Code, `Tencent SMS error ${error.Code}: ${error.Message}`);
    const status = body.Response?.SendStatusSet?.[0];
    if (!status) throw smsError('NoStatus', 'Tencent SMS returned no send status');
    if (status.Code !== 'Ok') {
      throw smsError(
        status.Code,
        `Tencent SMS refused ${maskPhone(message.to)}: ${status.Code} ${status.Message}`,
      );
    }
  }
}

function smsError(code: string, logMessage: string): AppError {
  if (code.startsWith('LimitExceeded')) {
    return new AppError('RATE_LIMITED', '该手机号接收短信过于频繁，请稍后再试', { logMessage });
  }
  if (
    code === 'InvalidParameterValue.IncorrectPhoneNumber' ||
    code === 'FailedOperation.PhoneNumberInBlacklist'
  ) {
    return new AppError('VALIDATION_FAILED', '该手机号暂时无法接收短信，请联系客服', {
      field: 'phone',
      logMessage,
    });
  }
  return new AppError('UPSTREAM_FAILED', '短信发送失败，请稍后再试', { logMessage });
}

export interface Tc3SigningInput {
  host: string;
  payload: string;
  action: string;
  version: string;
  region: string;
  timestamp: number;
  secretId: string;
  secretKey: string;
  service?: string;
}

const CONTENT_TYPE = 'application/json; charset=utf-8';

/** Builds the headers of a TC3-HMAC-SHA256 signed request (exported for the fake server's checks). */
export function signTc3Request(input: Tc3SigningInput): Record<string, string> {
  const service = input.service ?? SERVICE;
  const date = new Date(input.timestamp * 1000).toISOString().slice(0, 10);
  const signedHeaders = 'content-type;host;x-tc-action';
  const canonicalRequest = [
    'POST',
    '/',
    '',
    `content-type:${CONTENT_TYPE}\nhost:${input.host}\nx-tc-action:${input.action.toLowerCase()}\n`,
    signedHeaders,
    sha256Hex(input.payload),
  ].join('\n');
  const credentialScope = `${date}/${service}/tc3_request`;
  const stringToSign = [
    'TC3-HMAC-SHA256',
    String(input.timestamp),
    credentialScope,
    sha256Hex(canonicalRequest),
  ].join('\n');
  const secretDate = hmac(`TC3${input.secretKey}`, date);
  const secretService = hmac(secretDate, service);
  const secretSigning = hmac(secretService, 'tc3_request');
  const signature = createHmac('sha256', secretSigning).update(stringToSign).digest('hex');
  return {
    Authorization: `TC3-HMAC-SHA256 Credential=${input.secretId}/${credentialScope}, SignedHeaders=${signedHeaders}, Signature=${signature}`,
    'Content-Type': CONTENT_TYPE,
    Host: input.host,
    'X-TC-Action': input.action,
    'X-TC-Timestamp': String(input.timestamp),
    'X-TC-Version': input.version,
    'X-TC-Region': input.region,
  };
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data).digest();
}

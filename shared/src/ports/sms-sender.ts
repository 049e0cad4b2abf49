/** Sends one-time codes by SMS (Tencent Cloud SMS when deployed, a file outbox in the local stage). */
/** `callback_reminder` carries the call's time as `code` and the minutes until it as `validMinutes`. */
export type SmsTemplate = 'bind_identity_code' | 'callback_reminder';

export interface SmsMessage {
  /** Mainland mobile number, 11 digits, no country code. */
  to: string;
  template: SmsTemplate;
  code: string;
  /** Minutes the code stays valid, shown in the text. */
  validMinutes: number;
}

export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}

/** Sends one-time codes by SMS (Tencent Cloud SMS when deployed, a file outbox in the local stage). */
export type SmsTemplate = 'bind_identity_code';

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

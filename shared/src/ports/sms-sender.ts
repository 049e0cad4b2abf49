/** Sends text messages by SMS (Tencent Cloud SMS when deployed, a file outbox in the local stage). */
export type SmsTemplate = SmsMessage['template'];

/**
 * One message per approved template. `code` is the template's first variable: the one-time code,
 * the call's time (`callback_reminder`) or the callback deadline (`callback_unreachable`).
 */
export type SmsMessage =
  | {
      /** Mainland mobile number, 11 digits, no country code. */
      to: string;
      template: 'bind_identity_code' | 'callback_reminder';
      code: string;
      /** Minutes the code stays valid, or until the call. */
      validMinutes: number;
    }
  | {
      to: string;
      /** 「回访电话未能接通，请于{deadline}前重新预约或在线自助回访」 */
      template: 'callback_unreachable';
      code: string;
    }
  // E-letters and renewal notices: 「您有一封{code}，请点击 {link} 查看」, code = the letter's title.
  | {
      to: string;
      template: 'letter_link';
      code: string;
      /** The letter's signed, expiring link (no sign-in needed). */
      link: string;
    }
  | {
      to: string;
      /** Assistant live chat: 「您于{time}的留言已有回复，请打开小程序「客服」查看」 */
      template: 'handoff_reply';
      code: string;
    }
  // Customer notifications (消息中心): 「{code}：{text}。详情请打开小程序「消息中心」查看」,
  // code = the message's title, text = its short text.
  | {
      to: string;
      template: 'notification';
      code: string;
      text: string;
    };

/** The template's variables in the order the approved template text uses them. */
export function smsTemplateParams(message: SmsMessage): string[] {
  if (message.template === 'letter_link') return [message.code, message.link];
  if (message.template === 'notification') return [message.code, message.text];
  return message.template === 'callback_unreachable' || message.template === 'handoff_reply'
    ? [message.code]
    : [message.code, String(message.validMinutes)];
}

export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}

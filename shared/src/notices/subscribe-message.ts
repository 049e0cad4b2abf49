import noticeTemplatesJson from '../../../config/notice-templates.json';
import { formatDateCn, formatShanghaiDateTime } from '../format/dates';
import type { NoticeType } from './due-notices';

/**
 * WeChat subscribe messages (订阅消息): the templates per notice type (ids in
 * config/notice-templates.json) and the field rules WeChat enforces — a value that breaks them is
 * refused with errcode 47003, so values are shaped here, before sending.
 * Types and limits: https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html
 */
export const FIELD_TYPES = [
  'thing',
  'amount',
  'date',
  'time',
  'character_string',
  'phrase',
  'number',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export interface SubscribeTemplate {
  templateId: string;
  /** The mini program page the message opens. */
  page: string;
  fields: Record<string, { type: FieldType; from: string }>;
}

export const subscribeTemplates = noticeTemplatesJson.subscribeMessages as Record<
  NoticeType,
  SubscribeTemplate
>;

/** `wx.requestSubscribeMessage` accepts at most this many template ids per tap. */
export const MAX_TEMPLATES_PER_REQUEST = 5;

/** The templates the renewal page asks for in one tap: the pre-debit and the success notice together. */
export function renewalTemplateIds(): string[] {
  return [subscribeTemplates.pre_debit.templateId, subscribeTemplates.debit_success.templateId];
}

export class SubscribeFieldError extends Error {
  constructor(field: string, type: FieldType, value: string) {
    super(`subscribe message field ${field} (${type}) cannot carry "${value}"`);
    this.name = 'SubscribeFieldError';
  }
}

/**
 * One field value shaped for its type: `thing` at most 20 characters (longer text is shortened
 * with an ellipsis), `phrase` at most 5 Chinese characters, `character_string` at most 32 letters,
 * digits and symbols, `amount` a number with two decimals and 元, `date` 2026年11月30日, `time` an
 * instant as its Shanghai day and time, 2026年11月30日 09:30.
 * A value that cannot be shaped (a date that is not a date) throws: that is a bug in our data.
 */
export function fieldValue(field: string, type: FieldType, raw: string): string {
  const chars = Array.from(raw.trim());
  switch (type) {
    case 'thing':
      if (chars.length === 0) throw new SubscribeFieldError(field, type, raw);
      return chars.length <= 20 ? chars.join('') : `${chars.slice(0, 19).join('')}…`;
    case 'phrase':
      if (!/^[\u4e00-\u9fa5]{1,5}$/.test(raw)) throw new SubscribeFieldError(field, type, raw);
      return raw;
    case 'character_string':
      if (!/^[\x21-\x7e]{1,32}$/.test(raw)) throw new SubscribeFieldError(field, type, raw);
      return raw;
    case 'number':
      if (!/^\d{1,32}(\.\d+)?$/.test(raw)) throw new SubscribeFieldError(field, type, raw);
      return raw;
    case 'amount': {
      // raw is integer cents.
      if (!/^\d{1,12}$/.test(raw)) throw new SubscribeFieldError(field, type, raw);
      const cents = Number(raw);
      return `${Math.trunc(cents / 100)}.${String(cents % 100).padStart(2, '0')}元`;
    }
    case 'date':
      if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) throw new SubscribeFieldError(field, type, raw);
      return formatDateCn(raw);
    case 'time': {
      // raw is an ISO instant.
      if (!/^\d{4}-\d{2}-\d{2}T/.test(raw) || Number.isNaN(Date.parse(raw)))
        throw new SubscribeFieldError(field, type, raw);
      const shanghai = formatShanghaiDateTime(raw);
      return `${formatDateCn(shanghai)} ${shanghai.slice(11)}`;
    }
  }
}

/** The `data` object of subscribeMessage.send for a template and the notice's values. */
export function subscribeMessageData(
  template: SubscribeTemplate,
  values: Record<string, string>,
): Record<string, { value: string }> {
  const data: Record<string, { value: string }> = {};
  for (const [field, spec] of Object.entries(template.fields)) {
    data[field] = { value: fieldValue(field, spec.type, values[spec.from] ?? '') };
  }
  return data;
}

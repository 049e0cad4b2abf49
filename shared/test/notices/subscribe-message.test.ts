import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fieldValue,
  MAX_TEMPLATES_PER_REQUEST,
  renewalTemplateIds,
  SubscribeFieldError,
  subscribeMessageData,
  subscribeTemplates,
} from '../../src/notices/subscribe-message';

describe('subscribe message field values', () => {
  it('shortens thing values to at most 20 characters', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1, maxLength: 60 }).filter((s) => s.trim().length > 0),
        (text) => {
          expect(Array.from(fieldValue('thing1', 'thing', text)).length).toBeLessThanOrEqual(20);
        },
      ),
    );
    expect(fieldValue('thing1', 'thing', '示例人寿终身寿险（分红型）二〇二六版附加长期意外伤害保险')).toBe(
      '示例人寿终身寿险（分红型）二〇二六版附…',
    );
  });

  it('writes amounts from cents with two decimals and 元, dates in Chinese', () => {
    expect(fieldValue('amount2', 'amount', '1234505')).toBe('12345.05元');
    expect(fieldValue('date3', 'date', '2028-02-29')).toBe('2028年02月29日');
  });

  it('refuses what WeChat would refuse with 47003', () => {
    expect(() => fieldValue('character_string4', 'character_string', '保单号')).toThrow(SubscribeFieldError);
    expect(() => fieldValue('date3', 'date', '明天')).toThrow(SubscribeFieldError);
    expect(() => fieldValue('amount2', 'amount', '-5')).toThrow(SubscribeFieldError);
    expect(() => fieldValue('phrase1', 'phrase', '扣款成功了没有')).toThrow(SubscribeFieldError);
  });

  it('fills every field of the configured templates', () => {
    const data = subscribeMessageData(subscribeTemplates.pre_debit, {
      productName: '示例人寿终身寿险',
      amount: '500000',
      dueDate: '2026-12-01',
      policyNo: '8831010000001',
      hint: '请在扣款日前确保账户余额充足',
    });
    expect(Object.keys(data)).toEqual(Object.keys(subscribeTemplates.pre_debit.fields));
    expect(data.amount2).toEqual({ value: '5000.00元' });
  });

  it('asks for the pre-debit and success templates in one tap, within WeChat’s limit', () => {
    expect(renewalTemplateIds()).toEqual([
      subscribeTemplates.pre_debit.templateId,
      subscribeTemplates.debit_success.templateId,
    ]);
    expect(renewalTemplateIds().length).toBeLessThanOrEqual(MAX_TEMPLATES_PER_REQUEST);
  });
});

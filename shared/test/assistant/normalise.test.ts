import { normaliseMessage } from '@zhixiang/shared/assistant/normalise';
import { describe, expect, it } from 'vitest';

describe('normaliseMessage', () => {
  it('turns full-width characters to half-width and drops emoji and punctuation', () => {
    expect(normaliseMessage('ＯＫ，谢谢！😂👍')).toBe('ok 谢谢');
  });

  it('fixes homophones and typos of service terms', () => {
    expect(normaliseMessage('分洪到了没')).toBe('分红到了没');
    expect(normaliseMessage('能带款吗')).toBe('能贷款吗');
    expect(normaliseMessage('受宜人要改')).toBe('受益人要改');
    expect(normaliseMessage('理陪进度')).toBe('理赔进度');
  });

  it('reads traditional characters and Taiwan or Hong Kong wording as simplified', () => {
    expect(normaliseMessage('我的保單貸款')).toBe('我的保单贷款');
    expect(normaliseMessage('紅利什麼時候發')).toBe('分红什么时候发');
    expect(normaliseMessage('怎麼退保')).toBe('怎么退保');
  });

  it('folds synonyms to one spelling', () => {
    expect(normaliseMessage('红利领取')).toBe('分红领取');
    expect(normaliseMessage('保单借款')).toBe('保单贷款');
    expect(normaliseMessage('人脸识别失败')).toBe('刷脸失败');
  });

  it('expands abbreviations only as whole tokens', () => {
    expect(normaliseMessage('tb')).toBe('退保');
    expect(normaliseMessage('rg rg')).toBe('人工 人工');
    expect(normaliseMessage('dz信函')).toBe('电子 信函');
    expect(normaliseMessage('tbsp')).toBe('tbsp');
  });

  it('reads pinyin of service terms, spaced or not, inside Chinese text', () => {
    expect(normaliseMessage('fenhong')).toBe('分红');
    expect(normaliseMessage('账户bian geng在哪')).toBe('账户 变更 在哪');
    expect(normaliseMessage('shualian一直失败')).toBe('刷脸 一直失败');
    expect(normaliseMessage('woyao tuibao')).toContain('退保');
  });

  it('leaves English words that spell no service term alone', () => {
    expect(normaliseMessage('hello')).toBe('hello');
    expect(normaliseMessage('app打不开')).toBe('app 打不开');
  });

  it('cuts very long messages', () => {
    expect(Array.from(normaliseMessage('退'.repeat(5000))).length).toBeLessThanOrEqual(200);
  });
});

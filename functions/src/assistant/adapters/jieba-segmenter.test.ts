import { describe, expect, it } from 'vitest';
import { JiebaSegmenter } from './jieba-segmenter';

const segmenter = new JiebaSegmenter();

describe('JiebaSegmenter', () => {
  it('keeps service terms from the user dictionary whole', () => {
    expect(segmenter.cut('我想做刷脸认证')).toContain('刷脸认证');
    expect(segmenter.cut('帮我转人工')).toContain('转人工');
    expect(segmenter.cut('分红改成累积生息')).toContain('累积生息');
    expect(segmenter.cut('申请保单贷款')).toContain('保单贷款');
    expect(segmenter.cut('续期缴费日期')).toContain('续期缴费');
  });

  it('never returns whitespace as a word', () => {
    expect(segmenter.cut('退保  要 多久')).not.toContain(' ');
  });
});

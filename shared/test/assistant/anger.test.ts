import { describe, expect, it } from 'vitest';
import { detectAnger } from '../../src/assistant/anger';

describe('detectAnger (complaints that go to a person at once)', () => {
  it.each([
    '你们就是骗子，我要投诉',
    '理赔拖了三个月还没到账，我要打12378投诉你们',
    '我要投诉😡',
    '什么破公司，退钱',
    '客服一直没人理，到底怎么回事！！',
    '再不处理我就去媒体曝光',
  ])('reads anger in 「%s」', (message) => {
    expect(detectAnger(message).angry).toBe(true);
  });

  it.each([
    '我要投诉',
    '怎么投诉',
    '我想投诉一下业务员服务态度',
    '投诉处理一般要多久？',
    '我不生气，只是想问问投诉流程',
    '到底怎么办理保单贷款',
  ])('reads no anger in 「%s」', (message) => {
    expect(detectAnger(message).angry).toBe(false);
  });

  it('says which cues it found, with one strong cue enough and one mild cue not', () => {
    expect(detectAnger('太过分了').cues).toContain('太过分');
    expect(detectAnger('凭什么').score).toBe(1);
    expect(detectAnger('凭什么？！').score).toBe(2);
  });
});

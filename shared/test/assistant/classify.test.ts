import { createIntentClassifier, OUT_OF_SCOPE_REPLY } from '@zhixiang/shared/assistant/classify';
import { INTENT_EXAMPLES } from '@zhixiang/shared/assistant/intent-examples';
import { INTENTS } from '@zhixiang/shared/assistant/intents';
import { DictionarySegmenter } from '@zhixiang/shared/assistant/segmenter';
import { describe, expect, it } from 'vitest';

// The pure segmenter keeps these tests free of the native jieba module; the jieba path is
// tested beside its adapter and the chat use case.
const classifier = createIntentClassifier(new DictionarySegmenter());

describe('intent classification', () => {
  it('has examples for every intent', () => {
    for (const intent of INTENTS) expect(INTENT_EXAMPLES[intent].length).toBeGreaterThanOrEqual(20);
  });

  it.each([
    ['我这单分洪今年有多少', 'dividend_query'],
    ['保单能带款多少', 'loan_quota'],
    ['受宜人想换成我女儿', 'beneficiary_change'],
    ['tb', 'surrender'],
    ['rg', 'human_agent'],
    ['shualian老失败😭', 'face_verify_help'],
    ['扣保费那张卡换了 怎么改', 'renewal_account_change'],
  ])('understands %s as %s', (message, intent) => {
    expect(classifier.classify(message).intent).toBe(intent);
  });

  it('refuses out-of-scope questions politely and says what it can do', () => {
    for (const message of ['后天广州热不热', '帮我推荐一只股票', '信用卡逾期怎么办', '别家的车险怎么报案']) {
      const result = classifier.classify(message);
      expect(result.intent, message).toBe('out_of_scope');
      expect(result.reply).toBe(OUT_OF_SCOPE_REPLY);
      expect(result.clarify).toBeUndefined();
    }
  });

  it('answers a greeting, even one followed by small talk', () => {
    expect(classifier.classify('您好').intent).toBe('greeting_smalltalk');
    expect(classifier.classify('下午好 今天好热啊').intent).toBe('greeting_smalltalk');
    expect(classifier.classify('你好，我想退保').intent).toBe('surrender');
    expect(classifier.classify('👍🙏').intent).toBe('greeting_smalltalk');
  });

  it('asks which of the two best intents was meant when the margin is small', () => {
    const unsure = createIntentClassifier(new DictionarySegmenter(), { tuning: { minMargin: 1 } });
    const result = unsure.classify('保单贷款');
    expect(result.clarify?.options).toHaveLength(2);
    expect(result.clarify?.options[0]?.intent).toBe(result.intent);
    expect(result.clarify?.question).toMatch(/^您是想问「.+」还是「.+」？$/);
  });

  it('asks when the confidence is below the threshold, and offers a person after a miss', () => {
    const unsure = createIntentClassifier(new DictionarySegmenter(), { tuning: { minConfidence: 0.99 } });
    const first = unsure.classify('分红');
    expect(first.clarify).toBeDefined();
    const second = unsure.classify('分红', { consecutiveMisses: 1 });
    expect(second.clarify?.options.map((o) => o.intent)).toContain('human_agent');
    expect(second.clarify?.question).toContain('转人工');
  });

  it('answers a clear question without asking', () => {
    const result = classifier.classify('我要退保');
    expect(result.intent).toBe('surrender');
    expect(result.clarify).toBeUndefined();
    expect(result.confidence).toBeGreaterThan(0.5);
  });

  it('never offers greeting or out_of_scope as a clarification option', () => {
    const unsure = createIntentClassifier(new DictionarySegmenter(), { tuning: { minMargin: 1 } });
    for (const message of ['保单', '想问一下', '保费']) {
      for (const option of unsure.classify(message).clarify?.options ?? []) {
        expect(['greeting_smalltalk', 'out_of_scope']).not.toContain(option.intent);
      }
    }
  });
});

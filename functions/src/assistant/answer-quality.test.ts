import { describe, expect, it } from 'vitest';
import { evaluateAnswers, readAnswerCases } from '../../../bench/assistant/answer-quality';

/**
 * Beside intent accuracy, whether the answer fits the question: the chat use case over the
 * repository's knowledge files must answer the project's answer-quality file well and never say
 * what a case forbids (the death-claim condolence to a general claim question, a complaint
 * "registered" that nothing registers, "暂时回答不了" to a product's coverage).
 */
describe('answer quality (npm run assistant:eval-answers)', () => {
  it('fits at least 85% of the questions and says nothing a question forbids', async () => {
    const result = await evaluateAnswers(readAnswerCases());
    expect(result.misses.filter((miss) => miss.violated.length > 0)).toEqual([]);
    expect(result.fitRate).toBeGreaterThanOrEqual(0.85);
  });
});

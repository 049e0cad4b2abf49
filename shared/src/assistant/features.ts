import type { Segmenter } from '../ports/segmenter';

/**
 * Words that say nothing about the intent. Kept short on purpose: 改, 查, 退, 还 are single
 * characters but carry the request, so they stay.
 */
const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    '的 了 吗 呢 啊 吧 呀 嘛 哦 哈 噢 么 是 我 你 您 他 她 它 我们 你们 他们 这 那 这个 那个 一下 一个 ' +
    '就 也 都 还是 和 跟 与 在 有 要 想 请 请问 帮 帮我 给 能 能不能 可以 可不可以 怎么 怎么样 怎样 如何 ' +
    '什么 啥 哪 哪里 哪儿 多少 为什么 咋 下 个 把 被 让 会 很 太 又 再 现在 已经 一直 还有 然后 但是 不过 ' +
    '所以 因为 如果 自己 一 对 到 从 上 去 来 着 过 说 问 看 看看 知道 嗯 就是 麻烦'
  ).split(' '),
);

/**
 * Characters of question wording (怎么, 什么, 哪些, 多少…) and the one-character stop words. A
 * character bigram with one of them (要什, 么材) says how something is asked, not what: ranking
 * a knowledge entry leaves those out, so 「理赔需要什么材料」 is not taken for 「身故理赔需要什么」.
 */
const QUESTION_CHARS: ReadonlySet<string> = new Set([
  ...'怎什啥哪些么多少吗呢吧嘛',
  ...[...STOP_WORDS].filter((word) => word.length === 1),
]);

/** Feature kinds and how much each counts in both models. */
export const FEATURE_WEIGHTS = { word: 1, bigram: 0.8, char: 0.3 } as const;

export type FeatureBag = Map<string, number>;

/**
 * The features of a normalised message: its words (from the segmenter, without stop words), and
 * the Han character bigrams and single characters. Words carry the meaning; character n-grams
 * catch what segmentation or the spelling fixes missed (a typo inside a word still shares a
 * bigram with the right spelling).
 */
export function extractFeatures(
  normalised: string,
  segmenter: Segmenter,
  options: { contentBigramsOnly?: boolean } = {},
): FeatureBag {
  const bag: FeatureBag = new Map();
  const add = (key: string, weight: number) => bag.set(key, (bag.get(key) ?? 0) + weight);
  for (const word of segmenter.cut(normalised)) {
    if (!STOP_WORDS.has(word) && !/^\d+$/.test(word)) add(`w:${word}`, FEATURE_WEIGHTS.word);
  }
  for (const run of normalised.match(/\p{Script=Han}+/gu) ?? []) {
    const chars = Array.from(run);
    chars.forEach((char, i) => {
      if (!STOP_WORDS.has(char)) add(`c:${char}`, FEATURE_WEIGHTS.char);
      const next = chars[i + 1];
      if (next === undefined) return;
      if (options.contentBigramsOnly && (QUESTION_CHARS.has(char) || QUESTION_CHARS.has(next))) return;
      add(`b:${char}${next}`, FEATURE_WEIGHTS.bigram);
    });
  }
  return bag;
}

/**
 * A small anger detector for complaints (投诉): a complaint said in anger goes to a person at once
 * instead of to the knowledge base. Cues, each with a weight: strong words (骗子, 垃圾, 气死…, 2),
 * threats to escalate (监管 / 12378 / 曝光 / 起诉…, 2), angry emoji (😡🤬😠💢, 2), exasperation
 * (到底, 凭什么, 一直没人…, 1) and shouting punctuation (！！ / ？！, 1). Angry = a total of 2 or
 * more, so one strong cue suffices and one mild cue does not. A strong word right after a negation
 * (不生气, 没骗) does not count. Explained with its limits in docs/assistant.md.
 */
export interface AngerReading {
  angry: boolean;
  score: number;
  /** What was found, for the log and tests. */
  cues: string[];
}

export const ANGER_THRESHOLD = 2;

const STRONG_WORDS = [
  '骗子',
  '骗人',
  '骗钱',
  '欺骗',
  '欺诈',
  '诈骗',
  '坑人',
  '坑钱',
  '黑心',
  '无耻',
  '流氓',
  '垃圾',
  '混蛋',
  '恶心',
  '气死',
  '生气',
  '愤怒',
  '火大',
  '太过分',
  '过分了',
  '忍无可忍',
  '受够了',
  '差劲',
  '什么破',
  '破公司',
  '退钱',
  '还我钱',
  '滚',
  '无语',
  '太离谱',
  '离谱',
];
const ESCALATION = [
  '12378',
  '银保监',
  '金融监管',
  '监管局',
  '监管部门',
  '消协',
  '315',
  '曝光',
  '媒体',
  '起诉',
  '律师',
  '法院',
  '报警',
];
const EXASPERATION = [
  '到底',
  '凭什么',
  '为什么还',
  '怎么还',
  '一直没',
  '没人管',
  '没人理',
  '好几次',
  '多少次',
  '拖了',
  '再不',
  '马上给我',
  '搞什么',
  '什么意思',
];
const ANGRY_EMOJI = ['😡', '🤬', '😠', '💢', '😤', '👿', '🖕'];
const NEGATIONS = ['不', '没', '别', '未'];

function occurrences(text: string, word: string): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) found.push(at);
  return found;
}

export function detectAnger(message: string): AngerReading {
  const text = message.replace(/\s+/g, '');
  const cues: string[] = [];
  let score = 0;
  const add = (cue: string, weight: number) => {
    cues.push(cue);
    score += weight;
  };
  for (const word of STRONG_WORDS) {
    const negated = (at: number) => NEGATIONS.includes(text[at - 1] ?? '');
    if (occurrences(text, word).some((at) => !negated(at))) add(word, 2);
  }
  for (const word of ESCALATION) if (text.includes(word)) add(word, 2);
  for (const word of EXASPERATION) if (text.includes(word)) add(word, 1);
  for (const emoji of ANGRY_EMOJI) if (text.includes(emoji)) add(emoji, 2);
  if (/[!！]{2,}|[?？][!！]|[!！][?？]|[?？]{3,}/.test(text)) add('！！', 1);
  return { angry: score >= ANGER_THRESHOLD, score, cues };
}

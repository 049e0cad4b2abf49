import { SYNONYM_SPELLINGS } from './readings';

/**
 * Words customers use for the same thing. A query containing one term is also searched with each
 * other term of its group (养老 finds 年金 products, 儿童 finds 少儿 products).
 */
export const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  ['重疾', '重大疾病', '大病'],
  ['养老', '年金', '退休'],
  ['少儿', '儿童', '孩子', '小孩', '宝宝', '子女', '学生'],
  // 学平险: the trade's word for student accident and medical cover (学生平安保险).
  ['学平险', '学生平安', '学生意外'],
  ['寿险', '人寿', '终身寿'],
  ['医疗', '住院', '看病', '报销'],
  ['意外', '意外伤害', '意外险'],
  ['分红', '红利'],
  ['万能', '万能账户'],
  ['防癌', '癌症', '肿瘤'],
  ['老人', '老年', '长者', '父母'],
  ['女性', '女士', '妈妈'],
  ['两全', '满期'],
  ['定期', '定寿'],
  ['出行', '交通', '驾乘'],
];

const groupsByTerm = new Map<string, readonly string[]>();
for (const group of SYNONYM_GROUPS) for (const term of group) groupsByTerm.set(term, group);

/** Every synonym term, longest first, for finding them inside a query. */
export const SYNONYM_TERMS: readonly string[] = [...groupsByTerm.keys()].sort((a, b) => b.length - a.length);

export function synonymsOf(term: string): readonly string[] {
  return groupsByTerm.get(term) ?? [term];
}

/** Each term's full toneless pinyin (zhongji → 重疾; generated in readings.ts), built on first use. */
let termsBySpelling: Map<string, string> | undefined;

function termSpelledBy(letters: string): string | undefined {
  termsBySpelling ??= new Map(
    [...groupsByTerm.keys()]
      .filter((term) => term.length >= 2)
      .map((term) => [SYNONYM_SPELLINGS[term] ?? '', term]),
  );
  return termsBySpelling.get(letters) ?? termsBySpelling.get(letters.replace(/xian$/, ''));
}

/**
 * The query with synonym terms replaced by their alternatives (not including the query itself),
 * at most `limit` variants so a query full of synonyms stays cheap. A query that is the full
 * pinyin of a term (zhongji, xuepingxian, or with 险 spelled: zhongjixian) stands for the term and
 * its synonyms.
 */
export function synonymVariants(query: string, limit = 8): string[] {
  const variants = new Set<string>();
  const spelled = /^[a-z]{4,}$/.test(query) ? termSpelledBy(query) : undefined;
  if (spelled) for (const term of synonymsOf(spelled).slice(0, limit)) variants.add(term);
  for (const term of SYNONYM_TERMS) {
    if (variants.size >= limit) break;
    const at = query.indexOf(term);
    if (at < 0) continue;
    for (const alternative of synonymsOf(term)) {
      if (alternative === term) continue;
      variants.add(query.slice(0, at) + alternative + query.slice(at + term.length));
      if (variants.size >= limit) break;
    }
  }
  variants.delete(query);
  return [...variants];
}

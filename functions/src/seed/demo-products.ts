import type { ProductRecord } from '@zhixiang/shared/policy/model';
import type { BenefitSchedule } from '@zhixiang/shared/product/benefit-schedule';

/**
 * The fictional insurer's catalogue. Long-term life, annuity and critical-illness products carry
 * the industry's 15-day cooling-off period and can be borrowed against; one-year medical and
 * accident cover has neither cash value nor a cooling-off period. Annuities, endowments (两全) and
 * the children's education annuity pay scheduled survival and maturity benefits (`BenefitSchedule`;
 * percentages in basis points of the sum assured).
 */
type Kind = ProductRecord['kind'];

type Start = { fromAnniversary: number } | { fromAge: number };
type End = { termYears: number } | { atAge: number };

/** A benefit schedule: [share, every N years, from] of survival, [share, at] of maturity. */
function pays(
  survival: [percentBasisPoints: number, everyYears: number, from: Start] | null,
  maturity: [percentBasisPoints: number, at: End] | null,
): BenefitSchedule {
  return {
    ...(survival
      ? { survival: { percentBasisPoints: survival[0], everyYears: survival[1], ...survival[2] } }
      : {}),
    ...(maturity ? { maturity: { percentBasisPoints: maturity[0], ...maturity[1] } } : {}),
  };
}

const longTerm = { coolingOffDays: 15, loanableRatioBasisPoints: 8000, loanAnnualRateBasisPoints: 500 };
const shortTerm = { coolingOffDays: 0, loanableRatioBasisPoints: 0, loanAnnualRateBasisPoints: 0 };

function product(
  productCode: string,
  name: string,
  kind: Kind,
  extra: Partial<ProductRecord> = {},
): ProductRecord {
  const oneYear = kind === 'medical' || kind === 'accident' || kind === 'term_life';
  return {
    productCode,
    name,
    kind,
    ...(oneYear ? shortTerm : longTerm),
    ...(kind === 'term_life' ? { coolingOffDays: 15 } : {}),
    hasDeathBenefit: kind !== 'medical',
    participating: kind === 'participating_life',
    ...extra,
  };
}

export const DEMO_PRODUCTS: readonly ProductRecord[] = [
  product('PL01', '鑫享人生终身寿险(分红型)', 'participating_life'),
  product('PL02', '福满堂两全保险(分红型)', 'participating_life', {
    benefitSchedule: pays([500, 3, { fromAnniversary: 3 }], [10_000, { atAge: 70 }]),
  }),
  product('PL03', '金玉满堂终身寿险(分红型)', 'participating_life'),
  product('PL04', '智胜宝两全保险(分红型)', 'participating_life', {
    benefitSchedule: pays(null, [10_000, { termYears: 15 }]),
  }),
  product('PL05', '鸿运连年两全保险(分红型)', 'participating_life', {
    benefitSchedule: pays([1000, 5, { fromAnniversary: 5 }], [10_000, { atAge: 70 }]),
  }),
  product('WL01', '传世臻品终身寿险', 'whole_life'),
  product('WL02', '臻爱传家终身寿险', 'whole_life'),
  product('WL03', '守护一生终身寿险', 'whole_life'),
  product('WL04', '如意人生增额终身寿险', 'whole_life'),
  product('TL01', '定心保定期寿险', 'term_life'),
  product('TL02', '安心守护定期寿险', 'term_life'),
  product('TL03', '家庭支柱定期寿险', 'term_life'),
  product('TL04', '房贷无忧定期寿险', 'term_life'),
  product('AN01', '安享颐年年金保险', 'annuity', {
    benefitSchedule: pays([1000, 1, { fromAnniversary: 5 }], [10_000, { atAge: 80 }]),
  }),
  product('AN02', '金色晚年养老年金保险', 'annuity', {
    benefitSchedule: pays([1000, 1, { fromAge: 60 }], [10_000, { atAge: 85 }]),
  }),
  product('AN03', '鑫禧年年金保险', 'annuity', {
    benefitSchedule: pays([800, 1, { fromAnniversary: 6 }], [10_000, { termYears: 20 }]),
  }),
  product('AN04', '状元郎少儿年金保险', 'annuity', {
    benefitSchedule: pays([2500, 1, { fromAge: 18 }], [10_000, { atAge: 22 }]),
  }),
  product('AN05', '福寿双全养老年金保险', 'annuity', {
    benefitSchedule: pays([500, 1, { fromAge: 60 }], null),
  }),
  product('AN06', '稳盈宝年金保险(分红型)', 'annuity', {
    participating: true,
    benefitSchedule: pays([1000, 1, { fromAnniversary: 5 }], [10_000, { termYears: 30 }]),
  }),
  product('CI01', '金佑福重大疾病保险', 'critical_illness'),
  product('CI02', '康健无忧重大疾病保险', 'critical_illness'),
  product('CI03', '少儿安康重大疾病保险', 'critical_illness'),
  product('CI04', '女性关爱疾病保险', 'critical_illness', { hasDeathBenefit: false }),
  product('CI05', '防癌安心疾病保险', 'critical_illness', { hasDeathBenefit: false }),
  product('CI06', '多倍守护重大疾病保险', 'critical_illness'),
  product('CI07', '康乐一生终身重大疾病保险', 'critical_illness'),
  product('MD01', '百万安心医疗保险', 'medical'),
  product('MD02', '住院无忧医疗保险', 'medical'),
  product('MD03', '高端尊享医疗保险', 'medical'),
  product('MD04', '门急诊医疗保险', 'medical'),
  product('MD05', '惠民健康医疗保险', 'medical'),
  product('MD06', '长者安康医疗保险', 'medical'),
  product('AC01', '平安出行意外伤害保险', 'accident'),
  product('AC02', '全家福综合意外伤害保险', 'accident'),
  product('AC03', '驾乘无忧意外伤害保险', 'accident'),
  product('AC04', '老年关爱意外伤害保险', 'accident'),
  product('AC05', '学生平安意外伤害保险', 'accident'),
  product('UL01', '智赢宝终身寿险(万能型)', 'universal_life'),
  product('UL02', '金账户两全保险(万能型)', 'universal_life', {
    benefitSchedule: pays(null, [10_000, { atAge: 80 }]),
  }),
  product('UL03', '财富赢家终身寿险(万能型)', 'universal_life'),
];

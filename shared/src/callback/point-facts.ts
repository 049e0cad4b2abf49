import { formatDateCn } from '../format/dates';
import { formatYuan } from '../format/money';
import { type PolicyDetail, PREMIUM_FREQUENCY_LABELS, PRODUCT_KIND_LABELS } from '../policy/schemas';
import type { CallbackPoint } from './schemas';

/** The most a company may keep when a policy is surrendered inside its cooling-off period. */
export const COOLING_OFF_REFUND_FEE_CENTS = 1000;

/**
 * The policy's own facts beside each of the seven callback points, so the customer confirms what
 * their policy says rather than an abstract statement. Null where the point needs no figure.
 */
export function callbackPointFacts(policy: PolicyDetail): Record<CallbackPoint, string | null> {
  const premium = `${formatYuan(policy.premiumCents)}（${PREMIUM_FREQUENCY_LABELS[policy.premiumFrequency]}）`;
  return {
    identity: `投保人：${policy.holderName}；被保险人：${policy.insuredName}`,
    personalSignature: null,
    understoodBrochure: `产品：${policy.productName}（${PRODUCT_KIND_LABELS[policy.productKind]}）`,
    coverageAndExclusions: `基本保险金额 ${formatYuan(policy.sumAssuredCents)}；责任免除条款见产品说明书，发生免责情形时不予赔付`,
    surrenderLoss:
      `犹豫期后退保只退还现金价值（目前 ${formatYuan(policy.cashValueCents)}），` +
      `可能明显低于已交保费（每期 ${formatYuan(policy.premiumCents)}）`,
    coolingOffRights:
      `犹豫期至 ${formatDateCn(policy.coolingOffEndDate)}；期内退保退还已交保费，` +
      `最多扣除 ${formatYuan(COOLING_OFF_REFUND_FEE_CENTS)} 工本费`,
    paymentPeriod:
      policy.premiumFrequency === 'single'
        ? `趸交保费 ${formatYuan(policy.premiumCents)}`
        : `保费 ${premium}${policy.nextDueDate ? `，下次应缴日 ${formatDateCn(policy.nextDueDate)}` : ''}`,
  };
}

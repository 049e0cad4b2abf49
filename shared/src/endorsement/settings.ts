import * as z from 'zod/mini';
import rulesJson from '../../../config/endorsement-rules.json';
import banksJson from '../../../config/supported-banks.json';
import { ENDORSEMENT_TYPES } from './application';

/**
 * The insurer's endorsement settings (config/endorsement-rules.json, config/supported-banks.json):
 * choices, not code. Checked when the module loads, so a bad edit fails the first test and the
 * first cold start of a function that reads them rather than a customer's application. The cooling-off surrender fee is capped
 * at ¥10 here because that cap is the industry rule, not a setting.
 */
const cents = z.number().check(z.int(), z.minimum(0));

const EndorsementRulesSchema = z.object({
  loan: z.object({
    minimumAmountCents: cents,
    termMonths: z.number().check(z.int(), z.minimum(1), z.maximum(12)),
    /** Loans strictly above this amount go to staff review. */
    reviewAboveCents: cents,
    /** Self-service loans by customers of this age or older go to staff review. */
    selfServiceReviewFromAge: z.number().check(z.int(), z.minimum(18), z.maximum(120)),
  }),
  surrender: z.object({ coolingOffFeeCents: /* @__PURE__ */ cents.check(z.maximum(1000)) }),
  /**
   * Automatic approval per type: disabled, or above `maxAmountCents` (the amount paid out or
   * lent), the application goes to the branch's staff review (保全审核). The loan's own market
   * rule (amount, age) is `loan` above and applies on top.
   */
  autoApproval: z.record(
    z.enum(ENDORSEMENT_TYPES),
    z.object({ enabled: z.boolean(), maxAmountCents: z.optional(cents) }),
  ),
});

const SupportedBanksSchema = z.object({
  banks: z.array(
    z.object({
      code: z.string().check(z.regex(/^[A-Z]{2,10}$/)),
      name: z.string().check(z.minLength(2)),
      binPrefixes: z.array(z.string().check(z.regex(/^\d{6,8}$/))).check(z.minLength(1)),
    }),
  ),
});

export type EndorsementRules = z.infer<typeof EndorsementRulesSchema>;
export type SupportedBank = z.infer<typeof SupportedBanksSchema>['banks'][number];

export const endorsementRules: EndorsementRules = /* @__PURE__ */ EndorsementRulesSchema.parse(rulesJson);
/* @__NO_SIDE_EFFECTS__ */
const banksOf = (raw: unknown): readonly SupportedBank[] => SupportedBanksSchema.parse(raw).banks;
export const supportedBanks: readonly SupportedBank[] = banksOf(banksJson);

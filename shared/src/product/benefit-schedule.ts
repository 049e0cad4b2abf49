import * as z from 'zod/mini';

/**
 * A product's scheduled benefits (生存金 / 满期金) as product data: what an annuity, endowment or
 * education product pays while the insured is alive, without a claim. A product without a
 * schedule pays no scheduled benefit.
 *
 * - `survival`: `percentBasisPoints` of the sum assured on every `everyYears`-th policy
 *   anniversary, starting from the `fromAnniversary`-th anniversary, or from the first anniversary
 *   on which the insured is `fromAge` or older (exactly one of the two). Paid while the policy is
 *   in force and before its maturity.
 * - `maturity`: the cover ends (满期) on the `termYears`-th anniversary, or on the first
 *   anniversary on which the insured is `atAge` or older (exactly one of the two), paying
 *   `percentBasisPoints` of the sum assured then.
 *
 * Anniversaries keep the effective date's day; one the month lacks (a 02-29 start in a common
 * year) falls on the month's last day. Ages are whole years (周岁) on the same rule.
 */
/** An object of these fields, of which exactly one of the optional `a` and `b` is given. */
function withOneOf<Shape extends z.core.$ZodLooseShape>(
  shape: Shape,
  a: keyof Shape & string,
  b: keyof Shape & string,
  message: string,
) {
  const object = z.object(shape);
  return object.check(
    z.refine<z.infer<typeof object>>(
      (rule) => (rule[a as never] === undefined) !== (rule[b as never] === undefined),
      message,
    ),
  );
}

/**
 * The schedule's schemas, built on first use (`benefitScheduleSchema`): most functions read no
 * product with a schedule, and a cold start does not build them.
 */
function buildSchemas() {
  const basisPoints = z.int().check(z.positive('比例应为正整数（基点）'), z.lte(1_000_000, '比例过大'));
  const years = z.int().check(z.gte(1, '年数应为 1–100 的整数'), z.lte(100, '年数应为 1–100 的整数'));
  const age = z.int().check(z.gte(0, '年龄应为 0–105 的整数'), z.lte(105, '年龄应为 0–105 的整数'));

  const survival = withOneOf(
    {
      percentBasisPoints: basisPoints,
      everyYears: years,
      fromAnniversary: z.optional(years),
      fromAge: z.optional(age),
    },
    'fromAnniversary',
    'fromAge',
    '生存金应从第 N 个保单周年日或被保险人年满 A 周岁起领取，二者选一',
  );

  const maturity = withOneOf(
    { percentBasisPoints: basisPoints, termYears: z.optional(years), atAge: z.optional(age) },
    'termYears',
    'atAge',
    '满期应为保险期间 N 年或被保险人年满 A 周岁，二者选一',
  );

  const schedule = z
    .object({
      survival: z.optional(survival),
      maturity: z.optional(maturity),
    })
    .check(
      z.refine(
        (given) => given.survival !== undefined || given.maturity !== undefined,
        '给付计划应至少包含生存金或满期金',
      ),
    );
  return { survival, maturity, schedule };
}

let built: ReturnType<typeof buildSchemas> | undefined;
/** A product's benefit schedule, checked (the schemas are built the first time one is checked). */
export function benefitScheduleSchema(): ReturnType<typeof buildSchemas>['schedule'] {
  built ??= buildSchemas();
  return built.schedule;
}

export type SurvivalBenefitRule = z.infer<ReturnType<typeof buildSchemas>['survival']>;
export type MaturityBenefitRule = z.infer<ReturnType<typeof buildSchemas>['maturity']>;
export type BenefitSchedule = z.infer<ReturnType<typeof buildSchemas>['schedule']>;

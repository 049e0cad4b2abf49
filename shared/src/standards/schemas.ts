import * as z from 'zod/mini';
import { hasUnsafeCharacters, isoDaySchema, singleLine, UNSAFE_CHARACTERS_MESSAGE } from '../format/input';
import { CASE_STATUS_LABELS, type CaseStatus } from './measure';
import { JOURNEYS, VERSION_STATUSES } from './model';

/**
 * The standards context's HTTP shapes: the catalogue and its versions (admins draft and move them
 * through the life cycle), attainment for a branch subtree, breached cases with their timeline,
 * the evaluation, and the signed ingestion of events from the insurer's other systems.
 */

export const STANDARD_NOT_FOUND_MESSAGE = '未找到该服务标准';
export const VERSION_NOT_FOUND_MESSAGE = '未找到该服务标准的这一版本';
export const DRAFT_EXISTS_MESSAGE = '该服务标准已有草案版本，请先锁定或修改该草案';
export const JOURNEY_CHANGED_MESSAGE = '服务标准所属旅程不能变更，请新建另一项标准';
export const VERSION_CHANGED_MESSAGE = '该版本状态已变化，请刷新后重试';
/** The longest period one attainment request reads. */
export const MAX_RANGE_DAYS = 93;

/* @__NO_SIDE_EFFECTS__ */
function text(label: string, max: number) {
  return z.string(`请填写${label}`).check(
    z.trim(),
    z.minLength(1, `请填写${label}`),
    z.maxLength(max, `${label}请控制在 ${max} 字以内`),
    z.refine((t) => !hasUnsafeCharacters(t), `${label}${UNSAFE_CHARACTERS_MESSAGE}`),
    singleLine(label),
  );
}

/** `endorsement.submitted_for_review`: a context (or system) and a step, lower case. */
const eventType = z
  .string('事件类型应为文字')
  .check(
    z.regex(
      /^[a-z][a-z_]{1,40}\.[a-z][a-z_]{1,60}$/,
      '事件类型格式应为「来源.步骤」，如 claim.reported（小写字母与下划线）',
    ),
  );
/* @__NO_SIDE_EFFECTS__ */
const eventTypes = (label: string) =>
  z
    .array(eventType, `${label}应为事件类型列表`)
    .check(z.minLength(1, `请至少填写一个${label}`), z.maxLength(10, `${label}最多 10 个`));
const branchPath = z
  .string('机构路径应为文字')
  .check(z.regex(/^[A-Z0-9-]{1,20}(\/[A-Z0-9-]{1,20}){0,5}$/, '机构路径格式不正确，如 HQ/SH/SH-PD'));
export const StandardIdSchema = z
  .string('标准编号应为文字')
  .check(
    z.regex(/^[a-z]+(_[a-z0-9]+)+$/, '标准编号应为小写字母、数字与下划线，如 endorsement_review_decision'),
  );

/* @__NO_SIDE_EFFECTS__ */
const minute = (label: string) =>
  z
    .number(`${label}应为数字`)
    .check(z.int(`${label}应为整数分钟`), z.gte(0, `${label}不能为负`), z.lte(1440, `${label}不能超过 1440`));

export const ClockSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('calendar') }),
  z.object({ kind: z.literal('business_days') }),
  z
    .object({
      kind: z.literal('service_hours'),
      fromMinute: minute('服务时段开始'),
      toMinute: minute('服务时段结束'),
      businessDaysOnly: z.boolean('是否仅工作日应为是或否'),
    })
    .check(z.refine((c) => c.fromMinute < c.toMinute, '服务时段的结束须晚于开始')),
]);

export const MetricSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('duration'),
    start: eventTypes('起始事件'),
    stop: eventTypes('结束事件'),
    pauses: z
      .array(z.object({ pause: eventType, resume: eventType }), '暂停规则应为列表')
      .check(z.maxLength(5, '暂停规则最多 5 条')),
  }),
  z.object({ kind: z.literal('rate'), eligible: eventTypes('应办事件'), delivered: eventTypes('已办事件') }),
]);

export const TargetSchema = z.object({
  limitMs: z.optional(
    z
      .number('时限应为毫秒数')
      .check(z.int('时限应为整数毫秒'), z.gt(0, '时限须大于 0'), z.lte(366 * 86_400_000, '时限不能超过一年')),
  ),
  bound: z.optional(z.enum(['within', 'at_least'], '时限方向只能是「不超过」或「不少于」')),
  clock: z.optional(ClockSchema),
  requiredShare: z
    .number('达标比例应为 0 到 1 之间的数')
    .check(z.gt(0, '达标比例须大于 0'), z.lte(1, '达标比例不能超过 1（即 100%）')),
});

export const StandardDraftSchema = z
  .object({
    journey: z.enum(JOURNEYS, '请选择十大客户旅程之一'),
    touchpoint: text('触点', 40),
    name: text('标准名称', 80),
    measuredFrom: text('度量来源说明', 300),
    metric: MetricSchema,
    target: TargetSchema,
    scope: z.array(branchPath, '适用机构应为机构路径列表').check(z.maxLength(50, '适用机构最多 50 个')),
    benchmark: z.object({ value: text('对标值', 80), source: text('对标来源', 200) }),
  })
  .check(
    z.refine(
      (d) =>
        d.metric.kind === 'rate' ||
        (d.target.limitMs !== undefined && d.target.bound !== undefined && d.target.clock !== undefined),
      '时长类标准须填写时限、时限方向和计时方式',
    ),
  );
export type StandardDraft = z.infer<typeof StandardDraftSchema>;

export const ChangeStatusRequestSchema = z.object({
  version: z.number('版本号应为数字').check(z.int('版本号应为整数'), z.gte(1, '版本号从 1 开始')),
  to: z.enum(VERSION_STATUSES, '目标状态不正确'),
  pilotBranches: z.optional(
    z.array(branchPath, '试点机构应为机构路径列表').check(z.maxLength(20, '试点机构最多 20 个')),
  ),
});

const ComparisonSchema = z.object({
  label: z.string(),
  groupA: z.object({ label: z.string(), n: z.number(), value: z.nullable(z.number()) }),
  groupB: z.object({ label: z.string(), n: z.number(), value: z.nullable(z.number()) }),
  difference: z.nullable(z.number()),
  test: z.enum(['two_proportion_z', 'mann_whitney_u']),
  statistic: z.nullable(z.number()),
  pValue: z.nullable(z.number()),
  significant: z.boolean(),
  verdict: z.string(),
});
export const EvaluationSchema = z.object({
  standardId: z.string(),
  version: z.number(),
  /** The windows compared (epoch ms). */
  from: z.number(),
  to: z.number(),
  beforeAfter: z.array(ComparisonSchema),
  pilotVsOthers: z.array(ComparisonSchema),
});
export type EvaluationView = z.infer<typeof EvaluationSchema>;

export const StandardVersionViewSchema = z.object({
  standardId: z.string(),
  version: z.number(),
  status: z.enum(VERSION_STATUSES),
  statusLabel: z.string(),
  journey: z.enum(JOURNEYS),
  journeyLabel: z.string(),
  touchpoint: z.string(),
  name: z.string(),
  measuredFrom: z.string(),
  metric: MetricSchema,
  target: TargetSchema,
  targetText: z.string(),
  scope: z.array(z.string()),
  pilotBranches: z.array(z.string()),
  benchmark: z.object({ value: z.string(), source: z.string() }),
  steps: z.record(z.string(), z.number()),
  createdAt: z.number(),
  evaluation: z.nullable(EvaluationSchema),
});
export type StandardVersionView = z.infer<typeof StandardVersionViewSchema>;
export const StandardListSchema = z.object({ standards: z.array(z.array(StandardVersionViewSchema)) });

export const AttainmentQuerySchema = z.object({
  from: isoDaySchema('开始日期'),
  to: isoDaySchema('结束日期'),
  granularity: z.optional(z.enum(['day', 'week', 'month'], '统计粒度只能是日、周或月')),
});

const CountsSchema = z.object({
  cases: z.number(),
  met: z.number(),
  breached: z.number(),
  open: z.number(),
  /** met ÷ cases; null without cases. */
  rate: z.nullable(z.number()),
});
export const AttainmentReportSchema = z.object({
  from: z.string(),
  to: z.string(),
  granularity: z.enum(['day', 'week', 'month']),
  /** One row per standard (the caller's subtree), worst attainment first. */
  standards: z.array(
    z.extend(CountsSchema, {
      standardId: z.string(),
      journey: z.enum(JOURNEYS),
      journeyLabel: z.string(),
      touchpoint: z.string(),
      name: z.string(),
      requiredShare: z.number(),
      attained: z.nullable(z.boolean()),
    }),
  ),
  /**
   * Satisfaction ratings given in the window (1–5, from the measurement stream's rating events), per
   * journey × branch: how many, the average (2 decimals) and the share of low ones (≤ 2 stars).
   */
  ratings: z.array(
    z.object({
      journey: z.enum(JOURNEYS),
      journeyLabel: z.string(),
      branchPath: z.string(),
      branchName: z.string(),
      count: z.number(),
      average: z.number(),
      low: z.number(),
      lowShare: z.number(),
    }),
  ),
  /** Standard × branch × period cells. */
  cells: z.array(
    z.extend(CountsSchema, {
      standardId: z.string(),
      branchPath: z.string(),
      /** The branch's name from the branch directory (浦东中支). */
      branchName: z.string(),
      period: z.string(),
    }),
  ),
});
export type AttainmentReport = z.infer<typeof AttainmentReportSchema>;

/** One alert of a case (`shared/src/standards/alerts.ts`): its level, when, and the branch it went to. */
export const AlertStepSchema = z.object({
  level: z.number(),
  label: z.string(),
  raisedAt: z.number(),
  escalatedTo: z.string(),
  escalatedToName: z.string(),
});

/** `GET /standards/alerts`: the alerts that went to the caller's subtree, newest first. */
export const AlertListSchema = z.object({
  from: z.string(),
  to: z.string(),
  alerts: z.array(
    z.extend(AlertStepSchema, {
      standardId: z.string(),
      standardName: z.string(),
      caseId: z.string(),
      branchPath: z.string(),
      branchName: z.string(),
      policyNo: z.nullable(z.string()),
      startAt: z.number(),
    }),
  ),
});
export type AlertList = z.infer<typeof AlertListSchema>;

export const CASE_STATUSES = /* @__PURE__ */ Object.keys(CASE_STATUS_LABELS) as [CaseStatus, ...CaseStatus[]];
export const BreachListSchema = z.object({
  standardId: z.string(),
  cases: z.array(
    z.object({
      caseId: z.string(),
      branchPath: z.string(),
      policyNo: z.nullable(z.string()),
      version: z.number(),
      startAt: z.number(),
      stopAt: z.nullable(z.number()),
      elapsedMs: z.nullable(z.number()),
      status: z.enum(CASE_STATUSES),
      /** The branch's name from the branch directory (浦东中支), beside its path. */
      branchName: z.string(),
      /** Raised when the version in force was fixed (系统固化): its warning and escalations, by level. */
      alerts: z.array(AlertStepSchema),
      timeline: z.array(
        z.object({ type: z.string(), at: z.number(), actor: z.string(), source: z.string() }),
      ),
    }),
  ),
});

/** One event from the insurer's other systems (理赔, 满期/生存给付, 投保 outside the mini program). */
export const IngestedEventSchema = z.object({
  eventId: z
    .string('事件编号应为文字')
    .check(z.regex(/^[A-Za-z0-9][\w.:-]{7,79}$/, '事件编号应为 8–80 位字母、数字、下划线、点、冒号或连字符')),
  type: eventType,
  at: z.iso.datetime({
    offset: true,
    message: '发生时间应为带时区的 ISO 8601 时间，如 2026-12-01T09:30:00+08:00',
  }),
  caseId: z
    .string('业务编号应为文字')
    .check(z.regex(/^[A-Za-z0-9][\w.:-]{3,79}$/, '业务编号应为 4–80 位字母、数字、下划线、点、冒号或连字符')),
  branchPath,
  policyNo: z.optional(
    z.string('保单号应为文字').check(z.regex(/^[A-Z0-9]{6,30}$/, '保单号应为 6–30 位大写字母或数字')),
  ),
  /** A satisfaction rating's 1–5 stars: only on a rating event (`shared/src/standards/ratings.ts`). */
  score: z.optional(
    z
      .int('评分应为 1–5 的整数')
      .check(z.minimum(1, '评分应为 1–5 的整数'), z.maximum(5, '评分应为 1–5 的整数')),
  ),
});
export const IngestRequestSchema = z.object({
  /** The sending system, e.g. `claims` (理赔系统). */
  source: z
    .string('来源系统应为文字')
    .check(z.regex(/^[a-z][a-z_]{1,30}$/, '来源系统应为小写字母与下划线，如 claims')),
  events: z
    .array(IngestedEventSchema, '事件应为列表')
    .check(z.minLength(1, '请至少提交一个事件'), z.maxLength(100, '每次最多提交 100 个事件')),
});
export const IngestResponseSchema = z.object({ accepted: z.number(), repeated: z.number() });

/** Headers of the signed ingestion route (the same scheme as billing's debit results). */
export const INGEST_HEADERS = {
  timestamp: 'x-standards-timestamp',
  nonce: 'x-standards-nonce',
  signature: 'x-standards-signature',
} as const;

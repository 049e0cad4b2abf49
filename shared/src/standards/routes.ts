import { type RouteSpec, responds } from '../api/route-spec';
import {
  type AlertListSchema,
  type AttainmentReportSchema,
  type BreachListSchema,
  ChangeStatusRequestSchema,
  type EvaluationSchema,
  IngestRequestSchema,
  type IngestResponseSchema,
  StandardDraftSchema,
  type StandardListSchema,
  type StandardVersionViewSchema,
} from './schemas';

export const listStandardsRoute = {
  method: 'GET',
  path: '/standards',
  auth: 'user',
  response: responds<typeof StandardListSchema>(),
} as const satisfies RouteSpec;

export const draftStandardVersionRoute = {
  method: 'POST',
  path: '/standards/{standardId}/versions',
  auth: 'user',
  request: StandardDraftSchema,
  response: responds<typeof StandardVersionViewSchema>(),
} as const satisfies RouteSpec;

export const changeStandardStatusRoute = {
  method: 'POST',
  path: '/standards/{standardId}/status',
  auth: 'user',
  request: ChangeStatusRequestSchema,
  response: responds<typeof StandardVersionViewSchema>(),
} as const satisfies RouteSpec;

/** `?from=YYYY-MM-DD&to=YYYY-MM-DD&granularity=day|week|month` (at most 93 days; by default the last 30). */
export const getStandardsAttainmentRoute = {
  method: 'GET',
  path: '/standards/attainment',
  auth: 'user',
  response: responds<typeof AttainmentReportSchema>(),
} as const satisfies RouteSpec;

/** `?from=…&to=…`: the breached cases of the caller's subtree, each with its timeline. */
export const listStandardBreachesRoute = {
  method: 'GET',
  path: '/standards/{standardId}/breaches',
  auth: 'user',
  response: responds<typeof BreachListSchema>(),
} as const satisfies RouteSpec;

/**
 * `?from=…&to=…` (by the day raised; by default the last 30 days): the alerts of fixed standards
 * that went to the caller's subtree — warnings at 80 % of the clock, breaches escalated up.
 */
export const listStandardAlertsRoute = {
  method: 'GET',
  path: '/standards/alerts',
  auth: 'user',
  response: responds<typeof AlertListSchema>(),
} as const satisfies RouteSpec;

/** `?version=N`: the evaluation of a piloted version (computed now if not yet recorded). */
export const getStandardEvaluationRoute = {
  method: 'GET',
  path: '/standards/{standardId}/evaluation',
  auth: 'user',
  response: responds<typeof EvaluationSchema>(),
} as const satisfies RouteSpec;

export const ingestStandardEventsRoute = {
  method: 'POST',
  path: '/standards/events',
  auth: 'public',
  request: IngestRequestSchema,
  response: responds<typeof IngestResponseSchema>(),
} as const satisfies RouteSpec;

/**
 * Service standards (服务标准体系): admins draft a standard's version and move it through the life
 * cycle (lock, pilot in chosen branches, roll out, evaluate, fix), each step audited; staff read
 * the catalogue, attainment of their branch subtree, the breached cases with their timeline and a
 * version's evaluation. The insurer's other systems send the events of journeys this system does
 * not serve through one HMAC-signed route.
 */
export const standardRoutes = {
  listStandards: listStandardsRoute,
  draftStandardVersion: draftStandardVersionRoute,
  changeStandardStatus: changeStandardStatusRoute,
  getStandardsAttainment: getStandardsAttainmentRoute,
  listStandardBreaches: listStandardBreachesRoute,
  listStandardAlerts: listStandardAlertsRoute,
  getStandardEvaluation: getStandardEvaluationRoute,
  ingestStandardEvents: ingestStandardEventsRoute,
} as const satisfies Record<string, RouteSpec>;

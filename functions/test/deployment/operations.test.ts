import { BUSINESS_COUNTS, BUSINESS_GAUGES } from '@zhixiang/shared/ports/business-metrics';
import { describe, expect, it } from 'vitest';
import { loadServerlessConfig, type Yaml } from '../../local/serverless-config';
import { METRICS_NAMESPACE, METRICS_SERVICE } from '../../src/platform/metrics/business-metrics';

/**
 * What an operator needs the day the system goes live (docs/operations.md), checked on the prod
 * stage as the framework will read it, without AWS: every scheduled job fails into the failure
 * queue and has a failures alarm and a lag alarm, the hot routes have p99 alarms, the API's 5xx
 * rate and Lambda throttles alarm, every alarm goes to the stage's alarm topic, the dashboard shows
 * it all, and every reference in the resources names something the stack will have.
 */
const prod = loadServerlessConfig({ stage: 'prod' });
type Node = { [key: string]: Yaml };
const functions = (prod.functions ?? {}) as unknown as Record<string, Node>;
const resources = (prod.resources?.Resources ?? {}) as unknown as Record<string, Node>;
const conditions = ((prod.resources as { Conditions?: Record<string, Yaml> } | undefined)?.Conditions ??
  {}) as Record<string, Yaml>;

/** The hot routes: the functions customers and agents call most. */
const HOT_ROUTES = [
  'getPolicy',
  'listMyPolicies',
  'getMyTodos',
  'bookCallbackSlot',
  'submitEndorsement',
  'sendAssistantMessage',
  'searchProducts',
];

/** The framework's logical id of a function's AWS::Lambda::Function (names here are camelCase). */
const logicalIdOf = (fn: string) => `${fn[0]?.toUpperCase()}${fn.slice(1)}LambdaFunction`;
const functionOfLogicalId = new Map(Object.keys(functions).map((fn) => [logicalIdOf(fn), fn]));

function scheduleOf(fn: Node): string | undefined {
  const events = (fn.events ?? []) as Node[];
  const event = events.find((e) => e.schedule !== undefined)?.schedule;
  return typeof event === 'string' ? event : ((event as Node | undefined)?.rate as string | undefined);
}
const scheduled = Object.entries(functions)
  .filter(([, fn]) => scheduleOf(fn) !== undefined)
  .map(([name]) => name);

/** Seconds between two runs of an EventBridge schedule expression. */
function intervalSeconds(expression: string): number {
  const rate = /^rate\((\d+) (minute|minutes|hour|hours|day|days)\)$/.exec(expression);
  if (rate)
    return Number(rate[1]) * { minute: 60, hour: 3600, day: 86400 }[rate[2]!.replace(/s$/, '') as 'minute'];
  const cron = /^cron\((\S+) (\S+) \* \* \? \*\)$/.exec(expression);
  if (cron && /^\d+$/.test(cron[1]!) && cron[2] === '*') return 3600;
  if (cron && /^\d+$/.test(cron[1]!) && /^\d+$/.test(cron[2]!)) return 86400;
  throw new Error(`schedule ${expression}: teach this test its interval`);
}

const alarms = Object.entries(resources).filter(([, r]) => r.Type === 'AWS::CloudWatch::Alarm');
const propsOf = (resource: Node) => (resource.Properties ?? {}) as Node;

/** The metrics an alarm watches: its one metric, or every MetricStat of its metric math. */
function watched(resource: Node): { namespace: string; name: string; dimensions: Node[]; period: number }[] {
  const p = propsOf(resource);
  if (p.MetricName)
    return [
      {
        namespace: p.Namespace as string,
        name: p.MetricName as string,
        dimensions: (p.Dimensions ?? []) as Node[],
        period: p.Period as number,
      },
    ];
  return ((p.Metrics ?? []) as Node[]).flatMap((m) => {
    const stat = m.MetricStat as Node | undefined;
    if (!stat) return [];
    const metric = stat.Metric as Node;
    return [
      {
        namespace: metric.Namespace as string,
        name: metric.MetricName as string,
        dimensions: (metric.Dimensions ?? []) as Node[],
        period: stat.Period as number,
      },
    ];
  });
}

const onFunction = (fn: string) => (d: Node) =>
  d.Name === 'FunctionName' && JSON.stringify(d.Value) === JSON.stringify({ Ref: logicalIdOf(fn) });

function alarmsOn(fn: string, metricName: string): Node[] {
  return alarms
    .map(([, alarm]) => alarm)
    .filter((alarm) =>
      watched(alarm).some(
        (m) => m.namespace === 'AWS/Lambda' && m.name === metricName && m.dimensions.some(onFunction(fn)),
      ),
    );
}

/** `!GetAtt X.Y` and `!GetAtt [X, Y]` alike, as [X, Y]. */
function getAtt(value: Yaml | undefined): string[] | undefined {
  const target = (value as Node | undefined)?.['Fn::GetAtt'];
  if (typeof target === 'string') return target.split('.');
  return Array.isArray(target) ? (target as string[]) : undefined;
}

describe('operations: scheduled jobs', () => {
  it('finds every scheduled job of the functions.yml files', () => {
    expect(scheduled.length).toBeGreaterThanOrEqual(6);
    expect(scheduled).toEqual(expect.arrayContaining(['sendRenewalNotices', 'retryNotices']));
  });

  it.each(scheduled)(
    '%s fails into the job failure queue after at most two retries, and may write to it',
    (name) => {
      const fn = functions[name] as Node;
      const onFailure = (fn.destinations as Node | undefined)?.onFailure as Node | undefined;
      expect(onFailure?.type, `${name}: destinations.onFailure`).toBe('sqs');
      expect(getAtt(onFailure?.arn)).toEqual(['JobFailureQueue', 'Arn']);
      expect(fn.maximumRetryAttempts).toBeGreaterThanOrEqual(0);
      expect(fn.maximumRetryAttempts).toBeLessThanOrEqual(2);
      // serverless-iam-roles-per-function gives each function its own role: the framework's
      // destination permission lands on the shared role, so the function lists it itself.
      const statements = (fn.iamRoleStatements ?? []) as Node[];
      expect(
        statements.some(
          (s) =>
            JSON.stringify(s.Action).includes('sqs:SendMessage') &&
            JSON.stringify(getAtt((s.Resource as Yaml[])[0])) === JSON.stringify(['JobFailureQueue', 'Arn']),
        ),
        `${name}: sqs:SendMessage on the queue`,
      ).toBe(true);
    },
  );

  it.each(scheduled)('%s has a failures alarm on its Lambda errors', (name) => {
    const failures = alarmsOn(name, 'Errors').filter((a) => propsOf(a).MetricName === 'Errors');
    expect(failures, `${name}: Errors alarm`).toHaveLength(1);
    expect(propsOf(failures[0]!)).toMatchObject({
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it.each(scheduled)(
    '%s has a lag alarm: no successful run over at least one interval is an alarm',
    (name) => {
      const lag = alarmsOn(name, 'Invocations');
      expect(lag, `${name}: lag alarm`).toHaveLength(1);
      const p = propsOf(lag[0]!);
      // A job that never ran has no data points at all: that must alarm too.
      expect(p.TreatMissingData).toBe('breaching');
      expect(p.ComparisonOperator).toBe('LessThanThreshold');
      const interval = intervalSeconds(scheduleOf(functions[name] as Node) as string);
      for (const metric of watched(lag[0]!)) expect(metric.period, name).toBeGreaterThanOrEqual(interval);
      // Runs minus errors: a run that failed is not a run.
      expect(JSON.stringify(p.Metrics)).toMatch(/"Expression":"FILL\(runs, 0\) - FILL\(errors, 0\)"/);
    },
  );
});

describe('operations: API and Lambda alarms', () => {
  it.each(HOT_ROUTES)('%s is a function with a p99 duration alarm', (name) => {
    expect(functions[name], `${name} in a functions.yml`).toBeDefined();
    const p99 = alarmsOn(name, 'Duration');
    expect(p99, `${name}: p99 alarm`).toHaveLength(1);
    expect(propsOf(p99[0]!).ExtendedStatistic).toBe('p99');
  });

  it("alarms on the HTTP API's 5xx rate: 5xx over requests", () => {
    const rate = alarms.filter(([, a]) =>
      watched(a).some((m) => m.namespace === 'AWS/ApiGateway' && m.name === '5xx'),
    );
    expect(rate).toHaveLength(1);
    const [, alarm] = rate[0]!;
    const metrics = watched(alarm);
    for (const name of ['5xx', 'Count'])
      expect(metrics.find((m) => m.name === name)?.dimensions, `${name} of this stage's HTTP API`).toEqual([
        { Name: 'ApiId', Value: { Ref: 'HttpApi' } },
      ]);
    expect(JSON.stringify(propsOf(alarm).Metrics)).toMatch(/100 \* FILL\(errors, 0\) \/ requests/);
  });

  it('alarms on Lambda throttles', () => {
    expect(
      alarms.filter(([, a]) =>
        watched(a).some((m) => m.namespace === 'AWS/Lambda' && m.name === 'Throttles'),
      ),
    ).toHaveLength(1);
  });

  it("alarms on the failure queue's visible messages", () => {
    const queue = alarms.filter(([, a]) =>
      watched(a).some((m) => m.namespace === 'AWS/SQS' && m.name === 'ApproximateNumberOfMessagesVisible'),
    );
    expect(queue).toHaveLength(1);
    expect(getAtt(watched(queue[0]![1])[0]?.dimensions[0]?.Value)).toEqual(['JobFailureQueue', 'QueueName']);
    expect(resources.JobFailureQueue?.Type).toBe('AWS::SQS::Queue');
  });

  it("sends every alarm, firing and clearing, to the stage's alarm topic, which mails the stage's alarmEmail", () => {
    expect(alarms.length).toBeGreaterThanOrEqual(3 + HOT_ROUTES.length + 2 * scheduled.length);
    for (const [name, alarm] of alarms) {
      expect(propsOf(alarm).AlarmActions, `${name}: AlarmActions`).toEqual([{ Ref: 'AlarmTopic' }]);
      expect(propsOf(alarm).OKActions, `${name}: OKActions`).toEqual([{ Ref: 'AlarmTopic' }]);
      expect(propsOf(alarm).AlarmName, name).toMatch(/^zhixiang-kefu-prod-/);
    }
    expect(resources.AlarmTopic?.Type).toBe('AWS::SNS::Topic');
    const params = prod.params ?? {};
    const alarmEmail = params.prod?.alarmEmail ?? params.default?.alarmEmail;
    expect(typeof alarmEmail).toBe('string');
    const subscription = resources.AlarmEmailSubscription as Node;
    expect(propsOf(subscription)).toMatchObject({
      Protocol: 'email',
      Endpoint: alarmEmail,
      TopicArn: { Ref: 'AlarmTopic' },
    });
    expect(subscription.Condition).toBe('HasAlarmEmail');
    expect(conditions.HasAlarmEmail).toEqual({ 'Fn::Not': [{ 'Fn::Equals': [alarmEmail, ''] }] });
  });
});

describe('operations: the dashboard', () => {
  const dashboards = Object.values(resources).filter((r) => r.Type === 'AWS::CloudWatch::Dashboard');
  const body = (propsOf(dashboards[0] ?? {}).DashboardBody as Node | undefined)?.['Fn::Sub'] as string;
  const metricRows = (): Yaml[][] =>
    (JSON.parse(body) as { widgets: { properties: { metrics: Yaml[][] } }[] }).widgets.flatMap(
      (w) => w.properties.metrics,
    );
  /** How the body names a resource for Fn::Sub: `${Name}`. */
  const placeholder = (name: string) => `\${${name}}`;
  const shows = (...row: Yaml[]) =>
    metricRows().some((metric) => row.every((part, index) => metric[index] === part));

  it('is one dashboard whose body is valid JSON once substituted', () => {
    expect(dashboards).toHaveLength(1);
    expect(() => JSON.parse(body)).not.toThrow();
  });

  it('shows every scheduled job, the hot routes, the 5xx rate, throttles and the failure queue', () => {
    for (const name of scheduled) {
      expect(
        shows('AWS/Lambda', 'Errors', 'FunctionName', placeholder(logicalIdOf(name))),
        `${name} errors`,
      ).toBe(true);
      expect(
        shows('AWS/Lambda', 'Invocations', 'FunctionName', placeholder(logicalIdOf(name))),
        `${name} runs`,
      ).toBe(true);
    }
    for (const name of HOT_ROUTES)
      expect(shows('AWS/Lambda', 'Duration', 'FunctionName', placeholder(logicalIdOf(name))), name).toBe(
        true,
      );
    expect(shows('AWS/ApiGateway', '5xx', 'ApiId', placeholder('HttpApi'))).toBe(true);
    expect(shows('AWS/Lambda', 'Throttles')).toBe(true);
    expect(
      shows(
        'AWS/SQS',
        'ApproximateNumberOfMessagesVisible',
        'QueueName',
        placeholder('JobFailureQueue.QueueName'),
      ),
    ).toBe(true);
  });

  it('shows every business metric with the namespace and dimensions the adapter writes', () => {
    for (const name of [...BUSINESS_COUNTS, ...BUSINESS_GAUGES])
      expect(shows(METRICS_NAMESPACE, name, 'service', METRICS_SERVICE, 'stage', 'prod'), name).toBe(true);
  });
});

describe('operations: references', () => {
  /** What the stack will have: the declared resources, each function, the framework's HTTP and WebSocket APIs. */
  const known = new Set([
    ...Object.keys(resources),
    ...functionOfLogicalId.keys(),
    'HttpApi',
    'WebsocketsApi',
  ]);

  function references(value: Yaml, found: string[] = []): string[] {
    if (Array.isArray(value)) for (const item of value) references(item, found);
    else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key === 'Ref' && typeof item === 'string') found.push(item);
        else if (key === 'Fn::GetAtt') found.push((getAtt({ [key]: item }) ?? [])[0] ?? '');
        else if (key === 'Fn::Sub' && typeof item === 'string')
          for (const [, name] of item.matchAll(/\$\{([\w]+)(?:\.\w+)?\}/g)) found.push(name as string);
        else references(item, found);
      }
    }
    return found;
  }

  it('names only resources, functions and conditions the stack will have', () => {
    const refs = references([resources, functions] as unknown as Yaml).filter((r) => !r.startsWith('AWS::'));
    expect(refs.length).toBeGreaterThan(50);
    expect([...new Set(refs.filter((r) => !known.has(r)))]).toEqual([]);
    for (const resource of Object.values(resources))
      if (typeof resource.Condition === 'string') expect(conditions[resource.Condition]).toBeDefined();
  });
});

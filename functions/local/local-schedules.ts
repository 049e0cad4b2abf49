import { randomUUID } from 'node:crypto';
import { dirname } from 'node:path';
import { invokingFunction, type LambdaHandler, loadLocalHandler } from './gateway';
import { lambdaContext, scheduledEvent } from './lambda-context';
import { loadServerlessConfig } from './serverless-config';

/**
 * The local EventBridge: every function of serverless.yml with a `schedule` event runs in this
 * process, through the same handler module Lambda runs. A `rate(…)` schedule runs every minute
 * locally (the outboxes, reminders and escalation answer within a minute instead of five); a
 * `cron(M H * * ? *)` schedule runs at its minute of each hour (`H` = `*`) or day (UTC, as
 * EventBridge reads it). Any other expression is named in the log and not run.
 */
export interface LocalSchedule {
  functionName: string;
  handler: string;
  expression: string;
  memorySize: number;
  timeoutSeconds: number;
}

/** The scheduled functions of serverless.yml and their functions.yml files. */
export function readSchedules(options: { ymlPath?: string; stage?: string } = {}): LocalSchedule[] {
  const config = loadServerlessConfig({ ...options, stage: options.stage ?? 'local' });
  return Object.entries(config.functions ?? {}).flatMap(([functionName, spec]) =>
    (spec.events ?? []).flatMap(({ schedule }) => {
      if (schedule === undefined) return [];
      const rates = typeof schedule === 'string' ? [schedule] : [schedule.rate].flat();
      return rates.map((expression) => ({
        functionName,
        handler: spec.handler,
        expression,
        memorySize: spec.memorySize ?? config.provider.memorySize ?? 1024,
        timeoutSeconds: spec.timeout ?? config.provider.timeout ?? 6,
      }));
    }),
  );
}

/** Milliseconds from `now` until the schedule's next local run; null when it is not run locally. */
export function nextLocalRun(expression: string, now: number): number | null {
  if (/^rate\(/.test(expression)) return 60_000 - (now % 60_000);
  const cron = /^cron\((\d{1,2}) (\d{1,2}|\*) \* \* \? \*\)$/.exec(expression);
  if (!cron) return null;
  const minute = Number(cron[1]);
  const hour = cron[2] === '*' ? null : Number(cron[2]);
  const at = new Date(now);
  at.setUTCSeconds(0, 0);
  at.setUTCMinutes(minute);
  if (hour !== null) at.setUTCHours(hour);
  const step = hour === null ? 3_600_000 : 86_400_000;
  let next = at.getTime();
  while (next <= now) next += step;
  return next - now;
}

/** Starts every schedule; the timers do not keep the process alive. Returns what stops them. */
export function startLocalSchedules(options: {
  ymlPath: string;
  log: (line: string) => void;
  stage?: string;
}): () => void {
  const serviceDir = dirname(options.ymlPath);
  const handlers = new Map<string, LambdaHandler>();
  const timers = new Set<NodeJS.Timeout>();
  let stopped = false;
  for (const schedule of readSchedules(options)) {
    if (nextLocalRun(schedule.expression, Date.now()) === null) {
      options.log(`schedule ${schedule.functionName} ${schedule.expression}: not run locally`);
      continue;
    }
    const run = async () => {
      // One run at a time per function, as with EventBridge's usual one invocation per tick.
      try {
        const handler = await loadLocalHandler(serviceDir, schedule.handler, handlers);
        const deadline = Date.now() + schedule.timeoutSeconds * 1000;
        await invokingFunction.run(schedule.functionName, () =>
          handler(scheduledEvent(schedule.functionName), lambdaContext(schedule, randomUUID(), deadline)),
        );
      } catch (error) {
        options.log(`warning: ${schedule.functionName} failed: ${(error as Error).stack ?? String(error)}`);
      }
    };
    const arm = () => {
      if (stopped) return;
      const wait = nextLocalRun(schedule.expression, Date.now()) ?? 60_000;
      const timer = setTimeout(() => {
        timers.delete(timer);
        void run().finally(arm);
      }, wait);
      timer.unref();
      timers.add(timer);
    };
    arm();
  }
  return () => {
    stopped = true;
    for (const timer of timers) clearTimeout(timer);
  };
}

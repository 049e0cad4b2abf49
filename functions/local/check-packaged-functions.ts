import { randomUUID } from 'node:crypto';
import { relative } from 'node:path';
import { mapConcurrently } from '../src/platform/concurrency';
import { startEphemeralStack } from './ephemeral-stack';
import { scheduledEvent } from './lambda-context';
import { repoRoot } from './local-paths';
import {
  budgetFor,
  createLoadingRoot,
  loadPackagedHandler,
  type PackagedFunction,
  packageDir,
  packageService,
  readPackagedService,
  unpackFunction,
} from './packaged-functions';

/**
 * `npm run check:packaged [-- --skip-package --no-budgets --jobs N]`: what an admin deploys,
 * loaded and called the way Lambda would. Packages the service (`npm run package`, offline) unless told
 * not to, then for every zip in .serverless/: unzips it into an empty folder, checks its native
 * binaries are for Lambda's architecture, imports its handler in a Node 22 process that finds only
 * the zip and the runtime's AWS SDK, and invokes it once against DynamoDB Local and s3rver:
 * - HTTP API: a v2 event of its route with a malformed JSON body must get a JSON 4xx (a route
 *   without a request body: any JSON answer below 500, e.g. 401 without a token);
 * - schedule: an EventBridge scheduled event must resolve;
 * - WebSocket: `$connect` without a token must get 401, other routes must not fail.
 * Each function's own JS is checked against its budget (packaged-functions.ts BUDGETS);
 * `--no-budgets` still reports the sizes but fails only on loading and answering.
 * One line per function, then every failure; exit 1 when there is one.
 */

const argv = process.argv.slice(2);
const args = new Set(argv);
const enforceBudgets = !args.has('--no-budgets');
/** Functions checked at once (`--jobs N`, default 2: the machine has 2 cores). */
const jobsAt = argv.indexOf('--jobs');
const JOBS = jobsAt === -1 ? 2 : Math.max(1, Number(argv[jobsAt + 1]) || 1);
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/** What the answer was, and why it is wrong when it is. */
type Expectation = (result: unknown) => { answer: string; problem?: string };

interface HttpAnswer {
  status: number;
  json: boolean;
}

/** A handler's return value as API Gateway's payload format 2.0 turns it into a response. */
function httpAnswer(result: unknown): HttpAnswer {
  const structured = result as { statusCode?: unknown; headers?: Record<string, unknown>; body?: unknown };
  if (!structured || typeof structured !== 'object' || !('statusCode' in structured))
    return { status: 200, json: true };
  const contentType = Object.entries(structured.headers ?? {}).find(
    ([name]) => name.toLowerCase() === 'content-type',
  )?.[1];
  let json = /application\/json/.test(String(contentType ?? ''));
  try {
    JSON.parse(String(structured.body));
  } catch {
    json = false;
  }
  return { status: Number(structured.statusCode), json };
}

function httpCase(route: string): { event: unknown; expect: Expectation } {
  const [method = 'GET', path = '/'] = route === '*' ? ['GET', '/'] : route.split(/\s+/);
  const pathParameters: Record<string, string> = {};
  const rawPath = path.replace(/\{(\w+)\+?\}/g, (_, name: string) => {
    pathParameters[name] = 'check';
    return 'check';
  });
  const now = new Date();
  const event = {
    version: '2.0',
    routeKey: route === '*' ? '$default' : route,
    rawPath,
    rawQueryString: '',
    headers: { 'content-type': 'application/json', host: 'api.example.cn', 'user-agent': 'check:packaged' },
    requestContext: {
      accountId: '000000000000',
      apiId: 'check',
      domainName: 'api.example.cn',
      domainPrefix: 'api',
      http: {
        method,
        path: rawPath,
        protocol: 'HTTP/1.1',
        sourceIp: '127.0.0.1',
        userAgent: 'check:packaged',
      },
      requestId: randomUUID(),
      routeKey: route,
      stage: '$default',
      time: now.toISOString(),
      timeEpoch: now.getTime(),
    },
    ...(Object.keys(pathParameters).length > 0 ? { pathParameters } : {}),
    body: '{"malformed": ',
    isBase64Encoded: false,
  };
  const takesBody = BODY_METHODS.has(method.toUpperCase());
  return {
    event,
    expect: (result) => {
      const { status, json } = httpAnswer(result);
      const answer = `${route} with a malformed body → ${status}${json ? ' JSON' : ' (not JSON)'}`;
      const ok = json && (takesBody ? status >= 400 && status < 500 : status < 500);
      return {
        answer,
        problem: ok ? undefined : `${answer}; expected a JSON ${takesBody ? '4xx' : 'answer below 500'}`,
      };
    },
  };
}

function scheduleCase(): { event: unknown; expect: Expectation } {
  return {
    event: scheduledEvent('check-packaged'),
    expect: () => ({ answer: 'scheduled event → resolved' }),
  };
}

function websocketCase(route: string): { event: unknown; expect: Expectation } {
  const eventType = route === '$connect' ? 'CONNECT' : route === '$disconnect' ? 'DISCONNECT' : 'MESSAGE';
  const event = {
    requestContext: {
      routeKey: route,
      eventType,
      connectionId: 'Y2hlY2stcGFja2FnZWQ=',
      requestId: randomUUID(),
      connectedAt: Date.now(),
      requestTimeEpoch: Date.now(),
      domainName: 'ws.example.cn',
      stage: 'prod',
      apiId: 'check',
    },
    headers: { host: 'ws.example.cn' },
    isBase64Encoded: false,
    ...(eventType === 'MESSAGE' ? { body: JSON.stringify({ action: route }) } : {}),
  };
  return {
    event,
    expect: (result) => {
      const status = (result as { statusCode?: number } | null)?.statusCode;
      const answer = `${route}${route === '$connect' ? ' without a token' : ''} → ${status ?? 'resolved'}`;
      const ok = route === '$connect' ? status === 401 : status === undefined || status < 500;
      return {
        answer,
        problem: ok ? undefined : `${answer}; expected ${route === '$connect' ? '401' : 'no failure'}`,
      };
    },
  };
}

function caseFor(fn: PackagedFunction): { event?: unknown; expect: Expectation } {
  const trigger = fn.triggers[0] ?? '';
  if (fn.kind === 'http') return httpCase(trigger);
  if (fn.kind === 'schedule') return scheduleCase();
  if (fn.kind === 'websocket') return websocketCase(trigger);
  return { expect: () => ({ answer: 'imported (no event source)' }) };
}

interface Row {
  fn: PackagedFunction;
  problems: string[];
  overBudget?: string;
  /** Own JS within the budget's goal (the ceiling is what the check enforces). */
  jsKiB?: number;
  zipKiB?: number;
  coldImportMs?: number;
  answer?: string;
  note: string;
}

function printRow(row: Row): void {
  const status = row.problems.length > 0 ? 'FAIL' : row.overBudget ? 'OVER' : 'ok';
  const kib = (value?: number) => (value === undefined ? '–' : value.toFixed(1)).padStart(8);
  console.log(
    `${row.fn.name.padEnd(34)} ${row.fn.kind.padEnd(9)} ${status.padEnd(4)} ${kib(row.jsKiB)} ${kib(row.zipKiB)} ` +
      `${(row.coldImportMs === undefined ? '–' : Math.round(row.coldImportMs).toString()).padStart(6)}  ${row.note}`,
  );
}

async function checkFunction(
  fn: PackagedFunction,
  root: string,
  env: Record<string, string>,
  architecture: string,
): Promise<Row> {
  const row: Row = { fn, problems: [], note: '' };
  let unpacked: ReturnType<typeof unpackFunction> | undefined;
  try {
    unpacked = unpackFunction(fn, root, architecture);
    const { unzipped, hostNatives } = unpacked;
    Object.assign(row, { jsKiB: unzipped.jsKiB, zipKiB: unzipped.zipKiB });
    row.problems.push(...unpacked.problems);
    const { event, expect } = caseFor(fn);
    const outcome = await loadPackagedHandler({
      taskRoot: unzipped.taskRoot,
      handler: fn.handler,
      functionName: fn.name,
      memorySize: fn.memorySize,
      env,
      event,
    });
    row.coldImportMs = outcome.coldImportMs;
    if (outcome.error) {
      const { name, code, message } = outcome.error;
      row.problems.push(
        `${outcome.coldImportMs === undefined ? 'import' : 'invocation'}: ${code ?? name}: ${message}` +
          (outcome.output.trim()
            ? `\n      last output: ${outcome.output.trim().split('\n').slice(-3).join('\n      ')}`
            : ''),
      );
    } else {
      const { answer, problem } = expect(outcome.result);
      row.answer = answer;
      if (problem) row.problems.push(problem);
    }
    const budget = budgetFor(unzipped, row.fn.name);
    if (unzipped.jsKiB > budget.jsKiB)
      row.overBudget = `own JS ${unzipped.jsKiB.toFixed(1)} KiB > ${budget.jsKiB} KiB (${budget.name} budget: ${budget.why})`;
    row.note = [
      row.answer ?? fn.triggers.join(', '),
      budget.name === 'default' ? '' : `${budget.name} budget ${budget.jsKiB} KiB`,
      hostNatives.length > 0 ? `loaded with this machine's ${hostNatives.join(', ')}` : '',
    ]
      .filter(Boolean)
      .join(' · ');
  } catch (error) {
    row.problems.push((error as Error).message);
  } finally {
    unpacked?.remove();
  }
  return row;
}

async function main(): Promise<number> {
  const started = performance.now();
  if (!args.has('--skip-package')) {
    const ms = packageService();
    console.log(`[check:packaged] packaged in ${(ms / 1000).toFixed(1)} s`);
  }
  const { functions, strayZips, architecture } = readPackagedService();
  const { root, sdkVersion, remove } = createLoadingRoot('zx-packaged-');
  const stack = await startEphemeralStack();
  const rows: Row[] = [];
  try {
    // The handlers' local-stage environment, except that the document font must come from the zip.
    const { DOCUMENT_FONT_FILE: _fromTheRepo, ...env } = stack.env;
    console.log(
      `[check:packaged] ${functions.length} functions from ${relative(repoRoot, packageDir)}/, ` +
        `Lambda ${architecture}, Node ${process.version}, AWS SDK ${sdkVersion} provided as the runtime's`,
    );
    console.log(
      `${'function'.padEnd(34)} ${'kind'.padEnd(9)} ${'stat'} ${'JS KiB'.padStart(8)} ${'zip KiB'.padStart(8)} ${'cold ms'.padStart(6)}`,
    );
    // Checked JOBS at a time, printed in name order as they complete.
    let printed = 0;
    await mapConcurrently(functions, JOBS, async (fn, index) => {
      rows[index] = await checkFunction(fn, root, env, architecture);
      while (rows[printed]) printRow(rows[printed++]!);
    });
  } finally {
    await stack.stop();
    remove();
  }

  const failures = [
    ...strayZips.map((zip) => `${relative(repoRoot, zip)}: a zip that no function of the service deploys`),
    ...rows.flatMap((row) => row.problems.map((problem) => `${row.fn.name}: ${problem}`)),
  ];
  const overBudget = rows.flatMap((row) => (row.overBudget ? [`${row.fn.name}: ${row.overBudget}`] : []));
  const loaded = rows.filter((row) => row.problems.length === 0).length;
  console.log(
    `\n[check:packaged] ${loaded}/${rows.length} load and answer as expected; ` +
      `${rows.length - overBudget.length}/${rows.length} within their size budget` +
      `${enforceBudgets ? '' : ' (not enforced: --no-budgets)'}; ${((performance.now() - started) / 1000).toFixed(1)} s`,
  );
  const reported = enforceBudgets ? [...failures, ...overBudget] : failures;
  if (reported.length === 0) return 0;
  console.log(`\n[check:packaged] ${reported.length} failure(s):`);
  for (const failure of reported) console.log(`  ✗ ${failure}`);
  return 1;
}

process.exitCode = await main();

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  type Budget,
  budgetFor,
  createLoadingRoot,
  loadPackagedHandler,
  packageService,
  readPackagedService,
  unpackFunction,
} from '../functions/local/packaged-functions';
import { percentile } from './support/compare-with-baseline';

/**
 * `npm run bench:bundles [-- --skip-package] [-- --runs N] [-- --only a,b]`: every function as it
 * is deployed — the zips of `npm run package` — beside an empty handler, measured the same way in
 * the same run. Each zip is unzipped into an empty folder and its handler imported by Node 22 in a
 * fresh process that finds only the zip and the runtime's AWS SDK (packaged-functions.ts) and that
 * first loads what Lambda's Node.js runtime has loaded before it imports a handler (node:http and its
 * keep-alive Agent, node:net, util, fs, assert, path: packaged-function-runner.mjs); cold import =
 * from that process's start until the handler module is imported. Per function: own JS
 * (the .mjs files) and zip size, the median cold import of RUNS processes and that of the empty
 * handler's processes interleaved with them (alternating which goes first, so load hits both), the
 * ratio, and the function's budget (BUDGETS: ≤ 300 KiB and ≤ 2× unless a heavy part earns its own).
 * The last line is one JSON object.
 */

const args = process.argv.slice(2);
const argValue = (name: string) => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
};
const RUNS = Number(argValue('--runs') ?? 5);
const ONLY = argValue('--only')?.split(',');

/** What a deployed function's configuration looks like, so modules that read it at import load. */
const deployedLikeEnv: Record<string, string> = {
  STAGE: 'prod',
  TABLE_NAME: 'zhixiang-kefu-prod',
  BUCKET_NAME: 'zhixiang-kefu-prod-documents-000000000000',
  FIELD_KEY_ID: 'arn:aws-cn:kms:cn-north-1:000000000000:key/00000000-0000-0000-0000-000000000000',
  FIELD_KEY_PROVIDER: 'kms',
  SSM_PREFIX: '/zhixiang-kefu/prod',
  AWS_REGION: 'cn-north-1',
  AWS_ACCESS_KEY_ID: 'bench',
  AWS_SECRET_ACCESS_KEY: 'bench',
  POWERTOOLS_SERVICE_NAME: 'zhixiang-kefu',
};

interface Samples {
  cold: number[];
  empty: number[];
}

interface Measured extends Samples {
  name: string;
  budget: Budget;
  jsKiB: number;
  zipKiB: number;
  error?: string;
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);
const median = (values: number[]) => percentile(sorted(values), 50);

async function coldImport(taskRoot: string, handler: string, functionName: string): Promise<number> {
  const outcome = await loadPackagedHandler({ taskRoot, handler, functionName, env: deployedLikeEnv });
  if (outcome.coldImportMs === undefined)
    throw new Error(
      `${functionName}: ${outcome.error?.code ?? outcome.error?.name}: ${outcome.error?.message}`,
    );
  return outcome.coldImportMs;
}

/** A one-file handler in its own folder under `root`, loaded the way the zips are. */
function writeHandler(root: string, name: string, source: string): string {
  const taskRoot = join(root, name, 'task');
  mkdirSync(taskRoot, { recursive: true });
  writeFileSync(join(taskRoot, 'handler.mjs'), source);
  return taskRoot;
}

/** RUNS cold imports of `own`, each beside one of the empty handler, alternating which goes first. */
async function measureBesideEmpty(
  measured: Samples,
  own: () => Promise<number>,
  empty: () => Promise<number>,
) {
  for (let run = 0; run < RUNS; run++) {
    if (run % 2 === 0) {
      measured.empty.push(await empty());
      measured.cold.push(await own());
    } else {
      measured.cold.push(await own());
      measured.empty.push(await empty());
    }
  }
}

async function main() {
  if (!args.includes('--skip-package')) packageService();
  const { functions, architecture } = readPackagedService();
  const { root, sdkVersion, remove } = createLoadingRoot('zx-bench-bundles-');
  const emptyRoot = writeHandler(
    root,
    '(empty)',
    "export const handler = async () => ({ statusCode: 200, body: '' });\n",
  );
  const empty = () => coldImport(emptyRoot, 'handler.handler', 'empty');
  // The floor of any function that reads DynamoDB: the runtime's client and nothing of ours.
  const dynamodbRoot = writeHandler(
    root,
    '(DynamoDB client only)',
    [
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
      'const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      'export const handler = async () => ({ statusCode: 200, body: String(Boolean(client)) });',
      '',
    ].join('\n'),
  );

  const reference: Samples = { cold: [], empty: [] };
  const results: Measured[] = [];
  try {
    await empty(); // the OS file cache warmed once; every measured run is still a fresh process
    await measureBesideEmpty(reference, () => coldImport(dynamodbRoot, 'handler.handler', 'dynamodb'), empty);
    for (const fn of functions.filter(({ name }) => !ONLY || ONLY.includes(name))) {
      const { unzipped, problems, remove: removeFunction } = unpackFunction(fn, root, architecture);
      const measured: Measured = {
        name: fn.name,
        budget: budgetFor(unzipped, fn.name),
        jsKiB: unzipped.jsKiB,
        zipKiB: unzipped.zipKiB,
        cold: [],
        empty: [],
      };
      try {
        if (problems.length > 0) throw new Error(problems.join('; '));
        await measureBesideEmpty(measured, () => coldImport(unzipped.taskRoot, fn.handler, fn.name), empty);
      } catch (error) {
        measured.error = (error as Error).message;
      } finally {
        removeFunction();
      }
      results.push(measured);
      process.stderr.write(`${fn.name} `);
    }
  } finally {
    remove();
  }
  process.stderr.write('\n');

  const rows = results.map((item) => {
    const coldMs = item.cold.length > 0 ? median(item.cold) : Number.NaN;
    const emptyMs = item.empty.length > 0 ? median(item.empty) : Number.NaN;
    const ratio = coldMs / emptyMs;
    const sizeOk = item.jsKiB <= item.budget.jsKiB;
    const ratioOk = ratio <= item.budget.coldImportRatio;
    return { ...item, coldMs, emptyMs, ratio, sizeOk, ratioOk, ok: sizeOk && ratioOk && !item.error };
  });
  const lines = [
    `${rows.length} packaged functions (.serverless/ of \`npm run package\`), each unzipped and imported by ` +
      `Node ${process.version} in ${RUNS} fresh processes with only the zip and the runtime's AWS SDK (${sdkVersion}), ` +
      'interleaved with as many of an empty handler; medians.',
    '',
    '| function | budget | own JS KiB | zip KiB | cold import ms | empty handler ms | ratio | JS ≤ budget | ratio ≤ budget |',
    '|---|---|---:|---:|---:|---:|---:|:-:|:-:|',
    `| (DynamoDB client only: the runtime's client, nothing of ours) | – | – | – | ${median(reference.cold).toFixed(0)} | ` +
      `${median(reference.empty).toFixed(0)} | ${(median(reference.cold) / median(reference.empty)).toFixed(2)} | | |`,
    ...rows.map(
      (row) =>
        `| ${row.name} | ${row.budget.name} (${row.budget.jsKiB} KiB, ${row.budget.coldImportRatio}×) | ` +
        `${row.jsKiB.toFixed(1)} | ${row.zipKiB.toFixed(1)} | ${row.coldMs.toFixed(0)} | ${row.emptyMs.toFixed(0)} | ` +
        `${row.ratio.toFixed(2)} | ${row.sizeOk ? '✓' : '✗'} | ${row.error ? `✗ ${row.error}` : row.ratioOk ? '✓' : '✗'} |`,
    ),
  ];
  const all = sorted(rows.flatMap((row) => row.cold));
  const baseline = sorted(rows.flatMap((row) => row.empty));
  const worst = [...rows].sort((a, b) => b.ratio - a.ratio)[0];
  const largest = [...rows].sort((a, b) => b.jsKiB - a.jsKiB)[0];
  const over = rows.filter((row) => !row.ok);
  lines.push(
    '',
    `${over.length === 0 ? 'Every function is within its budget.' : `${over.length} of ${rows.length} functions miss their budget.`}`,
  );
  console.log(lines.join('\n'));
  const round = (value: number, digits = 1) => Number(value.toFixed(digits));
  console.log(
    JSON.stringify({
      bench: 'bundles',
      p50Ms: round(percentile(all, 50)),
      p99Ms: round(percentile(all, 99)),
      baselineP50Ms: round(percentile(baseline, 50)),
      baselineP99Ms: round(percentile(baseline, 99)),
      ratioP50: round(percentile(all, 50) / percentile(baseline, 50), 2),
      ratioP99: round(percentile(all, 99) / percentile(baseline, 99), 2),
      goal: 'every function: own JS ≤ 300 KiB and median cold import ≤ 2× an empty handler, unless a heavy part earns its own budget',
      met: over.length === 0,
      samples: all.length,
      functions: rows.length,
      overBudget: over.length,
      overSize: rows.filter((row) => !row.sizeOk).length,
      overRatio: rows.filter((row) => !row.ratioOk).length,
      failedToLoad: rows.filter((row) => row.error).length,
      worstFunction: worst?.name,
      worstRatio: worst ? round(worst.ratio, 2) : null,
      largestFunction: largest?.name,
      largestJsKiB: largest ? round(largest.jsKiB) : null,
      dynamodbClientOnlyRatio: round(median(reference.cold) / median(reference.empty), 2),
      awsSdk: sdkVersion,
      runs: RUNS,
    }),
  );
}

await main();

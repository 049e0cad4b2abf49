import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type BuildOptions, build, type Metafile } from 'esbuild';
import { localDir, repoRoot } from '../functions/local/local-paths';
import { loadServerlessConfig } from '../functions/local/serverless-config';

/**
 * `npm run bench:bundles`: bundles every function of serverless.yml with the esbuild settings of
 * its `custom.esbuild` section (what `npm run package` ships), plus an empty handler bundled the
 * same way, and reports per function:
 * - the minified size (goal ≤ 300 KiB with the AWS SDK bundled);
 * - the cold start in a fresh Node process (process start → handler module imported → exit) and
 *   the import alone, each as the median of RUNS, and the cold-start ratio to the empty handler
 *   (goal ≤ 2×). Runs are interleaved with the empty handler's so machine load affects both.
 * Options: `--runs N` (default 9), `--only name1,name2`.
 */

const args = process.argv.slice(2);
const argValue = (name: string) => {
  const index = args.indexOf(name);
  return index === -1 ? undefined : args[index + 1];
};
const RUNS = Number(argValue('--runs') ?? 9);
const ONLY = argValue('--only')?.split(',');
const SIZE_GOAL_KIB = 300;
const RATIO_GOAL = 2;

const outDir = join(localDir, 'bench-bundles');

interface EsbuildSection {
  minify?: boolean;
  sourcemap?: BuildOptions['sourcemap'];
  target?: string;
  platform?: BuildOptions['platform'];
  format?: BuildOptions['format'];
  outputFileExtension?: string;
  mainFields?: string[];
  banner?: Record<string, string>;
  exclude?: string[];
  external?: string[];
  splitting?: boolean;
}

/** Environment a deployed function has, so modules that read config at import time load. */
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

/** Bytes in the output per npm package (or per source file of ours), largest first. */
const contributors = new Map<string, [string, number][]>();

function byPackage(metafile: Metafile): [string, number][] {
  const totals = new Map<string, number>();
  for (const output of Object.values(metafile.outputs)) {
    for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
      const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(input);
      const key = match ? match[1]! : input;
      totals.set(key, (totals.get(key) ?? 0) + bytesInOutput);
    }
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

async function bundle(name: string, entry: string, settings: EsbuildSection): Promise<string> {
  const extension = settings.outputFileExtension ?? '.js';
  const outfile = join(outDir, name, `handler${extension}`);
  const result = await build({
    metafile: true,
    entryPoints: [entry],
    outfile,
    bundle: true,
    minify: settings.minify ?? false,
    sourcemap: settings.sourcemap ?? false,
    target: settings.target ?? 'node22',
    platform: settings.platform ?? 'node',
    format: settings.format ?? 'cjs',
    mainFields: settings.mainFields,
    banner: settings.banner,
    external: [...(settings.exclude ?? []), ...(settings.external ?? [])],
    logLevel: 'error',
    absWorkingDir: repoRoot,
  });
  contributors.set(name, byPackage(result.metafile));
  return outfile;
}

/** One fresh Node process: returns [whole process ms, import ms]. */
function coldStart(file: string): [number, number] {
  const script = `const t=performance.now();await import(${JSON.stringify(pathToFileURL(file).href)});process.stdout.write(JSON.stringify([performance.timeOrigin,t,performance.now()]))`;
  const started = performance.now();
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], {
    env: { PATH: process.env.PATH ?? '', ...deployedLikeEnv },
    encoding: 'utf8',
  });
  const wall = performance.now() - started;
  const [, importStart, importEnd] = JSON.parse(output) as [number, number, number];
  return [wall, importEnd - importStart];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

async function main() {
  const config = loadServerlessConfig({ stage: 'prod' });
  const settings = (config.custom?.esbuild ?? {}) as EsbuildSection;
  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });

  const emptyEntry = join(outDir, 'empty-handler.ts');
  await writeFile(emptyEntry, 'export const handler = async () => ({ statusCode: 200, body: "" });\n');
  const empty = await bundle('(empty handler)', emptyEntry, settings);

  const functions = Object.entries(config.functions ?? {}).filter(([name]) => !ONLY || ONLY.includes(name));
  const bundles: { name: string; file: string; zipKiB?: number }[] = [];
  // The floor for any function that reads DynamoDB: the SDK client and nothing of ours.
  const floorEntry = join(outDir, 'dynamodb-client-only.ts');
  await writeFile(
    floorEntry,
    [
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';",
      'const client = DynamoDBDocumentClient.from(new DynamoDBClient({}));',
      'export const handler = async () => ({ statusCode: 200, body: String(Boolean(client)) });',
      '',
    ].join('\n'),
  );
  bundles.push({
    name: '(DynamoDB client only)',
    file: await bundle('dynamodb-client-only', floorEntry, settings),
  });
  const missing: string[] = [];
  for (const [name, spec] of functions) {
    const modulePath = spec.handler.slice(0, spec.handler.lastIndexOf('.'));
    const entry = ['.ts', '.mts', '.js'].map((ext) => join(repoRoot, modulePath + ext)).find(existsSync);
    if (!entry) {
      missing.push(name);
      continue;
    }
    const zip = join(repoRoot, '.serverless', `${name}.zip`);
    bundles.push({
      name,
      file: await bundle(name, entry, settings),
      zipKiB: existsSync(zip) ? statSync(zip).size / 1024 : undefined,
    });
  }

  const emptyWall: number[] = [];
  const emptyImport: number[] = [];
  const results = new Map<string, { wall: number[]; import: number[] }>();
  coldStart(empty); // warm the OS file cache once; every measured run is still a fresh process
  for (let run = 0; run < RUNS; run += 1) {
    for (const item of bundles) {
      const [wallEmpty, importEmpty] = coldStart(empty);
      emptyWall.push(wallEmpty);
      emptyImport.push(importEmpty);
      const [wall, imported] = coldStart(item.file);
      const entry = results.get(item.name) ?? { wall: [], import: [] };
      entry.wall.push(wall);
      entry.import.push(imported);
      results.set(item.name, entry);
    }
  }
  if (bundles.length === 0) {
    for (let run = 0; run < RUNS; run += 1) {
      const [wall, imported] = coldStart(empty);
      emptyWall.push(wall);
      emptyImport.push(imported);
    }
  }

  const emptyWallMs = median(emptyWall);
  const emptyImportMs = median(emptyImport);
  const kib = (file: string) => statSync(file).size / 1024;
  const lines = [
    `Bundles of ${bundles.length} functions, esbuild settings from serverless.yml custom.esbuild ` +
      `(format ${settings.format}, minify ${settings.minify}, target ${settings.target}, AWS SDK bundled); ` +
      `Node ${process.version}; median of ${RUNS} fresh processes each.`,
    '',
    '| function | minified KiB | zip KiB | cold start ms | import ms | cold start / empty | size ≤ 300 KiB | ≤ 2× empty |',
    '|---|---:|---:|---:|---:|---:|:-:|:-:|',
    `| (empty handler) | ${kib(empty).toFixed(1)} | – | ${emptyWallMs.toFixed(0)} | ${emptyImportMs.toFixed(1)} | 1.00 | | |`,
  ];
  let failures = 0;
  for (const item of bundles) {
    const result = results.get(item.name)!;
    const size = kib(item.file);
    const wall = median(result.wall);
    const ratio = wall / emptyWallMs;
    const sizeOk = size <= SIZE_GOAL_KIB;
    const ratioOk = ratio <= RATIO_GOAL;
    if ((!sizeOk || !ratioOk) && !item.name.startsWith('(')) failures += 1;
    lines.push(
      `| ${item.name} | ${size.toFixed(1)} | ${item.zipKiB === undefined ? '–' : item.zipKiB.toFixed(1)} | ` +
        `${wall.toFixed(0)} | ${median(result.import).toFixed(1)} | ${ratio.toFixed(2)} | ${sizeOk ? '✓' : '✗'} | ${ratioOk ? '✓' : '✗'} |`,
    );
  }
  if (missing.length > 0) lines.push('', `Not measured (handler module missing): ${missing.join(', ')}`);
  // The smallest bundle shows what every function carries; the largest, what one adds on top.
  const bySize = bundles
    .filter((item) => !item.name.startsWith('('))
    .sort((a, b) => kib(a.file) - kib(b.file));
  const shown = [...new Set([bySize[0], bySize.at(-1)].filter((item) => item !== undefined))];
  for (const item of shown) {
    lines.push('', `Largest contributors to ${item.name} (KiB in the minified output):`, '');
    lines.push('| package or file | KiB |', '|---|---:|');
    for (const [source, bytes] of (contributors.get(item.name) ?? []).slice(0, 12)) {
      lines.push(`| ${source} | ${(bytes / 1024).toFixed(1)} |`);
    }
  }
  lines.push(
    '',
    `Cold start = spawn of \`node\` until it exits after importing the bundle (what a Lambda init adds on top of the runtime), ` +
      `import = the \`import()\` alone. Zip sizes are those of .serverless/ from the last \`npm run package\` (they include the source map).`,
    `${failures === 0 ? 'All functions meet both goals.' : `${failures} function(s) miss a goal.`}`,
  );
  console.log(lines.join('\n'));
}

await main();

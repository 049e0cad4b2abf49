#!/usr/bin/env node
// `npm test`: every check in order, stopping at the first failure, with each step's duration and a
// summary at the end. The last line is machine-readable: `TEST RESULT: PASS|FAIL …`.
// Two steps run beside others, since each keeps about one core busy while the steps beside it leave
// some idle: the typecheck (tsc) beside lint and the unit tests, and the packaging of the service
// (osls: one esbuild build per function, then its zip) beside the integration tests and the mini
// program's checks. A step beside others prints its output when it ends, so the log still reads step
// by step, and it must have passed before the step it is joined to starts: every step after the unit
// tests starts only once the typecheck passed, and the packaged check only once the packaging did.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'node_modules', '.bin');
// Node 22 from the node@22 devDependency first, whichever node started this script.
const env = {
  ...process.env,
  PATH: `${bin}${delimiter}${process.env.PATH ?? ''}`,
  FORCE_COLOR: process.env.FORCE_COLOR ?? '1',
};

function miniprogramHasTests() {
  try {
    const pkg = JSON.parse(readFileSync(join(root, 'miniprogram', 'package.json'), 'utf8'));
    return Boolean(pkg.scripts?.test);
  } catch {
    return false;
  }
}

const PACKAGED_CHECK = 'packaged functions (npm run check:packaged -- --skip-package)';
const PACKAGING = 'packaging (npm run package)';
const steps = [
  { name: 'typecheck', command: 'npm', args: ['run', 'typecheck'], beside: { joinBefore: PACKAGING } },
  { name: 'lint', command: 'npm', args: ['run', 'lint'] },
  // Unit tests first: they need no emulator, so a broken rule fails before DynamoDB Local starts.
  {
    name: 'unit (vitest --project unit)',
    command: join(bin, 'vitest'),
    args: ['run', '--config', 'vitest.config.ts', '--project', 'unit'],
  },
  // What an admin deploys, packaged offline (.serverless/) while the tests run; nothing they run
  // reads .serverless/.
  { name: PACKAGING, command: 'npm', args: ['run', '-s', 'package'], beside: { joinBefore: PACKAGED_CHECK } },
  {
    name: 'integration (vitest --project integration)',
    command: join(bin, 'vitest'),
    args: ['run', '--config', 'vitest.config.ts', '--project', 'integration'],
  },
];
if (miniprogramHasTests()) {
  steps.push({
    name: 'mini program (npm test -w miniprogram)',
    command: 'npm',
    args: ['test', '-w', 'miniprogram'],
  });
} else {
  console.log('[test] miniprogram has no test script yet: skipped');
}
// Last: the packaged service, loaded and called the way Lambda would, with its size budget
// (functions/local/check-packaged-functions.ts), on the zips the packaging step made.
steps.push({
  name: PACKAGED_CHECK,
  command: 'npm',
  args: ['run', 'check:packaged', '--', '--skip-package'],
});

/** Runs one step; with `buffered`, its output is kept and returned instead of shown as it comes. */
function run(step, buffered = false) {
  return new Promise((resolveRun) => {
    const child = spawn(step.command, step.args, {
      cwd: root,
      env,
      stdio: buffered ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    const keep = (chunk) => {
      output += chunk;
    };
    child.stdout?.on('data', keep);
    child.stderr?.on('data', keep);
    const done = (code) => resolveRun({ code, output });
    child.on('error', (error) => {
      console.error(`[test] cannot run ${step.command}: ${error.message}`);
      done(127);
    });
    child.on('close', (code, signal) => done(code ?? (signal ? 128 : 1)));
  });
}

async function timed(step, buffered) {
  if (!buffered) console.log(`\n[test] ▶ ${step.name}`);
  const stepStarted = performance.now();
  const { code, output } = await run(step, buffered);
  const ms = performance.now() - stepStarted;
  if (buffered) {
    console.log(`\n[test] ▶ ${step.name} (ran beside the next steps)`);
    process.stdout.write(output);
  }
  console.log(`[test] ${code === 0 ? '✓' : '✗'} ${step.name} (${format(ms)})`);
  return { step, code, ms };
}

const format = (ms) => `${(ms / 1000).toFixed(1)} s`;
const started = performance.now();
const results = [];
let failed;
/** Steps started beside the next ones, each awaited before the step named by its `joinBefore`. */
const pending = [];
const settle = (outcome) => {
  results.push({ name: outcome.step.name, ok: outcome.code === 0, ms: outcome.ms });
  if (!failed && outcome.code !== 0) failed = { ...outcome.step, code: outcome.code };
};
for (const step of steps) {
  for (const joined of pending.filter((p) => p.step.beside.joinBefore === step.name)) {
    pending.splice(pending.indexOf(joined), 1);
    settle(await joined.outcome);
  }
  if (failed) break;
  if (step.beside) {
    pending.push({ step, outcome: timed(step, true) });
    continue;
  }
  const { code, ms } = await timed(step, false);
  results.push({ name: step.name, ok: code === 0, ms });
  if (code !== 0) {
    failed = { ...step, code };
    break;
  }
}
// After a failure, a step still running beside ends (and reports) before the summary.
for (const { outcome } of pending) settle(await outcome);

const width = Math.max(...steps.map((step) => step.name.length));
console.log('\n[test] summary');
for (const result of results)
  console.log(`  ${result.ok ? '✓' : '✗'} ${result.name.padEnd(width)} ${format(result.ms)}`);
for (const step of steps.filter((s) => !results.some((r) => r.name === s.name)))
  console.log(`  - ${step.name.padEnd(width)} not run`);
const total = format(performance.now() - started);
if (failed) {
  console.log(`TEST RESULT: FAIL at "${failed.name}" (exit ${failed.code}) after ${total}`);
  process.exit(1);
}
console.log(`TEST RESULT: PASS (${results.length} steps) in ${total}`);

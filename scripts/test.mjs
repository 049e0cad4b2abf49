#!/usr/bin/env node
// `npm test`: every check in order, stopping at the first failure, with each step's duration and a
// summary at the end. The last line is machine-readable: `TEST RESULT: PASS|FAIL …`.
// The typecheck (tsc: one busy core) runs beside lint and the unit tests; their output is printed
// when each ends, so the log still reads step by step. Every later step starts only once all three
// passed.
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

const steps = [
  { name: 'typecheck', command: 'npm', args: ['run', 'typecheck'], beside: true },
  { name: 'lint', command: 'npm', args: ['run', 'lint'] },
  // Unit tests first: they need no emulator, so a broken rule fails before DynamoDB Local starts.
  {
    name: 'unit (vitest --project unit)',
    command: join(bin, 'vitest'),
    args: ['run', '--config', 'vitest.config.ts', '--project', 'unit'],
  },
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
// Last: what an admin deploys. Packages the service offline, then loads and calls every zip the
// way Lambda would and checks its size budget (functions/local/check-packaged-functions.ts).
steps.push({
  name: 'packaged functions (npm run check:packaged)',
  command: 'npm',
  args: ['run', 'check:packaged'],
});

/** Runs one step; with `buffered`, its output is printed once it ends. */
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
    const done = (code) => {
      if (buffered) process.stdout.write(output);
      resolveRun(code);
    };
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
  const code = await run(step, buffered);
  const ms = performance.now() - stepStarted;
  if (buffered) console.log(`\n[test] ▶ ${step.name} (ran beside the next steps)`);
  console.log(`[test] ${code === 0 ? '✓' : '✗'} ${step.name} (${format(ms)})`);
  return { step, code, ms };
}

const format = (ms) => `${(ms / 1000).toFixed(1)} s`;
const started = performance.now();
const results = [];
let failed;
/** A step started beside the next ones: awaited before the first step that comes after `joinBefore`. */
let pending;
const joinBefore = 'integration (vitest --project integration)';
for (const step of steps) {
  if (step.beside) {
    pending = timed(step, true);
    continue;
  }
  if (pending && step.name === joinBefore) {
    const outcome = await pending;
    pending = undefined;
    results.push({ name: outcome.step.name, ok: outcome.code === 0, ms: outcome.ms });
    if (outcome.code !== 0) {
      failed = { ...outcome.step, code: outcome.code };
      break;
    }
  }
  const { code, ms } = await timed(step, false);
  results.push({ name: step.name, ok: code === 0, ms });
  if (code !== 0) {
    failed = { ...step, code };
    break;
  }
}
if (pending) {
  // A failure before the join: the step beside it still ends (and reports) before the summary.
  const outcome = await pending;
  results.push({ name: outcome.step.name, ok: outcome.code === 0, ms: outcome.ms });
  if (!failed && outcome.code !== 0) failed = { ...outcome.step, code: outcome.code };
}

console.log('\n[test] summary');
for (const result of results)
  console.log(`  ${result.ok ? '✓' : '✗'} ${result.name.padEnd(44)} ${format(result.ms)}`);
for (const step of steps.filter((s) => !results.some((r) => r.name === s.name)))
  console.log(`  - ${step.name.padEnd(44)} not run`);
const total = format(performance.now() - started);
if (failed) {
  console.log(`TEST RESULT: FAIL at "${failed.name}" (exit ${failed.code}) after ${total}`);
  process.exit(1);
}
console.log(`TEST RESULT: PASS (${results.length} steps) in ${total}`);

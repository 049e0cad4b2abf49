#!/usr/bin/env node
// `npm test`: every check in order, stopping at the first failure, with each step's duration and a
// summary at the end. The last line is machine-readable: `TEST RESULT: PASS|FAIL …`.
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
  { name: 'typecheck', command: 'npm', args: ['run', 'typecheck'] },
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

function run(step) {
  return new Promise((resolveRun) => {
    const child = spawn(step.command, step.args, { cwd: root, env, stdio: 'inherit' });
    child.on('error', (error) => {
      console.error(`[test] cannot run ${step.command}: ${error.message}`);
      resolveRun(127);
    });
    child.on('exit', (code, signal) => resolveRun(code ?? (signal ? 128 : 1)));
  });
}

const format = (ms) => `${(ms / 1000).toFixed(1)} s`;
const started = performance.now();
const results = [];
let failed;
for (const step of steps) {
  console.log(`\n[test] ▶ ${step.name}`);
  const stepStarted = performance.now();
  const code = await run(step);
  const ms = performance.now() - stepStarted;
  results.push({ name: step.name, ok: code === 0, ms });
  console.log(`[test] ${code === 0 ? '✓' : '✗'} ${step.name} (${format(ms)})`);
  if (code !== 0) {
    failed = { ...step, code };
    break;
  }
}

console.log('\n[test] summary');
for (const result of results)
  console.log(`  ${result.ok ? '✓' : '✗'} ${result.name.padEnd(44)} ${format(result.ms)}`);
for (const step of steps.slice(results.length)) console.log(`  - ${step.name.padEnd(44)} not run`);
const total = format(performance.now() - started);
if (failed) {
  console.log(`TEST RESULT: FAIL at "${failed.name}" (exit ${failed.code}) after ${total}`);
  process.exit(1);
}
console.log(`TEST RESULT: PASS (${results.length} steps) in ${total}`);

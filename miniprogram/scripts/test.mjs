// `npm test` of the mini program: the checks, in order, with a summary.
//   1. component and hook tests (vitest)
//   2. weapp build (a production build declared local: APP_STAGE=local keeps the localhost
//      addresses, which a build for a deployed stage refuses), then the static scan of its JS for
//      APIs WeChat lacks, the load harness (every page loaded and shown with only WeChat's
//      globals), and every .wxml/.wxss compiled by WeChat's wcc/wcsc
//   3. package-size budget from the built app.json
//   4. H5 build, then browser journeys in Chromium against the local stack
// A check whose build failed is reported as skipped; any failure makes the exit code 1.
import { spawnSync } from 'node:child_process';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = fileURLToPath(new URL('..', import.meta.url));
const repoBin = join(here, '..', 'node_modules', '.bin');
const env = {
  ...process.env,
  // Node 22 and the workspace tools first, whatever the caller's PATH.
  PATH: `${repoBin}${delimiter}${process.env.PATH ?? ''}`,
  // Taro's runner lives in the root node_modules; the webpack version it needs lives here.
  NODE_PATH: join(here, 'node_modules'),
};

const steps = [
  // React's production build has no act(): the component tests run in the test environment.
  { name: 'component and hook tests (vitest)', cmd: ['vitest', 'run'], nodeEnv: 'test' },
  {
    name: 'weapp build',
    cmd: ['taro', 'build', '--type', 'weapp'],
    quiet: true,
    nodeEnv: 'production',
    env: { APP_STAGE: 'local' },
  },
  {
    name: 'weapp scan for APIs WeChat lacks',
    cmd: ['node', 'scripts/weapp/check-apis.mjs'],
    needs: 'weapp build',
  },
  {
    name: 'weapp load harness (WeChat globals only)',
    cmd: ['node', 'scripts/weapp/load-harness.mjs'],
    needs: 'weapp build',
  },
  {
    name: 'wcc/wcsc compile of dist/weapp',
    cmd: ['node', 'scripts/check-wechat-compile.mjs'],
    needs: 'weapp build',
  },
  { name: 'package-size budget', cmd: ['node', 'scripts/check-package-size.mjs'], needs: 'weapp build' },
  { name: 'H5 build', cmd: ['taro', 'build', '--type', 'h5'], quiet: true, nodeEnv: 'production' },
  {
    name: 'browser journeys (Chromium)',
    // Every e2e/*.test.ts (the config's include), so a new journey is never left out of `npm test`.
    cmd: ['vitest', 'run', '--config', '../e2e/vitest.config.ts'],
    needs: 'H5 build',
  },
];

const only = process.argv.slice(2);
const results = new Map();
for (const step of steps) {
  if (only.length > 0 && !only.some((word) => step.name.includes(word))) continue;
  if (step.needs && results.get(step.needs) === 'failed') {
    results.set(step.name, 'skipped');
    continue;
  }
  console.log(`\n▶ ${step.name}: ${step.cmd.join(' ')}`);
  const started = performance.now();
  const [command, ...args] = step.cmd;
  // Taro's progress bar floods a log; keep its output only when the build fails.
  const run = spawnSync(command, args, {
    cwd: here,
    env: { ...env, ...(step.nodeEnv ? { NODE_ENV: step.nodeEnv } : {}), ...step.env },
    stdio: step.quiet ? 'pipe' : 'inherit',
    encoding: 'utf8',
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const ok = run.status === 0;
  if (step.quiet && !ok) process.stdout.write(`${run.stdout ?? ''}\n${run.stderr ?? ''}`);
  results.set(step.name, ok ? 'passed' : 'failed');
  console.log(`${ok ? '✓' : '✗'} ${step.name} (${seconds} s)`);
}

console.log('\nSummary');
for (const [name, outcome] of results)
  console.log(`  ${outcome === 'passed' ? '✓' : outcome === 'failed' ? '✗' : '-'} ${name}: ${outcome}`);
process.exit([...results.values()].some((outcome) => outcome !== 'passed') ? 1 : 0);

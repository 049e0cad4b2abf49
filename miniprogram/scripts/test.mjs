// `npm test` of the mini program: the checks, with a summary.
//   1. component and hook tests (vitest)
//   2. weapp build (a production build declared local: APP_STAGE=local keeps the localhost
//      addresses, which a build for a deployed stage refuses), then the static scan of its JS for
//      APIs WeChat lacks, the load harness (every page loaded and shown with only WeChat's
//      globals), and every .wxml/.wxss compiled by WeChat's wcc/wcsc
//   3. package-size budget from the built app.json
//   4. H5 build, then browser journeys in Chromium against the local stack
// Two lanes run side by side — the H5 build, and the component tests followed by the weapp build
// and its checks — since each is mostly one busy process and the machine has two cores; the
// journeys (which fill both cores) start once both lanes are done. A lane's output is printed when
// its step ends, so the log reads step by step. A check whose build failed is reported as skipped;
// any failure makes the exit code 1.
import { spawn } from 'node:child_process';
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
  {
    name: 'H5 build',
    cmd: ['taro', 'build', '--type', 'h5'],
    quiet: true,
    nodeEnv: 'production',
    lane: 'h5',
  },
  {
    name: 'browser journeys (Chromium)',
    // Every e2e/*.test.ts (the config's include), so a new journey is never left out of `npm test`.
    cmd: ['vitest', 'run', '--config', '../e2e/vitest.config.ts'],
    needs: 'H5 build',
    after: 'lanes',
  },
];

const only = process.argv.slice(2);
const results = new Map();

/** Runs one step; output is buffered (and printed with the result) unless `live`. */
function runStep(step, live) {
  if (only.length > 0 && !only.some((word) => step.name.includes(word))) return Promise.resolve();
  if (step.needs && results.get(step.needs) !== undefined && results.get(step.needs) !== 'passed') {
    results.set(step.name, 'skipped');
    return Promise.resolve();
  }
  const started = performance.now();
  const [command, ...args] = step.cmd;
  if (live) console.log(`\n▶ ${step.name}: ${step.cmd.join(' ')}`);
  const child = spawn(command, args, {
    cwd: here,
    env: { ...env, ...(step.nodeEnv ? { NODE_ENV: step.nodeEnv } : {}), ...step.env },
    stdio: live ? 'inherit' : ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  return new Promise((resolveStep) => {
    const finish = (ok) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1);
      results.set(step.name, ok ? 'passed' : 'failed');
      if (!live) {
        console.log(`\n▶ ${step.name}: ${step.cmd.join(' ')}`);
        // Taro's progress bar floods a log; a build's output is kept only when it fails.
        if (!step.quiet || !ok)
          process.stdout.write(output.endsWith('\n') || !output ? output : `${output}\n`);
      }
      console.log(`${ok ? '✓' : '✗'} ${step.name} (${seconds} s)`);
      resolveStep();
    };
    child.on('error', (error) => {
      output += `cannot run ${command}: ${error.message}\n`;
      finish(false);
    });
    child.on('close', (code) => finish(code === 0));
  });
}

async function runLane(laneSteps) {
  for (const step of laneSteps) await runStep(step, false);
}

const lanes = [steps.filter((step) => step.lane === 'h5'), steps.filter((step) => !step.lane && !step.after)];
await Promise.all(lanes.map(runLane));
for (const step of steps.filter((step) => step.after)) await runStep(step, true);

console.log('\nSummary');
for (const step of steps) {
  const outcome = results.get(step.name);
  if (outcome === undefined) continue;
  console.log(`  ${outcome === 'passed' ? '✓' : outcome === 'failed' ? '✗' : '-'} ${step.name}: ${outcome}`);
}
process.exit([...results.values()].some((outcome) => outcome !== 'passed') ? 1 : 0);

import { spawnSync } from 'node:child_process';
import { ensureDynamoDbLocal } from './dynamodb-local';
import { repoRoot } from './local-paths';

/**
 * Runs after `npm install`/`npm ci` (root postinstall) so the one-time work of the local stack is
 * part of the install, not of the first `npm start`: the download of DynamoDB Local (a 56 MB
 * tarball) and the production H5 build of the mini program (most of a minute on 2 cores).
 * Never fails the install: `npm start` and the tests redo whichever step is missing or stale.
 */
const ms = (started: number) => `${Math.round(performance.now() - started)} ms`;

try {
  const started = performance.now();
  const dir = await ensureDynamoDbLocal();
  console.log(`DynamoDB Local ready in ${dir} (${ms(started)})`);
} catch (error) {
  console.warn(`warning: DynamoDB Local not prepared (npm start will retry): ${(error as Error).message}`);
}

if (process.env.SKIP_H5_BUILD !== '1') {
  const started = performance.now();
  const build = spawnSync('npm', ['run', 'build:h5', '-w', 'miniprogram', '--silent'], {
    cwd: repoRoot,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  if (build.status === 0) console.log(`H5 build of the mini program ready (${ms(started)})`);
  else console.warn('warning: the H5 build failed during install (npm start will retry and show why)');
}

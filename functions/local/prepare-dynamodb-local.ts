import { ensureDynamoDbLocal } from './dynamodb-local';

/**
 * Runs after `npm install`/`npm ci` (root postinstall) so the one-time download of DynamoDB Local
 * (a 56 MB tarball) is part of the install, not of the first `npm start`. Never fails the install:
 * `npm start` and the tests retry the same step.
 */
try {
  const started = performance.now();
  const dir = await ensureDynamoDbLocal();
  console.log(`DynamoDB Local ready in ${dir} (${Math.round(performance.now() - started)} ms)`);
} catch (error) {
  console.warn(`warning: DynamoDB Local not prepared (npm start will retry): ${(error as Error).message}`);
}

import { runRenewalNotices } from '../use-cases/run-renewal-notices';
import { lettersWiring } from '../wiring';
import { renewalRunDeps } from '../wiring-issuing';

/** EventBridge schedule (serverless.yml), hourly: no HTTP, so not wrapped by the HTTP middleware. */
export async function handler(): Promise<void> {
  const deps = lettersWiring();
  const report = await runRenewalNotices(renewalRunDeps(deps));
  deps.logger.info('renewal notices run', { ...report });
}

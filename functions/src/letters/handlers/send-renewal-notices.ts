import { getContainer } from '../../container';
import { runRenewalNotices } from '../use-cases/run-renewal-notices';

/** EventBridge schedule (serverless.yml), hourly: no HTTP, so not wrapped by the HTTP middleware. */
export async function handler(): Promise<void> {
  const container = getContainer();
  const report = await runRenewalNotices(container);
  container.logger.info('renewal notices run', { ...report });
}

import { escalateBreachedComplaints } from '../use-cases/escalate-breached-complaints';
import { complaintsWiring } from '../wiring';

/** EventBridge schedule, every 5 minutes: no HTTP, so not wrapped by the HTTP middleware. */
export async function handler(): Promise<void> {
  const deps = complaintsWiring();
  const report = await escalateBreachedComplaints(deps);
  deps.logger.info('complaint escalation run', { ...report });
}

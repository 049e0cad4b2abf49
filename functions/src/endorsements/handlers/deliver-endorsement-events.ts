import { getContainer } from '../../container';
import {
  deliverEndorsementEvents,
  deliverEndorsementEventsDeps,
} from '../use-cases/deliver-endorsement-events';

/** EventBridge schedule (serverless.yml), every 5 minutes: no HTTP, so not wrapped by the HTTP middleware. */
export async function handler(): Promise<void> {
  const container = getContainer();
  const report = await deliverEndorsementEvents(deliverEndorsementEventsDeps(container));
  container.logger.info('endorsement events delivered', { ...report });
}

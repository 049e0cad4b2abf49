import { deliverEndorsementEvents } from '../use-cases/deliver-endorsement-events';
import { deliverEndorsementEventsDeps, deliveryWiring } from '../wiring-delivery';

/** EventBridge schedule (serverless.yml), every 5 minutes: no HTTP, so not wrapped by the HTTP middleware. */
export async function handler(): Promise<void> {
  const deps = deliveryWiring();
  const report = await deliverEndorsementEvents(deliverEndorsementEventsDeps(deps));
  deps.logger.info('endorsement events delivered', { ...report });
}

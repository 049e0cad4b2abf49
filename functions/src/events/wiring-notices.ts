import { createNotifier } from '../notifications/use-cases/notify';
import { notifierDeps } from '../notifications/wiring-sending';
import { defineWiring } from '../platform/process';
import { createEventsDeps } from './wiring';

/**
 * The events' functions that tell customers something — those that make offers (cancel, decline,
 * change of session, the offer expiry and offer-notice run) and the reminder — carry the notifier
 * (WeChat subscribe messages, SMS, the message centre); the context's other functions do not.
 */
export const eventNoticesWiring = defineWiring((platform) => {
  const deps = createEventsDeps(platform);
  return { ...deps, notifier: createNotifier(notifierDeps(platform, deps.repositories)) };
});

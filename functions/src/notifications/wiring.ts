import { defineWiring, type Platform } from '../platform/process';
import { DynamoMessageStore } from './adapters/messages';

/** The message centre's routes: the customer's own messages, nothing else (no sender). */
export function createNotificationsDeps(platform: Platform) {
  return { ...platform, messages: new DynamoMessageStore(platform.table) };
}
export type NotificationsDeps = ReturnType<typeof createNotificationsDeps>;

export const notificationsWiring = defineWiring(createNotificationsDeps);

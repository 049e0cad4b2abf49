import { defaultEventSettings } from '@zhixiang/shared/events/rules';
import { defineWiring, type Platform } from '../platform/process';
import { createRecordRepositories } from '../platform/records/repositories';
import { DynamoEventStore } from './adapters/events';

export function createEventsDeps(platform: Platform) {
  const { table } = platform;
  return {
    ...platform,
    repositories: {
      ...createRecordRepositories(table, platform.fieldCipher),
      events: new DynamoEventStore(table, platform.fieldCipher),
    },
    eventSettings: defaultEventSettings,
  };
}
export type EventsDeps = ReturnType<typeof createEventsDeps>;

export const eventsWiring = defineWiring(createEventsDeps);

import { defaultBusinessCalendar } from '@zhixiang/shared/complaints/calendar';
import { defaultComplaintRules } from '@zhixiang/shared/complaints/classification';
import { DynamoConversationStore } from '../assistant/adapters/assistant-conversations';
import { DynamoIvrCallStore } from '../ivr/adapters/ivr-calls';
import { defineWiring, type Platform } from '../platform/process';
import { createRecordRepositories } from '../platform/records/repositories';
import { DynamoComplaintStore } from './adapters/complaints';

export function createComplaintsDeps(platform: Platform) {
  const { table } = platform;
  return {
    ...platform,
    repositories: {
      ...createRecordRepositories(table, platform.fieldCipher),
      complaints: new DynamoComplaintStore(table),
      /** The calls the phone system identified: a seat files for the caller from the screen-pop. */
      ivrCalls: new DynamoIvrCallStore(table),
      /** The assistant's conversations: a complaint filed there carries its transcript. */
      assistantConversations: new DynamoConversationStore(table),
    },
    businessCalendar: defaultBusinessCalendar,
    complaintRules: defaultComplaintRules,
  };
}
export type ComplaintsDeps = ReturnType<typeof createComplaintsDeps>;

export const complaintsWiring = defineWiring(createComplaintsDeps);

import { defaultVoiceThemes } from '@zhixiang/shared/voice/themes';
import { DynamoConversationStore } from '../assistant/adapters/assistant-conversations';
import { defineWiring, type Platform } from '../platform/process';
import { createRecordRepositories } from '../platform/records/repositories';
import { DynamoVoiceStore } from './adapters/voice-store';

export function createVoiceDeps(platform: Platform) {
  const { table } = platform;
  // Built on first use: only the projection reads the assistant's improvement report.
  let assistantConversations: DynamoConversationStore | undefined;
  return {
    ...platform,
    repositories: {
      ...createRecordRepositories(table, platform.fieldCipher),
      voice: new DynamoVoiceStore(table),
      get assistantConversations(): DynamoConversationStore {
        assistantConversations ??= new DynamoConversationStore(table);
        return assistantConversations;
      },
    },
    voiceThemes: defaultVoiceThemes,
  };
}
export type VoiceWiringDeps = ReturnType<typeof createVoiceDeps>;

export const voiceWiring = defineWiring(createVoiceDeps);

import { defineWiring, type Platform } from '../platform/process';
import { createRecordRepositories } from '../platform/records/repositories';

export function createPoliciesDeps(platform: Platform) {
  return { ...platform, repositories: createRecordRepositories(platform.table, platform.fieldCipher) };
}
export type PoliciesDeps = ReturnType<typeof createPoliciesDeps>;

export const policiesWiring = defineWiring(createPoliciesDeps);

import type { TestProject } from 'vitest/node';
import { journeyClockStart } from './clock';
import { type SeededStack, startSeededStack } from './stack';

declare module 'vitest' {
  export interface ProvidedContext {
    seededStack: SeededStack;
  }
}

/**
 * Starts the seeded stack once per run of the journeys (vitest globalSetup) and hands it to every
 * journey file; journey-file-setup.ts gives each file its own copy of the data.
 */
export default async function setup(project: TestProject) {
  const started = performance.now();
  const { stop, ...stack } = await startSeededStack(journeyClockStart());
  project.provide('seededStack', stack);
  console.log(
    `seeded stack for the journeys: DynamoDB Local ${stack.dynamodbEndpoint}, clock from ${new Date(stack.clockStartsAt).toISOString()} (${Math.round(performance.now() - started)} ms)`,
  );
  return stop;
}

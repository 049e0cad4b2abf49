import type { TestProject } from 'vitest/node';
import { launchChromiumServer } from './browser';
import { journeyClockStart } from './clock';
import { type SeededStack, startSeededStack } from './stack';

declare module 'vitest' {
  export interface ProvidedContext {
    seededStack: SeededStack;
    /** Where journey files connect to the run's one Chromium. */
    chromiumEndpoint: string;
  }
}

/**
 * Starts the seeded stack and Chromium once per run of the journeys (vitest globalSetup) and hands
 * both to every journey file; journey-file-setup.ts gives each file its own copy of the data, and
 * each file opens browser contexts of its own (session.ts).
 */
export default async function setup(project: TestProject) {
  const started = performance.now();
  const [seeded, chromium] = await Promise.allSettled([
    startSeededStack(journeyClockStart()),
    launchChromiumServer(),
  ]);
  if (seeded.status === 'rejected' || chromium.status === 'rejected') {
    if (seeded.status === 'fulfilled') await seeded.value.stop();
    if (chromium.status === 'fulfilled') await chromium.value.close();
    throw seeded.status === 'rejected' ? seeded.reason : (chromium as PromiseRejectedResult).reason;
  }
  const { stop, ...stack } = seeded.value;
  project.provide('seededStack', stack);
  project.provide('chromiumEndpoint', chromium.value.wsEndpoint());
  console.log(
    `seeded stack and Chromium for the journeys: DynamoDB Local ${stack.dynamodbEndpoint}, clock from ${new Date(stack.clockStartsAt).toISOString()} (${Math.round(performance.now() - started)} ms)`,
  );
  return async () => {
    await chromium.value.close();
    await stop();
  };
}

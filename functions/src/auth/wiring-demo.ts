import type { DemoUser } from '@zhixiang/shared/auth/schemas';
import type { Config } from '../platform/config';
import { defineWiring, type Platform } from '../platform/process';
import { createAuthDeps } from './wiring';

/**
 * The demo sign-in functions (listDemoUsers, signInAsDemoUser): the auth dependencies plus the
 * seeded accounts demo sign-in may use, kept apart so the seed's data (about 19 KiB minified)
 * stays out of every other auth bundle.
 */
export function createAuthDemoDeps(platform: Platform) {
  return { ...createAuthDeps(platform), demoUsers: () => loadDemoSignIns(platform.config) };
}

/** Loaded on demand so only where demo sign-in exists is the seed's data evaluated. */
async function loadDemoSignIns(config: Config): Promise<readonly DemoUser[]> {
  return config.demoSignIn ? (await import('../seed/demo-data')).DEMO_SIGN_INS : [];
}

export const authDemoWiring = defineWiring(createAuthDemoDeps);

import type { DemoUser } from '@zhixiang/shared/auth/schemas';
import type { AuthDeps } from './deps';

/** Local stage only (the handler answers 404 elsewhere): the seeded people a developer can be. */
export async function listDemoUsers(container: AuthDeps): Promise<{ users: DemoUser[] }> {
  return { users: [...(await container.demoUsers())] };
}

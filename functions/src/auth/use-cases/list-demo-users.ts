import type { DemoUser } from '@zhixiang/shared/auth/schemas';
import type { AuthDemoDeps } from './deps';

/** Local stage only (the handler answers 404 elsewhere): the seeded people a developer can be. */
export async function listDemoUsers(container: AuthDemoDeps): Promise<{ users: DemoUser[] }> {
  return { users: [...(await container.demoUsers())] };
}

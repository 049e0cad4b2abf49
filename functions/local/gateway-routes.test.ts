import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApiClient } from '../test/support/api-client';
import { startTestGateway, type TestGateway } from '../test/support/test-gateway';
import { readRoutes } from './gateway';

/**
 * Every route serverless.yml declares is served by a handler module that loads and answers an
 * anonymous request with a deliberate status: never 404/405 (route not wired), 501 (module or
 * export missing) or 500 (crash).
 */
describe('every serverless.yml route through the local gateway', () => {
  let gateway: TestGateway;
  beforeAll(async () => {
    // Handlers log one line per request; this file only cares about status codes.
    process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
    gateway = await startTestGateway();
  });
  afterAll(() => gateway.close());

  for (const route of readRoutes()) {
    it(`${route.routeKey} answers an anonymous request deliberately`, async () => {
      const api = createApiClient(gateway.url);
      const path = route.path.replace(/\{(\w+)\+?\}/g, 'TEST-1');
      const method = route.method === '*' ? 'GET' : route.method;
      const response = await api.request(method, path, method === 'GET' ? {} : { body: {} });
      expect([404, 405, 500, 501], `${route.routeKey} → ${response.status} ${response.text}`).not.toContain(
        response.status,
      );
    });
  }
});

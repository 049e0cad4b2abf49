import { type Gateway, type GatewayOptions, startGateway } from '../../local/gateway';

export interface TestGateway extends Gateway {
  /** Every line the gateway logged (request lines and handler errors), for assertions. */
  logs: string[];
}

/**
 * Starts the local gateway over the test stack on a free port. By default it serves the real
 * serverless.yml routes with the environment setup-local-env.ts put into process.env (this test
 * file's own table). Close it in afterAll.
 */
export async function startTestGateway(
  options: Omit<GatewayOptions, 'port' | 'log'> = {},
): Promise<TestGateway> {
  const logs: string[] = [];
  const gateway = await startGateway({
    ...options,
    port: 0,
    log: (line) => {
      logs.push(line);
      if (process.env.GATEWAY_LOG) console.log(line);
    },
  });
  return Object.assign(gateway, { logs });
}

import { type Gateway, type GatewayOptions, startGateway } from '../../local/gateway';
import { getSystem, type System, setSystem } from '../../src/system';

export interface TestGateway extends Gateway {
  /** Every line the gateway logged (request lines and handler errors), for assertions. */
  logs: string[];
  /** The whole system the handlers use when `system` was given (else one over the same table). */
  readonly system: System;
}

/**
 * Starts the local gateway over the test stack on a free port. By default it serves the real
 * serverless.yml routes with the environment setup-local-env.ts put into process.env (this test
 * file's own table), and each handler wires its own context from it. With `system`, every handler
 * uses the one it builds (a fixed clock, a fake provider), built once the gateway has put its own
 * address into the environment. Close it in afterAll.
 */
export async function startTestGateway(
  options: Omit<GatewayOptions, 'port' | 'log'> & { system?: () => System } = {},
): Promise<TestGateway> {
  const { system, ...gatewayOptions } = options;
  const logs: string[] = [];
  const gateway = await startGateway({
    ...gatewayOptions,
    port: 0,
    log: (line) => {
      logs.push(line);
      if (process.env.GATEWAY_LOG) console.log(line);
    },
  });
  if (system) setSystem(system());
  return Object.defineProperties(Object.assign(gateway, { logs }), {
    system: { get: getSystem },
  }) as TestGateway;
}

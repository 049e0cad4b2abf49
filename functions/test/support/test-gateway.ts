import { type Gateway, type GatewayOptions, startGateway } from '../../local/gateway';
import { type Container, getContainer, setContainer } from '../../src/container';

export interface TestGateway extends Gateway {
  /** Every line the gateway logged (request lines and handler errors), for assertions. */
  logs: string[];
  /** The handlers' container. */
  readonly container: Container;
}

/**
 * Starts the local gateway over the test stack on a free port. By default it serves the real
 * serverless.yml routes with the environment setup-local-env.ts put into process.env (this test
 * file's own table), and the handlers build their container from it. With `container`, the
 * handlers use the one it builds (a fixed clock, a fake provider), built once the gateway has put
 * its own address into the environment. Close it in afterAll.
 */
export async function startTestGateway(
  options: Omit<GatewayOptions, 'port' | 'log'> & { container?: () => Container } = {},
): Promise<TestGateway> {
  const { container, ...gatewayOptions } = options;
  const logs: string[] = [];
  const gateway = await startGateway({
    ...gatewayOptions,
    port: 0,
    log: (line) => {
      logs.push(line);
      if (process.env.GATEWAY_LOG) console.log(line);
    },
  });
  if (container) setContainer(container());
  return Object.defineProperties(Object.assign(gateway, { logs }), {
    container: { get: getContainer },
  }) as TestGateway;
}

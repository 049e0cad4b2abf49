import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, found from this file rather than the cwd so scripts work from any folder. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/**
 * Everything the local stage keeps (git-ignored): emulator cache, DynamoDB and S3 data, keys, the
 * SMS outbox. ZX_LOCAL_DIR moves it (e.g. to time a first start without touching the real one).
 */
export const localDir = process.env.ZX_LOCAL_DIR
  ? resolve(process.env.ZX_LOCAL_DIR)
  : join(repoRoot, '.local');

export const serverlessYmlPath = join(repoRoot, 'serverless.yml');

/** Asks the kernel for a free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/** Rejects with an EADDRINUSE error (carrying `port`) when something already listens on the port. */
export function assertPortFree(port: number, host = '127.0.0.1'): Promise<void> {
  return new Promise((resolveFree, reject) => {
    const server = createServer();
    server.once('error', (error: NodeJS.ErrnoException) => {
      reject(Object.assign(new Error(`port ${port} is already in use`), { code: error.code, port }));
    });
    server.listen(port, host, () => server.close(() => resolveFree()));
  });
}

import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import S3rver from 's3rver';

export interface S3Local {
  endpoint: string;
  port: number;
  directory: string;
  stop(): Promise<void>;
}

export interface StartS3LocalOptions {
  /** 0 or undefined = a free port. */
  port?: number;
  /** Where objects are kept; undefined = a temp folder removed on stop (tests). */
  directory?: string;
}

/**
 * s3rver checks presigned URL expiry but not signatures nor presigned-POST conditions, so size and
 * type limits must be enforced (and tested) in our own code, not relied on from this emulator.
 */
export async function startS3Local(options: StartS3LocalOptions = {}): Promise<S3Local> {
  const temporary = options.directory === undefined;
  const directory = temporary ? await mkdtemp(join(tmpdir(), 'zx-s3-')) : resolve(options.directory!);
  await mkdir(directory, { recursive: true });
  const server = new S3rver({
    address: '127.0.0.1',
    port: options.port ?? 0,
    directory,
    silent: true,
    // Path-style only: virtual-host names like bucket.127.0.0.1 do not resolve.
    vhostBuckets: false,
  });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  return {
    endpoint,
    port: address.port,
    directory,
    async stop() {
      // The SDK keeps sockets alive; close them or close() waits for their idle timeout.
      server.httpServer?.closeAllConnections();
      await server.close();
      if (temporary) await rm(directory, { recursive: true, force: true });
    },
  };
}

/**
 * The client settings the AWS SDK v3 needs against s3rver. Without the checksum settings a
 * streamed upload is stored with its aws-chunked framing inside the object.
 */
export const s3LocalClientConfig = {
  forcePathStyle: true,
  requestChecksumCalculation: 'WHEN_REQUIRED',
  responseChecksumValidation: 'WHEN_REQUIRED',
} as const;

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { InsurerSigningKey } from '../../src/documents/adapters/signing/insurer-certificate';
import { LocalTestCaCertificates } from '../../src/documents/adapters/signing/local-test-ca';

const dir = mkdtempSync(join(tmpdir(), 'zx-test-ca-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the local test CA', () => {
  it('creates one chain per folder even when the key and the trusted CA are read at once', async () => {
    // Signing reads both together; two creations at once used to leave a key no trusted CA issued.
    for (let i = 0; i < 5; i++) {
      const source = new LocalTestCaCertificates('local', join(dir, `keys-${i}`));
      await expect(new InsurerSigningKey(source, source).get()).resolves.toBeDefined();
    }
  });
});

import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DYNAMODB_LOCAL_TARBALL_SHA256, verifyTarball } from './dynamodb-local';

describe('verifyTarball', () => {
  it('refuses and deletes a tarball whose checksum is not the pinned one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zx-verify-'));
    const file = join(dir, 'tampered.tgz');
    await writeFile(file, 'not the real emulator');
    await expect(verifyTarball(file)).rejects.toThrow(/does not match the pinned 3503ffac/);
    expect(existsSync(file)).toBe(false);
    await rm(dir, { recursive: true, force: true });
  });

  it('accepts a file with the expected checksum', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'zx-verify-'));
    const file = join(dir, 'ok.tgz');
    await writeFile(file, 'abc');
    await expect(
      verifyTarball(file, 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'),
    ).resolves.toBeUndefined();
    expect(DYNAMODB_LOCAL_TARBALL_SHA256).toHaveLength(64);
    await rm(dir, { recursive: true, force: true });
  });
});

import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LocalFileKeyProvider } from './key-wrappers';

describe('the local stage master key file', () => {
  it('is created once when many providers start together, and each reads the whole key', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zx-key-'));
    const file = join(dir, 'field-master.key');
    const providers = Array.from({ length: 20 }, () => new LocalFileKeyProvider('local', file));
    const keys = await Promise.all(providers.map((p) => p.generateDataKey()));
    // Any provider unwraps what any other wrapped: they all hold the same master key.
    for (const [i, key] of keys.entries()) {
      const other = providers[(i + 1) % providers.length]!;
      expect((await other.unwrap(key.wrapped)).equals(key.plaintext)).toBe(true);
    }
    expect(readdirSync(dir)).toEqual(['field-master.key']);
  });
});

/**
 * Reference data (products, branches, agents: hundreds of items, changed by an admin import) kept
 * per Lambda process: each key is read once and again after `ttlMs`, so the request paths that
 * show a product's or branch's name do not pay a DynamoDB round trip for it. A failed or empty
 * read is not remembered; a write through this process forgets the key.
 */
export class ReferenceCache<T> {
  private readonly entries = new Map<string, { at: number; value: Promise<T | null> }>();

  constructor(private readonly ttlMs: number) {}

  get(key: string, load: () => Promise<T | null>, now: number = Date.now()): Promise<T | null> {
    const hit = this.entries.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const value = load();
    this.entries.set(key, { at: now, value });
    value.then((v) => (v === null ? this.forget(key) : undefined)).catch(() => this.forget(key));
    return value;
  }

  forget(key: string): void {
    this.entries.delete(key);
  }
}

/** How long reference data is served from a process's cache: an import shows within 5 minutes. */
export const REFERENCE_CACHE_MS = 5 * 60_000;

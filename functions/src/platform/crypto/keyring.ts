/** A data or index key as stored: wrapped by a DataKeyWrapper, never in plaintext. */
export interface WrappedKeyRecord {
  version: number;
  wrappedKey: string;
  wrapperId: string;
  createdAt: string;
}

/**
 * The keyring item(s) in the table. Data keys are versioned (the highest is current; older ones
 * stay to decrypt old values). The blind-index key is a single key that is never rotated with the
 * data key: rotating it would change every index and break lookups until a full re-index.
 */
export interface KeyringStore {
  listDataKeys(): Promise<WrappedKeyRecord[]>;
  /** False when that version already exists (another rotation won the race). */
  addDataKey(key: WrappedKeyRecord): Promise<boolean>;
  getIndexKey(): Promise<WrappedKeyRecord | null>;
  /** False when an index key already exists. */
  addIndexKey(key: WrappedKeyRecord): Promise<boolean>;
}

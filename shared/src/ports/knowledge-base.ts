import type { Intent } from '../assistant/intents';
import type { KnowledgeEntry } from '../assistant/knowledge';

/** Which knowledge base version the assistant answers from. */
export interface KnowledgeVersionRecord {
  version: number;
  /** SHA-256 of the entries in id order: loading identical data again is recognised and skipped. */
  contentHash: string;
  entryCount: number;
  activatedAt: number;
}

/**
 * Storage port of the assistant's knowledge base. Entries are written under a new version number
 * first; the version becomes visible only when the one pointer item is switched, so readers see
 * either the old version or the new one, never a mixture.
 */
export interface KnowledgeBaseRepository {
  activeVersion(): Promise<KnowledgeVersionRecord | null>;
  /** A version number no other load has used (an atomic counter). */
  reserveVersion(): Promise<number>;
  putEntries(version: number, entries: readonly KnowledgeEntry[]): Promise<void>;
  /**
   * Makes `next` the active version if the active version is still `expectedVersion` (null: none
   * yet). False when another load switched it first.
   */
  activate(next: KnowledgeVersionRecord, expectedVersion: number | null): Promise<boolean>;
  entriesOf(version: number, intent: Intent): Promise<KnowledgeEntry[]>;
}

import { type AnswerIndex, indexEntries, rankEntries } from '@zhixiang/shared/assistant/answer-ranking';
import type { Intent } from '@zhixiang/shared/assistant/intents';
import type { KnowledgeEntry } from '@zhixiang/shared/assistant/knowledge';
import type { KnowledgeBaseRepository } from '@zhixiang/shared/ports/knowledge-base';
import type { Segmenter } from '@zhixiang/shared/ports/segmenter';

/** How long a Lambda container trusts the active version it read before checking again. */
export const ACTIVE_VERSION_CACHE_MS = 60_000;

/**
 * The knowledge base as the chat endpoint reads it: the active version (re-read every minute, so
 * a `load-knowledge` reaches every container within a minute) and each intent's entries, indexed
 * once per version and container. A version's entries never change, so they are cached for good.
 */
export class KnowledgeAnswers {
  private active: { at: number; version: Promise<number | null> } | null = null;
  private readonly entries = new Map<string, Promise<AnswerIndex>>();

  constructor(
    private readonly repository: KnowledgeBaseRepository,
    private readonly segmenter: Segmenter,
  ) {}

  /**
   * The best entry of the intent for the message, or the entry `answerId` when the turn continues
   * an earlier answer (a policy picked from "which policy?"); null when no knowledge base is loaded.
   */
  async best(
    intent: Intent,
    message: string,
    now: number,
    answerId?: string,
  ): Promise<KnowledgeEntry | null> {
    const version = await this.activeVersion(now);
    if (version === null) return null;
    const key = `${version}#${intent}`;
    let indexed = this.entries.get(key);
    if (!indexed) {
      indexed = this.repository.entriesOf(version, intent).then((list) => indexEntries(list, this.segmenter));
      this.entries.set(key, indexed);
      indexed.catch(() => this.entries.delete(key));
    }
    const index = await indexed;
    const continued = answerId ? index.entries.find((e) => e.entry.id === answerId) : undefined;
    return continued?.entry ?? rankEntries(message, index, this.segmenter)[0]?.entry ?? null;
  }

  private activeVersion(now: number): Promise<number | null> {
    if (!this.active || now - this.active.at >= ACTIVE_VERSION_CACHE_MS) {
      const version = this.repository.activeVersion().then((v) => v?.version ?? null);
      this.active = { at: now, version };
      version.catch(() => {
        this.active = null;
      });
    }
    return this.active.version;
  }
}

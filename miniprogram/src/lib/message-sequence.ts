/** A message of the live chat as far as ordering goes. */
export interface Sequenced {
  seq: number;
}

/** How long a hole in the sequence may hold later messages back (a seq taken by a failed write). */
export const GAP_TIMEOUT_MS = 5000;

/**
 * Merges what arrives from pushes, replays and polls into one ordered stream: each seq is delivered
 * once, in order. A message that overtakes an earlier one waits for it; a hole that is not filled
 * within GAP_TIMEOUT_MS is skipped (the server leaves a gap only when a write failed after taking
 * its seq). `lastSeq` is what to resume after, on reconnect or the next poll.
 */
export class MessageSequence<M extends Sequenced> {
  private pending = new Map<number, M>();
  private gapSince: number | null = null;

  constructor(
    public lastSeq = 0,
    private readonly now: () => number = Date.now,
  ) {}

  accept(messages: readonly M[]): M[] {
    for (const message of messages) {
      if (message.seq > this.lastSeq) this.pending.set(message.seq, message);
    }
    const ready = this.flush();
    if (this.pending.size === 0) {
      this.gapSince = null;
      return ready;
    }
    this.gapSince ??= this.now();
    if (this.now() - this.gapSince < GAP_TIMEOUT_MS) return ready;
    this.lastSeq = Math.min(...this.pending.keys()) - 1;
    this.gapSince = null;
    return [...ready, ...this.flush()];
  }

  private flush(): M[] {
    const ready: M[] = [];
    for (let next = this.pending.get(this.lastSeq + 1); next; next = this.pending.get(this.lastSeq + 1)) {
      this.pending.delete(next.seq);
      this.lastSeq = next.seq;
      ready.push(next);
    }
    return ready;
  }
}

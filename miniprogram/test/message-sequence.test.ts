import { describe, expect, it } from 'vitest';
import { GAP_TIMEOUT_MS, MessageSequence } from '../src/lib/message-sequence';

const m = (seq: number) => ({ seq, text: `#${seq}` });

describe('MessageSequence (live chat order and duplicates)', () => {
  it('delivers each message once, in order, however pushes and replays overlap', () => {
    const sequence = new MessageSequence<ReturnType<typeof m>>();
    expect(sequence.accept([m(1), m(2)]).map((x) => x.seq)).toEqual([1, 2]);
    // A replay after reconnect repeats what was pushed before the drop.
    expect(sequence.accept([m(1), m(2), m(3)]).map((x) => x.seq)).toEqual([3]);
    expect(sequence.accept([m(3)])).toEqual([]);
    expect(sequence.lastSeq).toBe(3);
  });

  it('holds a message that overtook an earlier one until the earlier one arrives', () => {
    const sequence = new MessageSequence<ReturnType<typeof m>>();
    expect(sequence.accept([m(2)])).toEqual([]);
    expect(sequence.lastSeq).toBe(0);
    expect(sequence.accept([m(1)]).map((x) => x.seq)).toEqual([1, 2]);
  });

  it('skips a hole that stays open longer than the timeout', () => {
    let now = 0;
    const sequence = new MessageSequence<ReturnType<typeof m>>(0, () => now);
    expect(sequence.accept([m(2), m(3)])).toEqual([]);
    now = GAP_TIMEOUT_MS - 1;
    expect(sequence.accept([])).toEqual([]);
    now = GAP_TIMEOUT_MS;
    expect(sequence.accept([]).map((x) => x.seq)).toEqual([2, 3]);
    expect(sequence.lastSeq).toBe(3);
  });

  it('resumes after a seq it was given', () => {
    const sequence = new MessageSequence<ReturnType<typeof m>>(5);
    expect(sequence.accept([m(4), m(5), m(6)]).map((x) => x.seq)).toEqual([6]);
  });
});

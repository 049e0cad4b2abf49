import { describe, expect, it } from 'vitest';
import { retryingTransactionConflicts } from './table';

/** A TransactWriteItems refusal as the SDK throws it: one cancellation code per item. */
const cancelled = (...codes: string[]) =>
  Object.assign(new Error('Transaction cancelled'), {
    name: 'TransactionCanceledException',
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

describe('retrying a transaction cancelled only by a concurrent one', () => {
  it('sends it again until it goes through', async () => {
    let sent = 0;
    const result = await retryingTransactionConflicts(async () => {
      sent += 1;
      if (sent < 3) throw cancelled('None', 'TransactionConflict');
      return 'written';
    }, 6);
    expect(result).toBe('written');
    expect(sent).toBe(3);
  });

  it('never retries a failed condition: the data decide, not the timing', async () => {
    let sent = 0;
    const refusal = cancelled('ConditionalCheckFailed', 'TransactionConflict');
    await expect(
      retryingTransactionConflicts(async () => {
        sent += 1;
        throw refusal;
      }, 6),
    ).rejects.toBe(refusal);
    expect(sent).toBe(1);
  });

  it('never retries any other error', async () => {
    let sent = 0;
    const other = new Error('connection reset');
    await expect(
      retryingTransactionConflicts(async () => {
        sent += 1;
        throw other;
      }, 6),
    ).rejects.toBe(other);
    expect(sent).toBe(1);
  });

  it('gives the last conflict to the caller after its attempts', async () => {
    let sent = 0;
    await expect(
      retryingTransactionConflicts(async () => {
        sent += 1;
        throw cancelled('TransactionConflict');
      }, 3),
    ).rejects.toMatchObject({ name: 'TransactionCanceledException' });
    expect(sent).toBe(3);
  });
});

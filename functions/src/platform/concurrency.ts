/**
 * `fn` over every item with at most `concurrency` calls in flight, each worker taking the next item
 * as it finishes one (so one slow call does not hold up the rest); the results in the items' order.
 * A rejection rejects the whole, as `Promise.all` does: a caller that must go on catches inside `fn`.
 */
export async function mapConcurrently<T, R>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}

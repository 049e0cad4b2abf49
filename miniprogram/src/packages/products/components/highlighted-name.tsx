import { Text } from '@tarojs/components';

export interface Highlight {
  start: number;
  end: number;
}

/** Splits a name into plain and matched runs; ranges are [start, end) character positions. */
export function highlightRuns(
  name: string,
  highlights: readonly Highlight[],
): Array<{ text: string; matched: boolean }> {
  const chars = Array.from(name);
  const runs: Array<{ text: string; matched: boolean }> = [];
  let at = 0;
  for (const { start, end } of [...highlights].sort((a, b) => a.start - b.start)) {
    const from = Math.max(start, at);
    const to = Math.min(end, chars.length);
    if (from >= to) continue;
    if (from > at) runs.push({ text: chars.slice(at, from).join(''), matched: false });
    const last = runs[runs.length - 1];
    // Overlapping or touching ranges make one highlighted run.
    if (from === at && last?.matched) last.text += chars.slice(from, to).join('');
    else runs.push({ text: chars.slice(from, to).join(''), matched: true });
    at = to;
  }
  if (at < chars.length) runs.push({ text: chars.slice(at).join(''), matched: false });
  return runs;
}

export function HighlightedName({
  name,
  highlights,
  className,
}: {
  name: string;
  highlights: readonly Highlight[];
  className?: string;
}) {
  return (
    <Text className={className}>
      {highlightRuns(name, highlights).map((run, i) =>
        run.matched ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: runs never reorder
          <Text key={i} className="zx-products__match" data-testid="match">
            {run.text}
          </Text>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: runs never reorder
          <Text key={i}>{run.text}</Text>
        ),
      )}
    </Text>
  );
}

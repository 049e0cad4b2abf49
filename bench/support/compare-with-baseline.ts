/**
 * The measuring half of every "handler vs its bare DynamoDB work" benchmark: warm up, then time
 * both sides interleaved (so machine noise hits both alike), alternating which goes first (so
 * neither always finds DynamoDB Local freshly warmed by the other), and print p50/p99 and ratios.
 */
export interface Side {
  name: string;
  run: () => Promise<void>;
}

export interface CompareOptions {
  /** Timed calls per side; at least 1,000 for a p99 to mean anything (ten calls above it). */
  iterations: number;
  warmup: number;
  /** Runs after every timed (and warm-up) call, untimed: e.g. undo a booking so the next can book. */
  afterEach?: () => Promise<void>;
  /** The goal for the handler / baseline ratio, printed beside the result. */
  goal: number;
}

export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** The benchmark contract: what every "handler vs its bare DynamoDB work" run reports. */
export interface BenchResult {
  bench: string;
  p50Ms: number;
  p99Ms: number;
  baselineP50Ms: number;
  baselineP99Ms: number;
  ratioP50: number;
  ratioP99: number;
  /** The goal for the p50 ratio. */
  goal: number;
  met: boolean;
  /** Timed calls per side. */
  samples: number;
  [extra: string]: unknown;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** Prints the result as the run's last line, one JSON object (extra keys beside the contract's). */
export function printBenchResult(result: BenchResult, extra: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ ...result, ...extra }));
}

export async function compareWithBaseline(
  baseline: Side,
  handler: Side,
  options: CompareOptions & { bench: string },
): Promise<BenchResult> {
  const after = options.afterEach ?? (async () => {});
  const timings = new Map<Side, number[]>([
    [baseline, []],
    [handler, []],
  ]);
  const time = async (side: Side, record: boolean) => {
    const started = performance.now();
    await side.run();
    const ms = performance.now() - started;
    await after();
    if (record) timings.get(side)?.push(ms);
  };
  for (let i = 0; i < options.warmup; i++) {
    await time(handler, false);
    await time(baseline, false);
  }
  for (let i = 0; i < options.iterations; i++) {
    const [first, second] = i % 2 === 0 ? [handler, baseline] : [baseline, handler];
    await time(first, true);
    await time(second, true);
  }
  const sorted = (side: Side) => [...(timings.get(side) ?? [])].sort((a, b) => a - b);
  const bare = sorted(baseline);
  const full = sorted(handler);
  const row = (side: Side, xs: number[]) =>
    `| ${side.name} | ${percentile(xs, 50).toFixed(2)} | ${percentile(xs, 99).toFixed(2)} |`;
  console.log('| path | p50 ms | p99 ms |\n|---|---|---|');
  console.log(row(baseline, bare));
  console.log(row(handler, full));
  const p50 = percentile(full, 50) / percentile(bare, 50);
  const p99 = percentile(full, 99) / percentile(bare, 99);
  console.log(
    `\nratio handler / bare: p50 ${p50.toFixed(2)}×, p99 ${p99.toFixed(2)}× (goal ≤ ${options.goal}×)`,
  );
  return {
    bench: options.bench,
    p50Ms: round2(percentile(full, 50)),
    p99Ms: round2(percentile(full, 99)),
    baselineP50Ms: round2(percentile(bare, 50)),
    baselineP99Ms: round2(percentile(bare, 99)),
    ratioP50: round2(p50),
    ratioP99: round2(p99),
    goal: options.goal,
    met: p50 <= options.goal,
    samples: full.length,
  };
}

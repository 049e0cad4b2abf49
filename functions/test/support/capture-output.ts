import { format } from 'node:util';

/**
 * Records everything written to stdout, stderr and the console until `stop()` — including Powertools Logger
 * lines, which bypass the global console. For tests such as "no raw ID number or phone in any log
 * line of a full run". Pass `echo: true` to still print while recording.
 */
export interface CapturedOutput {
  /** All text written so far. */
  text(): string;
  /** Non-empty lines written so far. */
  lines(): string[];
  stop(): void;
}

export function captureProcessOutput(options: { echo?: boolean } = {}): CapturedOutput {
  const chunks: string[] = [];
  const streams = [process.stdout, process.stderr] as const;
  const originals = streams.map((stream) => stream.write.bind(stream));
  streams.forEach((stream, index) => {
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      if (options.echo) return (originals[index] as (...args: unknown[]) => boolean)(chunk, ...rest);
      const callback = rest.find((arg) => typeof arg === 'function') as (() => void) | undefined;
      callback?.();
      return true;
    }) as typeof stream.write;
  });
  // Under vitest, console.* is routed to the runner without touching process.stdout: patch it too.
  const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
  const consoleOriginals = methods.map((method) => console[method]);
  for (const method of methods) {
    const original = console[method];
    console[method] = (...args: unknown[]) => {
      chunks.push(`${format(...args)}\n`);
      if (options.echo) original(...args);
    };
  }
  let stopped = false;
  return {
    text: () => chunks.join(''),
    lines: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line.trim() !== ''),
    stop() {
      if (stopped) return;
      stopped = true;
      streams.forEach((stream, index) => {
        stream.write = originals[index] as typeof stream.write;
      });
      methods.forEach((method, index) => {
        console[method] = consoleOriginals[index]!;
      });
    },
  };
}

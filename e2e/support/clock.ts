/**
 * The journeys' clock. Rules change at Shanghai midnight (16:00 UTC) and with the time of day
 * (service hours 08:00–22:00, the call centre's opening hours), so every journey runs on a clock
 * that starts at 10:00 in Shanghai — the next one from now — and runs on in real time: the seed,
 * the journey's own code, the handlers it serves and the browser all read that clock.
 *
 * The next 10:00 rather than a fixed date: s3rver checks presigned URLs against the real clock, so
 * the journeys' clock must not be behind it, and the demo data stays close to the calendar.
 */
const SHANGHAI_TEN_AM_UTC_HOUR = 2;
const DAY_MS = 24 * 3600 * 1000;

export function journeyClockStart(now = Date.now()): number {
  const tenAm = new Date(now).setUTCHours(SHANGHAI_TEN_AM_UTC_HOUR, 0, 0, 0);
  return tenAm >= now ? tenAm : tenAm + DAY_MS;
}

/**
 * Replaces the global `Date` by one running `offsetMs` ahead of the real clock: `Date.now()` and
 * `new Date()` move, every other use of `Date` is unchanged, and durations stay exact. It refers
 * to nothing outside itself, so a browser context runs the same function as an init script.
 */
export function shiftGlobalDate(offsetMs: number): void {
  const RealDate = Date;
  const now = () => RealDate.now() + offsetMs;
  function ShiftedDate(this: unknown, ...args: unknown[]) {
    if (!new.target) return new RealDate(now()).toString();
    return args.length === 0 ? new RealDate(now()) : Reflect.construct(RealDate, args);
  }
  Object.setPrototypeOf(ShiftedDate, RealDate);
  ShiftedDate.prototype = RealDate.prototype;
  ShiftedDate.now = now;
  globalThis.Date = ShiftedDate as unknown as DateConstructor;
}

/**
 * Moves this process's clock `ms` ahead, as when a journey waits for a time to pass (a session to
 * end): the gateway it serves reads the moved clock, and browser contexts opened afterwards take it.
 */
export function advanceClockOfThisProcess(ms: number): void {
  shiftGlobalDate(ms);
}

/** How far this process's clock runs ahead of the real one (0 unless shiftGlobalDate moved it). */
export function clockShiftOfThisProcess(): number {
  return Date.now() - (performance.timeOrigin + performance.now());
}

import { todayInShanghai } from '@zhixiang/shared/format/dates';

/**
 * The clock of tests whose outcome depends on the day or the hour: rules change at Shanghai
 * midnight (16:00 UTC), live service has hours, limits count per hour. 10:00 on a Wednesday in
 * Shanghai, far from midnight and inside the service hours and the call centre's day. Such a test
 * builds its system with `now: fixedClock()` (through the test gateway when handlers serve it:
 * `startTestGateway({ system: () => createSystem(undefined, { now: fixedClock() }) })`),
 * seeds with `today: FIXED_TODAY` and takes its own dates and times from them, never from `Date`.
 */
export const FIXED_NOW = Date.UTC(2026, 10, 25, 2, 0, 0);
export const FIXED_TODAY = todayInShanghai(new Date(FIXED_NOW));

/** A clock that starts at FIXED_NOW when it is made and runs on in real time. */
export function fixedClock(): () => number {
  const started = performance.now();
  return () => FIXED_NOW + Math.floor(performance.now() - started);
}

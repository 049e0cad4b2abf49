import { describe, expect, it } from 'vitest';
import { nextLocalRun, readSchedules } from './local-schedules';

describe('the local EventBridge', () => {
  const at = (iso: string) => Date.parse(iso);

  it('runs every scheduled function of serverless.yml, through its handler', () => {
    const schedules = readSchedules();
    const names = schedules.map((s) => s.functionName);
    for (const name of [
      'deliverEndorsementEvents',
      'escalateBreachedComplaints',
      'deliverDecisionLetters',
      'sendRenewalNotices',
    ])
      expect(names).toContain(name);
    for (const schedule of schedules) {
      expect(schedule.handler).toMatch(/^functions\/src\/[\w-]+\/handlers\/[\w-]+\.handler$/);
      expect(nextLocalRun(schedule.expression, Date.now()), schedule.expression).not.toBeNull();
    }
  });

  it('runs a rate every minute, on the minute', () => {
    expect(nextLocalRun('rate(5 minutes)', at('2026-12-05T12:00:00.000Z'))).toBe(60_000);
    expect(nextLocalRun('rate(1 hour)', at('2026-12-05T12:00:45.000Z'))).toBe(15_000);
  });

  it('runs an hourly cron at its minute of each hour, a daily one at its UTC time', () => {
    expect(nextLocalRun('cron(0 * * * ? *)', at('2026-12-05T12:00:00.000Z'))).toBe(3_600_000);
    expect(nextLocalRun('cron(0 * * * ? *)', at('2026-12-05T12:59:30.000Z'))).toBe(30_000);
    expect(nextLocalRun('cron(30 17 * * ? *)', at('2026-12-05T17:00:00.000Z'))).toBe(1_800_000);
    expect(nextLocalRun('cron(30 17 * * ? *)', at('2026-12-05T17:31:00.000Z'))).toBe(86_400_000 - 60_000);
  });

  it('leaves out what it cannot read', () => {
    expect(nextLocalRun('cron(0 9 ? * MON-FRI *)', Date.now())).toBeNull();
    expect(nextLocalRun('at(2026-12-05T12:00:00)', Date.now())).toBeNull();
  });
});

import { retainedUntil } from '@zhixiang/shared/authorisations/retention';
import { addDays, todayInShanghai } from '@zhixiang/shared/format/dates';
import type { AuthorisationRecord } from '@zhixiang/shared/ports/authorisations';
import { beforeAll, describe, expect, it } from 'vitest';
import { extendEvidenceRetention } from '../../src/authorisations/use-cases/extend-evidence-retention';
import { createSystem, type System } from '../../src/system';
import { demoPolicyNo } from '../endorsements/endorsement-steps';
import { approvedAuthorisation } from '../support/approved-authorisation';
import { seedDemoDataOnce } from '../support/seeded-demo-data';

/**
 * The evidence of an authorisation naming an open-ended policy, against DynamoDB Local: the daily
 * job leaves a far-off lock alone while the policy runs, extends it a year before it would lapse,
 * and to that day + 10 years once the policy has ended (then the policy is settled and the record
 * leaves the index); the objects' locks first (the port standing for S3, whose PutObjectRetention
 * s3rver lacks: `s3-retention.test.ts` checks the request), then the record, so a failed extension
 * changes nothing and the next run repeats it.
 */
let container: System;
const TODAY = todayInShanghai();
const PARTICIPATING = demoPolicyNo('C001', 'PL01');
const CRITICAL_ILLNESS = demoPolicyNo('C001', 'CI01');
const calls: { key: string; versionId: string | null; until: string }[] = [];
let failing = false;

const run = () =>
  extendEvidenceRetention({
    authorisations: container.repositories.authorisations,
    policies: container.repositories.policies,
    videos: {
      extendRetention: async (key, versionId, until) => {
        if (failing) throw new Error('S3 unavailable');
        calls.push({ key, versionId, until: until.toISOString() });
      },
    },
    logger: container.logger,
    now: () => Date.now(),
  });

function locked(id: string, policyNo: string, retainUntil: Date): AuthorisationRecord {
  const at = new Date().toISOString();
  return {
    ...approvedAuthorisation(id, { policyNos: [policyNo], matters: ['contact_change'] }),
    documentPhoto: {
      key: `authorisations/C001/${id}/document-photo`,
      contentType: 'image/jpeg',
      checkedAt: at,
      versionId: 'photo-v1',
    },
    recording: {
      key: `authorisations/C001/${id}/recording.mp4`,
      versionId: 'video-v1',
      retainUntil: retainUntil.toISOString(),
      openEndedPolicyNos: [policyNo],
      contentType: 'video/mp4',
      sizeBytes: 1_000_000,
      durationSeconds: 40,
      sha256: 'ab'.repeat(32),
      scriptDate: TODAY,
      recordedAt: at,
    },
  };
}

beforeAll(async () => {
  container = createSystem();
  await seedDemoDataOnce({ repositories: container.repositories });
});

describe('extending the evidence’s lock for open-ended policies', () => {
  const FAR = 'SQ20261201D0000001';
  const NEAR = 'SQ20261201D0000002';

  it('leaves a far-off lock alone while the policy runs, and extends one within a year of lapsing', async () => {
    const { authorisations } = container.repositories;
    expect(await authorisations.put(locked(FAR, CRITICAL_ILLNESS, retainedUntil(TODAY)), null)).toBe(true);
    const near = retainedUntil(addDays(TODAY, 100 - 3650));
    expect(await authorisations.put(locked(NEAR, PARTICIPATING, near), null)).toBe(true);
    const report = await run();
    expect(report).toMatchObject({ extended: 1, settled: 0, failed: 0 });
    expect(calls.map((c) => [c.key.split('/').at(-1), c.versionId, c.until])).toEqual([
      ['recording.mp4', 'video-v1', retainedUntil(TODAY).toISOString()],
      ['document-photo', 'photo-v1', retainedUntil(TODAY).toISOString()],
    ]);
    expect((await authorisations.get(NEAR))?.recording).toMatchObject({
      retainUntil: retainedUntil(TODAY).toISOString(),
      openEndedPolicyNos: [PARTICIPATING],
    });
    expect((await authorisations.get(FAR))?.version).toBe(1);
    expect((await authorisations.listAudit(NEAR)).map((e) => [e.action, e.byUserId])).toEqual([
      ['retention_extended', 'system'],
    ]);
  });

  it('settles a policy that ended: the lock to today + 10 years, repeated after a failed extension', async () => {
    const { authorisations, policies } = container.repositories;
    const policy = (await policies.get(CRITICAL_ILLNESS))!;
    await policies.put({ ...policy, status: 'surrendered' });
    const later = retainedUntil(addDays(TODAY, 1));
    // Lock as it would be the day after: today's run must still extend past today + 10 years.
    const before = (await authorisations.get(FAR))!;
    expect(
      await authorisations.put(
        {
          ...before,
          recording: {
            ...before.recording!,
            retainUntil: new Date(later.getTime() - 2 * 86_400_000).toISOString(),
          },
          version: 2,
        },
        1,
      ),
    ).toBe(true);
    failing = true;
    expect(await run()).toMatchObject({ failed: 1 });
    expect((await authorisations.get(FAR))?.recording?.openEndedPolicyNos).toEqual([CRITICAL_ILLNESS]);
    failing = false;
    calls.length = 0;
    expect(await run()).toMatchObject({ settled: 1, failed: 0 });
    const settled = (await authorisations.get(FAR))!;
    expect(settled.recording?.retainUntil).toBe(retainedUntil(TODAY).toISOString());
    expect(settled.recording?.openEndedPolicyNos).toBeUndefined();
    expect(calls.filter((c) => c.key.includes(FAR))).toHaveLength(2);
    // Off the index: only the running one is looked at now.
    expect((await authorisations.listOpenEndedRetention(100)).map((r) => r.authorisationId)).toEqual([NEAR]);
  });
});

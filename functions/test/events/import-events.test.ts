import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ImportRejected, parseCsv } from '../../admin/imports/csv-rows';
import { EVENT_COLUMNS, type EventImportDeps, importEvents } from '../../admin/imports/import-events';
import { createSystem, type System } from '../../src/system';
import { seedDemoDataOnce } from '../support/seeded-demo-data';

/** The admin CLI's `import-events` against DynamoDB Local: the sample file, a re-import, a bad file. */
const sample = join(import.meta.dirname, '../../admin/samples/events.csv');
let container: System;
let deps: EventImportDeps;

beforeAll(async () => {
  container = createSystem();
  await seedDemoDataOnce({ repositories: container.repositories, today: '2026-11-25' });
  deps = { repositories: container.repositories, nowIso: '2026-12-01T00:00:00.000Z' };
});

describe('admin import-events', () => {
  it('creates each event with a session per row, published when asked, and changes nothing the second time', async () => {
    const rows = parseCsv(await readFile(sample, 'utf8'), EVENT_COLUMNS);
    expect(await importEvents(sample, rows, deps)).toEqual({ rows: 3, created: 2, updated: 0, unchanged: 0 });
    const family = await container.repositories.events.get('EV-2027-FAMILY');
    expect(family).toMatchObject({
      brand: 'vitality',
      status: 'published',
      organiserBranchName: '浦东中心支公司',
      audience: { roles: ['customer'], ageBand: { min: 25, max: 50 }, branch: { path: 'HQ/SH/SH-PD' } },
      venues: [{ venueId: 'V1', name: '浦东体育馆' }],
    });
    expect(family?.sessions.map((s) => [s.sessionId, s.venueId, s.capacity])).toEqual([
      ['S1', 'V1', 60],
      ['S2', 'V1', 60],
    ]);
    expect((await container.repositories.events.sessions('EV-2027-FAMILY')).map((s) => s.free)).toEqual([
      60, 60,
    ]);
    expect(await importEvents(sample, rows, deps)).toEqual({ rows: 3, created: 0, updated: 0, unchanged: 2 });
  });

  it('refuses the whole file, naming each bad row, when one row is wrong', async () => {
    const [header, reading, family1, family2] = (await readFile(sample, 'utf8')).trim().split('\n');
    const text = [
      header,
      reading!.replace('EV-2027-READING,charity', 'EV-2027-BAD,premier'),
      family1!.replaceAll('EV-2027-FAMILY', 'EV-2027-FAMILY2'),
      family2!.replaceAll('EV-2027-FAMILY', 'EV-2027-FAMILY2').replace(',25,50,', ',25,60,'),
    ].join('\n');
    const rows = parseCsv(text, EVENT_COLUMNS);
    const error = await importEvents('bad.csv', rows, deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ImportRejected);
    expect((error as ImportRejected).problems).toEqual([
      { line: 4, reason: '与第 3 行同一活动，但以下列不同：maxAge' },
      { line: 2, reason: '活动 EV-2027-BAD：audience：太尊享活动仅面向客户，且须指定客户分层' },
    ]);
    expect(await container.repositories.events.get('EV-2027-FAMILY2')).toBeNull();
  });
});

import { startOfShanghaiDay } from '@zhixiang/shared/complaints/calendar';
import type { StandardStore } from '@zhixiang/shared/ports/standards';
import { SEEDED_STANDARDS } from '@zhixiang/shared/standards/catalogue';

/**
 * The service standards' seeded catalogue (shared/src/standards/catalogue.ts), version 1 of each
 * rolled out in every branch from 00:00 of `from` (the seed: a month before its day, so the demo
 * month of measured events is judged). Created once (the table's condition refuses an existing
 * version): an admin's later versions and steps stay.
 */
export async function seedDemoStandards(store: Pick<StandardStore, 'create'>, from: string): Promise<void> {
  const at = startOfShanghaiDay(from);
  await Promise.all(
    SEEDED_STANDARDS.map((definition) =>
      store.create(
        {
          ...definition,
          version: 1,
          status: 'rolled_out',
          pilotBranches: [],
          steps: { locked: at, rolled_out: at },
          createdAt: at,
          evaluation: null,
        },
        {
          standardId: definition.standardId,
          version: 1,
          action: 'rolled_out',
          at,
          actorId: 'seed',
          detail: `演示目录：第 1 版自 ${from} 起在全部机构推行`,
        },
      ),
    ),
  );
}

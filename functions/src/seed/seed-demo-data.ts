import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type { PolicyRecord } from '@zhixiang/shared/policy/model';
import type { CallbackBookingRepository } from '@zhixiang/shared/ports/callback-bookings';
import type { DocumentRepository } from '@zhixiang/shared/ports/documents';
import type { EndorsementRepository } from '@zhixiang/shared/ports/endorsements';
import type { EventStore } from '@zhixiang/shared/ports/events';
import type { KnowledgeBaseRepository } from '@zhixiang/shared/ports/knowledge-base';
import type { NotifyOnIndex } from '@zhixiang/shared/ports/notices';
import type { CatalogueRepository } from '@zhixiang/shared/ports/product-catalogue';
import type { Repositories } from '@zhixiang/shared/ports/repositories';
import type { StandardStore } from '@zhixiang/shared/ports/standards';
import { productSyllables } from '@zhixiang/shared/search/pinyin';
import { loadKnowledgeBase, readKnowledgeFiles } from '../assistant/use-cases/load-knowledge-base';
import type { BrochureStore } from '../products/adapters/brochure-links';
import { storedProductToCompare } from '../products/use-cases/stored-product';
import { seedDemoBrochures } from './demo-brochures';
import { seedDemoCallbackSlots } from './demo-callback-slots';
import { DEMO_CATALOGUE } from './demo-catalogue';
import { buildDemoData } from './demo-data';
import { seedDemoDocuments } from './demo-documents';
import { seedDemoEndorsements } from './demo-endorsements';
import { seedDemoEvents } from './demo-events';
import { type DemoMeasurementDeps, demoRolloutDay, seedDemoMeasurements } from './demo-measurements';
import { seedDemoStandards } from './demo-standards';
import { emptyTally, type WriteTally, writeIfChanged } from './write-if-changed';

export { DEMO_BINDING_CUSTOMER, DEMO_SIGN_INS, type DemoSignIn } from './demo-data';

export interface SeedDemoDataDeps {
  /** With a catalogue repository, the product catalogue (知客) is seeded too. */
  /** With a callback repository, the coming days' callback slots (回访时段) are laid out too. */
  repositories: Repositories & {
    catalogue?: CatalogueRepository;
    callbackBookings?: CallbackBookingRepository;
    /** Electronic documents: with it and endorsements, 张伟's demo application awaiting signature is created. */
    documents?: DocumentRepository;
    /** With a knowledge base repository, the assistant's knowledge base (knowledge/*.json) is loaded too. */
    knowledgeBase?: KnowledgeBaseRepository;
    /** Endorsements (保全): with it, 李娜's withdrawn demo application is created once. */
    endorsements?: EndorsementRepository;
    /** Club events: with it, the demo events of the three brands are created once. */
    events?: Pick<EventStore, 'create'>;
    /** Service standards: with it, the seeded catalogue is created once, rolled out on the seed's day. */
    standards?: Pick<StandardStore, 'create'>;
  };
  /**
   * Renewal notices: with it, every seeded policy's pre-debit notice is keyed in the notify-on
   * index from the policy as stored (a re-seed keys what the running system made of it).
   */
  notifyOn?: { index: Pick<NotifyOnIndex, 'refreshPolicies'>; now: () => number };
  /**
   * Service standards' demo month (演示数据, the local stage only: a deployed stage refuses it): with
   * it and the standards, a month of measured events so the dashboard has figures on a fresh stack.
   */
  measurements?: DemoMeasurementDeps;
  /** Where placeholder brochure PDFs of the demo catalogue are uploaded (local stage). */
  brochures?: BrochureStore;
  /** YYYY-MM-DD in Asia/Shanghai; defaults to today. */
  today?: string;
}

export type SeedReport = Record<keyof Repositories, WriteTally> & {
  catalogue?: WriteTally;
  knowledge?: WriteTally;
};

/**
 * Writes the demo world. Idempotent: reference data (branches, products, agents) is brought back
 * to the seeded version when it differs; customers, policies and user accounts are only created
 * when missing, because the running system changes them (a bound WeChat account, an endorsed
 * policy) and a re-seed must not undo a demo in progress. Seeding twice changes nothing.
 */
export async function seedDemoData(deps: Partial<SeedDemoDataDeps> = {}): Promise<SeedReport> {
  // Without repositories, the process's container (with the given day, if any).
  const resolved = deps.repositories
    ? { ...deps, repositories: deps.repositories }
    : { ...(await defaultDeps()), ...deps };
  const { repositories: r } = resolved;
  const today = resolved.today ?? todayInShanghai();
  const data = buildDemoData(today);
  const report: SeedReport = {
    branches: emptyTally(),
    products: emptyTally(),
    agents: emptyTally(),
    customers: emptyTally(),
    policies: emptyTally(),
    users: emptyTally(),
  };
  const tally = async <T extends object>(
    entity: keyof Repositories,
    records: T[],
    write: (record: T) => Promise<'created' | 'updated' | 'unchanged'>,
  ) => {
    const outcomes = await Promise.all(records.map(write));
    for (const outcome of outcomes) report[entity][outcome]++;
  };

  await tally('branches', data.branches, (b) =>
    writeIfChanged(b, { load: () => r.branches.get(b.branchId), save: (x) => r.branches.put(x) }),
  );
  await tally('products', data.products, (p) =>
    writeIfChanged(p, { load: () => r.products.get(p.productCode), save: (x) => r.products.put(x) }),
  );
  await tally('agents', data.agents, (a) =>
    writeIfChanged(a, { load: () => r.agents.get(a.agentId), save: (x) => r.agents.put(x) }),
  );
  await tally('customers', data.customers, (c) =>
    writeIfChanged(c, {
      load: () => r.customers.get(c.customerId),
      save: (x) => r.customers.put(x),
      createOnly: true,
    }),
  );
  await tally('policies', data.policies, (p) =>
    writeIfChanged<PolicyRecord>(p, {
      load: () => r.policies.get(p.policyNo),
      save: (x) => r.policies.put(x),
      createOnly: true,
    }),
  );
  if (resolved.notifyOn) {
    const stored = await Promise.all(data.policies.map((p) => r.policies.get(p.policyNo)));
    await resolved.notifyOn.index.refreshPolicies(
      stored.filter((p) => p !== null),
      resolved.notifyOn.now(),
    );
  }
  await tally('users', data.users, (u) =>
    writeIfChanged(u, { load: () => r.users.get(u.userId), save: (x) => r.users.put(x), createOnly: true }),
  );
  if (r.catalogue) report.catalogue = await seedDemoCatalogue(r.catalogue);
  if (resolved.brochures) await seedDemoBrochures(resolved.brochures, DEMO_CATALOGUE);
  // Not in the report: a seed on a later day adds that day's slots, which is no change to the demo world.
  if (r.callbackBookings) await seedDemoCallbackSlots(r.callbackBookings, today);
  if (r.knowledgeBase) report.knowledge = await seedKnowledgeBase(r.knowledgeBase);
  // Endorsements (保全): created once, like customers (a signed demo application stays signed).
  if (r.endorsements) await seedDemoEndorsements(r.endorsements, data, Date.parse(`${today}T01:00:00Z`));
  if (r.events) await seedDemoEvents(r.events, today, data.branches);
  if (r.standards) await seedDemoStandards(r.standards, demoRolloutDay(today));
  if (r.standards && resolved.measurements)
    await seedDemoMeasurements(resolved.measurements, today, data.branches);
  if (r.documents && r.endorsements)
    await seedDemoDocuments({ ...r, documents: r.documents, endorsements: r.endorsements }, data);
  return report;
}

/**
 * The catalogue is reference data brought back to the seeded version, except hotness: the live
 * system computes it, so an existing product keeps its own.
 */
export async function seedDemoCatalogue(catalogue: CatalogueRepository): Promise<WriteTally> {
  const counts = emptyTally();
  const outcomes = await Promise.all(
    DEMO_CATALOGUE.map((p) =>
      writeIfChanged(p, {
        load: () => storedProductToCompare(catalogue, p.productCode),
        save: (x, existing) =>
          catalogue.put(existing ? { ...x, hotness: existing.hotness } : x, productSyllables(x)),
        ignore: ['hotness'],
      }),
    ),
  );
  for (const outcome of outcomes) counts[outcome]++;
  return counts;
}

/** The repository's knowledge base, as `load-knowledge` loads it: an unchanged one is left as it is. */
export async function seedKnowledgeBase(knowledgeBase: KnowledgeBaseRepository): Promise<WriteTally> {
  const outcome = await loadKnowledgeBase(knowledgeBase, await readKnowledgeFiles(), Date.now());
  const tally = emptyTally();
  tally[outcome.status === 'activated' ? 'created' : 'unchanged'] = outcome.entryCount;
  return tally;
}

/** The process's container, imported lazily because the container itself lists the demo sign-ins. */
async function defaultDeps(): Promise<SeedDemoDataDeps> {
  const { getSystem } = await import('../system');
  const { S3BrochureStore } = await import('../products/adapters/brochure-links');
  const { getS3 } = await import('../platform/s3/s3');
  const container = getSystem();
  return {
    repositories: container.repositories,
    notifyOn: { index: container.notifyOn, now: container.now },
    brochures: new S3BrochureStore(getS3, container.config.bucketName),
    // The demo month of measured events: on the local stage only (the guard refuses any other).
    ...(container.config.stage === 'local'
      ? {
          measurements: {
            stage: container.config.stage,
            measurements: container.measurements,
            businessCalendar: container.businessCalendar,
            now: container.now,
          },
        }
      : {}),
  };
}

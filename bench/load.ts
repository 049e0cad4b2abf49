/**
 * `npm run load` — the whole local stack under 50 connections for 60 s (autocannon, localhost
 * only), mixing what customers do at once: policy reads, product search, assistant questions
 * signed out and signed in, callback bookings and endorsement drafts, by 400 customers of their
 * own. Afterwards it reconciles what the table holds with what the clients were told: every
 * booking answered 201 is stored once, and the slots' seats taken equal the bookings stored; every
 * draft answered 201 is stored once, and no policy has two open drafts. It reports p50 / p99 per
 * route and the 5xx count (goal: 0).
 *
 * `npm run load -- --soak`: the same mix for 10 minutes at 20 connections, sampling this
 * process's RSS (the gateway and every handler run in it) every 10 s; "flat" = the last minute's
 * median within 15 % of the second minute's (the first is warm-up).
 *
 * Baseline, same run and concurrency: the same connections against `GET /auth/demo-users`, a
 * route that reads no table — the gateway's and the middleware's floor.
 * The load generator shares this process with the gateway (2 cores), so absolute figures are a
 * floor of what one machine does, not of what Lambda does.
 */
import autocannon, { type Request as AutocannonRequest, type Result } from 'autocannon';
import { startEphemeralStack } from '../functions/local/ephemeral-stack';
import { startGateway } from '../functions/local/gateway';

const soak = process.argv.includes('--soak');
const SECONDS = Number(process.env.LOAD_SECONDS ?? (soak ? 600 : 60));
const CONNECTIONS = soak ? 20 : 50;
const CUSTOMERS = 400;
const SLOTS = 10;
const SEATS = 20;

interface Member {
  customerId: string;
  policyNo: string;
  token: string;
}

async function main() {
  const stack = await startEphemeralStack();
  Object.assign(process.env, stack.env, { POWERTOOLS_LOG_LEVEL: 'ERROR' });
  const errors: string[] = [];
  // What the server answered, by route template and status: the reconciliation's reference (the
  // clients drop the answers still in flight when their time is up; the server sent them).
  const served = new Map<string, number>();
  const gateway = await startGateway({
    port: 0,
    log: (line) => {
      const answered = /^(\S+ \S+ \d{3}) \d+ms$/.exec(line)?.[1];
      if (answered) served.set(answered, (served.get(answered) ?? 0) + 1);
      else if (/ threw: /.test(line)) errors.push(line.slice(0, 300));
    },
  });
  try {
    const { getSystem } = await import('../functions/src/system');
    const { seedDemoData } = await import('../functions/src/seed/seed-demo-data');
    const { buildDemoData } = await import('../functions/src/seed/demo-data');
    const { claimsFor } = await import('../functions/src/auth/use-cases/session');
    const { putCustomer, putUser } = await import('../functions/test/support/test-system');
    const { addDays, todayInShanghai } = await import('../shared/src/format/dates');
    const system = getSystem();
    const today = todayInShanghai();
    await seedDemoData({ repositories: system.repositories, today });

    // 400 customers of the load's own, each with a policy in its cooling-off period (so it may book
    // its callback) shaped like 张伟's newest policy.
    const template = buildDemoData(today).policies.find(
      (p) => p.holderId === 'C001' && p.effectiveDate > addDays(today, -30),
    );
    if (!template) throw new Error('no demo policy in its cooling-off period to copy');
    const members: Member[] = [];
    for (let i = 0; i < CUSTOMERS; i++) {
      const customer = await putCustomer(system, {
        branchId: template.branchId,
        branchPath: template.branchPath,
      });
      const policyNo = `LOAD${String(i).padStart(6, '0')}`;
      await system.repositories.policies.put({
        ...template,
        policyNo,
        holderId: customer.customerId,
        insuredId: customer.customerId,
        agentId: null,
        version: 1,
      });
      const user = await putUser(system, { customerId: customer.customerId });
      members.push({
        customerId: customer.customerId,
        policyNo,
        token: (await system.accessTokens.issue(claimsFor(user))).token,
      });
    }
    // The load's own slots, at times the demo schedule leaves free (its seeded slots keep theirs).
    const slotTimes = Array.from({ length: SLOTS }, (_, i) => ({
      date: addDays(today, 1 + (i % 5)),
      start: i < 5 ? '08:00' : '08:30',
    }));
    const slotsMade = await system.repositories.callbackBookings.createSlots(slotTimes, SEATS);
    if (slotsMade.existing > 0) throw new Error(`${slotsMade.existing} of the load's slots already exist`);
    const slotIds = slotTimes.map((s) => `${s.date.replaceAll('-', '')}${s.start.replace(':', '')}`);

    let turn = 0;
    const next = () => members[turn++ % members.length] as Member;
    const json = { 'content-type': 'application/json' };
    const bearer = (member: Member) => ({ authorization: `Bearer ${member.token}`, ...json });
    const questions = [
      '怎么办理保单贷款',
      '犹豫期是多久',
      '理赔需要什么材料',
      '怎么修改手机号',
      '保单贷款利率是多少',
    ];
    const searches = ['zhongji', '重疾', 'jyf', '养老', '学平险', '医疗'];
    const fixed = (request: Partial<AutocannonRequest>) => [request as AutocannonRequest];
    /** A POST to one of the next member's policy's routes, as that member. */
    const asPolicyHolder = (action: string, body: () => unknown) =>
      fixed({
        method: 'POST',
        setupRequest: (request) => {
          const member = next();
          return {
            ...request,
            path: `/policies/${member.policyNo}/${action}`,
            headers: bearer(member),
            body: JSON.stringify(body()),
          };
        },
      });
    const routes: { name: string; share: number; requests: AutocannonRequest[] }[] = [
      {
        name: 'GET /policies/{policyNo}',
        share: 0.2,
        requests: fixed({
          method: 'GET',
          setupRequest: (request) => {
            const member = next();
            return { ...request, path: `/policies/${member.policyNo}`, headers: bearer(member) };
          },
        }),
      },
      {
        name: 'GET /products/search',
        share: 0.2,
        requests: fixed({
          method: 'GET',
          setupRequest: (request) => ({
            ...request,
            path: `/products/search?q=${encodeURIComponent(searches[turn++ % searches.length] ?? '')}`,
          }),
        }),
      },
      {
        name: 'POST /assistant/messages (signed out)',
        share: 0.1,
        requests: fixed({
          method: 'POST',
          path: '/assistant/messages',
          headers: json,
          setupRequest: (request) => ({
            ...request,
            body: JSON.stringify({ text: questions[turn++ % questions.length] }),
          }),
        }),
      },
      {
        name: 'POST /assistant/messages (signed in)',
        share: 0.1,
        requests: fixed({
          method: 'POST',
          path: '/assistant/messages',
          setupRequest: (request) => ({
            ...request,
            headers: bearer(next()),
            body: JSON.stringify({ text: questions[turn++ % questions.length] }),
          }),
        }),
      },
      {
        name: 'POST /policies/{policyNo}/callback',
        share: 0.2,
        requests: asPolicyHolder('callback', () => ({ slotId: slotIds[turn % slotIds.length] })),
      },
      {
        name: 'POST /policies/{policyNo}/endorsements',
        share: 0.2,
        requests: asPolicyHolder('endorsements', () => ({
          type: 'contact_change',
          address: `上海市浦东新区世纪大道${turn % 900}号`,
        })),
      },
    ];

    // Every answer the clients got, by route: the reconciliation compares the table with these.
    const answers = new Map<string, Map<number, number>>();
    const run = (name: string, connections: number, requests: AutocannonRequest[], seconds: number) => {
      const counts = new Map<number, number>();
      answers.set(name, counts);
      return new Promise<Result>((resolve, reject) => {
        const instance = autocannon(
          { url: gateway.url, connections, duration: seconds, requests },
          (error, result) => (error ? reject(error) : resolve(result)),
        );
        instance.on('response', (_client, statusCode) => {
          counts.set(statusCode, (counts.get(statusCode) ?? 0) + 1);
        });
      });
    };

    // The baseline: the same connections, a route with no table work.
    const baselineSeconds = Math.min(10, SECONDS);
    const baseline = await run(
      'GET /auth/demo-users',
      CONNECTIONS,
      fixed({ method: 'GET', path: '/auth/demo-users' }),
      baselineSeconds,
    );

    const rss: number[] = [];
    const sampler = setInterval(() => rss.push(process.memoryUsage().rss), 10_000);
    const startedAt = Date.now();
    const results = await Promise.all(
      routes.map((route) =>
        run(route.name, Math.max(1, Math.round(route.share * CONNECTIONS)), route.requests, SECONDS),
      ),
    );
    clearInterval(sampler);
    const elapsedSeconds = (Date.now() - startedAt) / 1000;

    // Reconciliation.
    const problems: string[] = [];
    let stored = 0;
    let drafts = 0;
    for (const member of members) {
      const booking = await system.repositories.callbackBookings.getBooking(member.policyNo);
      if (booking?.status === 'booked') {
        stored += 1;
        if (!slotIds.includes(booking.slotId)) problems.push(`${member.policyNo} booked ${booking.slotId}`);
      }
      const applications = await system.repositories.endorsements.listByHolder(member.customerId);
      const open = applications.filter((a) => a.policyNo === member.policyNo && a.type === 'contact_change');
      drafts += open.length;
      if (open.filter((a) => a.status === 'draft').length > 1)
        problems.push(`${member.policyNo} has two drafts`);
    }
    const slots = await Promise.all(slotIds.map((id) => system.repositories.callbackBookings.getSlot(id)));
    const seatsTaken = slots.reduce((sum, slot) => sum + (slot?.booked ?? 0), 0);
    for (const slot of slots)
      if (slot && slot.booked > slot.seats) problems.push(`${slot.slotId} overbooked`);
    if (stored !== seatsTaken) problems.push(`bookings stored ${stored} ≠ seats taken ${seatsTaken}`);
    const createdBookings = served.get('POST /policies/{policyNo}/callback 201') ?? 0;
    const createdDrafts = served.get('POST /policies/{policyNo}/endorsements 201') ?? 0;
    if (stored !== createdBookings)
      problems.push(`bookings answered 201: ${createdBookings}, stored ${stored}`);
    if (drafts !== createdDrafts) problems.push(`drafts answered 201: ${createdDrafts}, stored ${drafts}`);

    const table = routes.map((route, i) => {
      const result = results[i] as Result;
      return {
        route: route.name,
        connections: Math.max(1, Math.round(route.share * CONNECTIONS)),
        requests: result.requests.total,
        p50Ms: result.latency.p50,
        p99Ms: result.latency.p99,
        statuses: Object.fromEntries(answers.get(route.name) ?? []),
        errors: result.errors + result.timeouts,
      };
    });
    for (const row of table) console.log(JSON.stringify(row));
    const all = results as Result[];
    const total = all.reduce((sum, r) => sum + r.requests.total, 0);
    const fiveXx = [...served].reduce((sum, [key, n]) => sum + (/ 5\d\d$/.test(key) ? n : 0), 0);
    const transportErrors = all.reduce((sum, r) => sum + r.errors + r.timeouts, 0);
    // The contract's figures are the slowest route's: every route must hold, not the average.
    const worst = (key: 'p50' | 'p99') => Math.max(...all.map((r) => r.latency[key]));
    const median = (values: number[]) =>
      [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
    const early = median(rss.slice(6, 12));
    const late = median(rss.slice(-6));
    const rssFlat = !soak || (early > 0 && late <= early * 1.15);
    console.log(
      `${total} requests in ${elapsedSeconds.toFixed(0)} s at ${CONNECTIONS} connections; 5xx ${fiveXx}; ` +
        `transport errors ${transportErrors}; bookings ${stored} = seats ${seatsTaken}; drafts ${drafts}; ` +
        `handler errors logged ${errors.length}${problems.length ? `; PROBLEMS: ${problems.join('; ')}` : ''}`,
    );
    for (const line of errors.slice(0, 5)) console.log(line);
    const p50 = worst('p50');
    const p99 = worst('p99');
    console.log(
      JSON.stringify({
        bench: soak ? 'load-soak' : 'load',
        p50Ms: p50,
        p99Ms: p99,
        baselineP50Ms: baseline.latency.p50,
        baselineP99Ms: baseline.latency.p99,
        ratioP50: Number((p50 / Math.max(1, baseline.latency.p50)).toFixed(2)),
        ratioP99: Number((p99 / Math.max(1, baseline.latency.p99)).toFixed(2)),
        goal: `0 5xx, no transport error, the reconciliation holds${soak ? ', RSS flat (last minute within 15 % of the second)' : ''}`,
        met: fiveXx === 0 && transportErrors === 0 && problems.length === 0 && rssFlat,
        samples: total,
        seconds: Math.round(elapsedSeconds),
        connections: CONNECTIONS,
        fiveXx,
        bookings: stored,
        seatsTaken,
        drafts,
        ...(soak ? { rssEarlyMiB: Math.round(early / 2 ** 20), rssLateMiB: Math.round(late / 2 ** 20) } : {}),
      }),
    );
  } finally {
    await gateway.close();
    await stack.stop();
  }
}

await main();

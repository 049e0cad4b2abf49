import { addDays } from '@zhixiang/shared/format/dates';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoData } from '../../src/seed/demo-data';
import { createSystem, type System } from '../../src/system';
import { accessTokenFor } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { FIXED_TODAY, fixedClock } from '../support/fixed-clock';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/** The policy page's figures, through the gateway against the seeded demo world on a fixed day. */
const data = buildDemoData(FIXED_TODAY);
const policyOf = (holder: string, product: string) =>
  data.policies.find((p) => p.holderId === holder && p.productCode === product)!;

let system: System;
let gateway: TestGateway;
let api: ApiClient;

beforeAll(async () => {
  gateway = await startTestGateway({ system: () => createSystem(undefined, { now: fixedClock() }) });
  system = gateway.system;
  await seedDemoDataOnce({ repositories: system.repositories, today: FIXED_TODAY });
  api = createApiClient(gateway.url);
});

afterAll(async () => {
  await gateway?.close();
});

describe('GET /policies/{policyNo}: 可贷金额', () => {
  it('shows what may be borrowed today, the same figure the loan form and the assistant use', async () => {
    const token = await accessTokenFor(system, 'demo-customer-c001');
    const policyNo = policyOf('C001', 'PL01').policyNo;
    const detail = await api.get<{ loanQuota: { quotaCents: number; unavailableReason: string | null } }>(
      `/policies/${policyNo}`,
      { token },
    );
    expect(detail.status, detail.text).toBe(200);
    expect(detail.body.loanQuota).toEqual({ quotaCents: 5_473_640, unavailableReason: null });
  });

  it('says why nothing can be borrowed on a lapsed policy', async () => {
    const lapsed = data.policies.find((p) => p.holderId === 'C005' && p.status === 'lapsed')!;
    const token = await accessTokenFor(system, 'demo-customer-c005');
    const detail = await api.get<{ loanQuota: { quotaCents: number; unavailableReason: string | null } }>(
      `/policies/${lapsed.policyNo}`,
      { token },
    );
    expect(detail.body.loanQuota).toEqual({ quotaCents: 0, unavailableReason: '保单当前不是有效状态' });
  });
});

describe('GET /policies/{policyNo}: the next scheduled benefit', () => {
  it("shows 王芳's next pension payment; a product without a schedule shows none", async () => {
    const pension = policyOf('C004', 'AN02');
    const detail = await api.get<{ nextBenefit?: unknown }>(`/policies/${pension.policyNo}`, {
      token: await accessTokenFor(system, 'demo-customer-c004'),
    });
    expect(detail.status, detail.text).toBe(200);
    expect(detail.body.nextBenefit).toEqual({
      date: addDays(FIXED_TODAY, 12),
      kind: 'survival',
      amountCents: 3_000_000,
    });
    const critical = await api.get<{ nextBenefit?: unknown }>(
      `/policies/${policyOf('C001', 'CI01').policyNo}`,
      {
        token: await accessTokenFor(system, 'demo-customer-c001'),
      },
    );
    expect(critical.status, critical.text).toBe(200);
    expect(critical.body.nextBenefit).toBeUndefined();
  });
});

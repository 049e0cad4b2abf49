import { checkIdNumber } from '@zhixiang/shared/identity/id-number';
import { beforeAll, describe, expect, it } from 'vitest';
import { GetCommand } from '../../src/platform/dynamodb/document-client';
import { buildDemoData } from '../../src/seed/demo-data';
import { DEMO_BINDING_CUSTOMER, DEMO_SIGN_INS, seedDemoData } from '../../src/seed/seed-demo-data';
import { createSystem, type System } from '../../src/system';

const TODAY = '2026-11-25';

describe('demo data', () => {
  const data = buildDemoData(TODAY);

  it('has about 40 products, a 4-level hierarchy, 20 customers and 3 agents', () => {
    expect(data.products.length).toBeGreaterThanOrEqual(38);
    expect(new Set(data.branches.map((b) => b.level))).toEqual(
      new Set(['head_office', 'branch', 'sub_branch', 'agency']),
    );
    expect(data.branches.filter((b) => b.level === 'branch')).toHaveLength(2);
    expect(data.customers).toHaveLength(20);
    expect(data.agents).toHaveLength(3);
  });

  it('gives every customer a valid ID number matching their birth date and gender', () => {
    for (const c of data.customers) {
      expect(checkIdNumber(c.idNumber, TODAY)).toEqual({
        ok: true,
        normalized: c.idNumber,
        birthDate: c.birthDate,
        gender: c.gender,
      });
    }
    expect(new Set(data.customers.map((c) => c.phone)).size).toBe(20);
  });

  it('gives every customer 1–4 policies as holder or insured', () => {
    for (const c of data.customers) {
      const count = data.policies.filter(
        (p) => p.holderId === c.customerId || p.insuredId === c.customerId,
      ).length;
      expect(count, c.name).toBeGreaterThanOrEqual(1);
      expect(count, c.name).toBeLessThanOrEqual(4);
    }
  });

  it('covers the policy situations the demo needs', () => {
    const product = (code: string) => data.products.find((p) => p.productCode === code);
    expect(
      data.policies.some(
        (p) => product(p.productCode)?.participating && (p.accumulatedDividendsCents ?? 0) > 0,
      ),
    ).toBe(true);
    expect(data.policies.some((p) => product(p.productCode)?.kind === 'annuity')).toBe(true);
    expect(data.policies.some((p) => product(p.productCode)?.kind === 'critical_illness')).toBe(true);
    expect(data.policies.some((p) => p.loan)).toBe(true);
    expect(data.policies.some((p) => p.status === 'lapsed')).toBe(true);
    expect(data.policies.some((p) => p.holderId !== p.insuredId)).toBe(true);
    expect(
      data.policies.some(
        (p) => p.receiptDate <= TODAY && TODAY <= '2026-12-10' && p.receiptDate > '2026-11-10',
      ),
    ).toBe(true);
  });

  it('has staff at every branch level, an admin and an unbound customer account', () => {
    const levels = data.users
      .filter((u) => u.role === 'staff')
      .map((u) => data.branches.find((b) => b.branchId === u.branchId)?.level);
    expect(new Set(levels)).toEqual(new Set(['head_office', 'branch', 'sub_branch', 'agency']));
    expect(data.users.some((u) => u.role === 'admin')).toBe(true);
    expect(data.users.some((u) => u.role === 'customer' && u.customerId === null)).toBe(true);
    expect(data.users.some((u) => u.customerId === DEMO_BINDING_CUSTOMER.customerId)).toBe(false);
  });

  it('lists a sign-in for every seeded account', () => {
    expect(DEMO_SIGN_INS.map((d) => d.userId).sort()).toEqual(data.users.map((u) => u.userId).sort());
  });

  it('is the same on every build', () => {
    expect(buildDemoData(TODAY)).toEqual(data);
  });
});

describe('seedDemoData', () => {
  let container: System;

  beforeAll(() => {
    container = createSystem();
  });

  it('writes the demo world once; seeding again changes nothing', async () => {
    const first = await seedDemoData({ repositories: container.repositories, today: TODAY });
    expect(first.customers.created).toBe(20);
    expect(first.policies.created).toBe(buildDemoData(TODAY).policies.length);

    const snapshot = await readAllPolicies(container);
    const second = await seedDemoData({ repositories: container.repositories, today: TODAY });
    for (const tally of Object.values(second)) expect(tally.created + tally.updated).toBe(0);
    expect(await readAllPolicies(container)).toEqual(snapshot);

    const nextDay = await seedDemoData({ repositories: container.repositories, today: '2026-11-26' });
    for (const tally of Object.values(nextDay)) expect(tally.created + tally.updated).toBe(0);
    // Three full seeds (the knowledge base, documents and the catalogue included) on a shared machine.
  }, 90_000);

  it('stores ID numbers, phones and bank accounts only as ciphertext', async () => {
    const data = buildDemoData(TODAY);
    const customer = data.customers[0]!;
    const policy = data.policies.find((p) => p.renewalAccount && p.beneficiaries.length > 0)!;
    const rawItem = async (pk: string, sk: string) =>
      JSON.stringify(
        (
          await container.table.client.send(
            new GetCommand({ TableName: container.table.table, Key: { pk, sk } }),
          )
        ).Item,
      );
    const rawCustomer = await rawItem(`CUSTOMER#${customer.customerId}`, 'CUSTOMER');
    expect(rawCustomer).not.toContain(customer.idNumber);
    expect(rawCustomer).not.toContain(customer.phone);
    const rawPolicy = await rawItem(`POLICY#${policy.policyNo}`, 'POLICY');
    expect(rawPolicy).not.toContain(policy.renewalAccount!.accountNumber);
    expect(rawPolicy).not.toContain(policy.beneficiaries[0]!.idNumber);
    expect(
      await container.repositories.customers.findByIdNumber(customer.idNumber.toLowerCase()),
    ).toMatchObject({ customerId: customer.customerId });
    expect(await container.repositories.policies.get(policy.policyNo)).toMatchObject({
      renewalAccount: policy.renewalAccount,
      version: 1,
    });
  });

  it('refuses a policy write based on a stale version', async () => {
    const current = (await container.repositories.policies.get(buildDemoData(TODAY).policies[0]!.policyNo))!;
    const saved = await container.repositories.policies.put({
      ...current,
      cashValueCents: current.cashValueCents + 1,
    });
    expect(saved.version).toBe(current.version + 1);
    await expect(
      container.repositories.policies.put({ ...current, cashValueCents: 0 }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    await container.repositories.policies.put({ ...saved, cashValueCents: current.cashValueCents });
  });

  it('reads the branch subtree by path prefix and the whole catalogue', async () => {
    const shanghai = await container.repositories.branches.listSubtree('HQ/SH');
    expect(shanghai.map((b) => b.branchId)).toEqual(['SH', 'SH-MH', 'SH-MH-01', 'SH-PD', 'SH-PD-01']);
    expect(await container.repositories.branches.listSubtree('HQ/S')).toEqual([]);
    expect((await container.repositories.branches.listSubtree('HQ')).length).toBe(11);
    expect((await container.repositories.products.list()).length).toBe(buildDemoData(TODAY).products.length);
  });

  it('finds policies by holder and by insured', async () => {
    const daughter = await container.repositories.policies.listByCustomer('C003');
    expect(daughter.map((p) => p.holderId)).toEqual(expect.arrayContaining(['C001', 'C002']));
    expect(daughter.every((p) => p.insuredId === 'C003')).toBe(true);
  });
});

async function readAllPolicies(container: System) {
  const all = await Promise.all(
    buildDemoData(TODAY).customers.map((c) => container.repositories.policies.listByCustomer(c.customerId)),
  );
  return all.flat();
}

import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAgent, createExecutive, createStaff } from '../../admin/commands/create-accounts';
import { ImportRejected, parseCsv } from '../../admin/imports/csv-rows';
import { importAssignments } from '../../admin/imports/import-assignments';
import { CUSTOMER_COLUMNS, type ImportDeps, importCustomers } from '../../admin/imports/import-customers';
import { importPolicies, parseBeneficiaries } from '../../admin/imports/import-policies';
import { runImport } from '../../admin/imports/run-import';
import { DynamoKeyringStore } from '../../src/platform/crypto/keyring-store';
import { reencryptStoredFields } from '../../src/platform/crypto/reencrypt-fields';
import { rotateFieldDataKey } from '../../src/platform/crypto/rotate-field-data-key';
import { GetCommand } from '../../src/platform/dynamodb/document-client';
import { demoIdNumber } from '../../src/seed/demo-data';
import { createSystem, type System } from '../../src/system';
import { seedDemoDataOnce } from '../support/seeded-demo-data';

const TODAY = '2026-11-25';
const samples = join(import.meta.dirname, '../../admin/samples');

let container: System;
let deps: ImportDeps;

beforeAll(async () => {
  container = createSystem();
  await seedDemoDataOnce({ repositories: container.repositories, today: TODAY });
  deps = {
    repositories: container.repositories,
    today: TODAY,
    notifyOn: { index: container.notifyOn, now: container.now },
  };
});

async function rawItem(pk: string, sk: string) {
  return (
    await container.table.client.send(new GetCommand({ TableName: container.table.table, Key: { pk, sk } }))
  ).Item;
}

async function rejection(promise: Promise<unknown>): Promise<ImportRejected> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ImportRejected);
  return error as ImportRejected;
}

describe('sample files', () => {
  it('import customers, policies and assignments; importing them again changes nothing', async () => {
    const first = {
      customers: await runImport('import-customers', join(samples, 'customers.csv'), deps),
      policies: await runImport('import-policies', join(samples, 'policies.csv'), deps),
      assignments: await runImport('import-assignments', join(samples, 'assignments.csv'), deps),
    };
    expect(first.customers).toMatchObject({ rows: 6, created: 6 });
    expect(first.policies).toMatchObject({ rows: 6, created: 6 });
    expect(first.assignments).toMatchObject({ rows: 3, updated: 3 });
    expect((await container.repositories.customers.get('C104'))?.agentId).toBe('A003');
    expect((await container.repositories.policies.get('8811010900104'))?.agentId).toBe('A003');

    const before = [
      await rawItem('CUSTOMER#C101', 'CUSTOMER'),
      await rawItem('POLICY#8831010900101', 'POLICY'),
    ];
    const second = {
      customers: await runImport('import-customers', join(samples, 'customers.csv'), deps),
      policies: await runImport('import-policies', join(samples, 'policies.csv'), deps),
      assignments: await runImport('import-assignments', join(samples, 'assignments.csv'), deps),
    };
    for (const report of Object.values(second))
      expect(report).toMatchObject({ created: 0, updated: 0, unchanged: report.rows });
    expect([
      await rawItem('CUSTOMER#C101', 'CUSTOMER'),
      await rawItem('POLICY#8831010900101', 'POLICY'),
    ]).toEqual(before);
  });

  it('reports progress', async () => {
    const seen: number[] = [];
    await runImport('import-customers', join(samples, 'customers.csv'), {
      ...deps,
      progress: (done) => seen.push(done),
    });
    expect(seen.at(-1)).toBe(6);
  });
});

describe('a file with bad rows', () => {
  const header = CUSTOMER_COLUMNS.join(',');

  it('imports nothing and names every bad row with its line and a Chinese reason', async () => {
    const csv = [
      header,
      `C201,好人,${demoIdNumber('310115', '1990-05-05', 70, 'male')},13900000201,SH-PD-01,`,
      'C202,坏号码,310115198306011213,13900000202,SH-PD-01,',
      'C203,手机错,310115198609231220,1390000020,SH-PD-01,',
      'C204,无机构,310112197902141255,13900000204,NOWHERE,',
      'C205,无业务员,110108199212301263,13900000205,BJ-HD-01,A999',
      'C201,重复,110105198410011300,13900000206,BJ-CY-01,',
    ].join('\n');
    const error = await rejection(importCustomers('bad.csv', parseCsv(csv, CUSTOMER_COLUMNS), deps));
    expect(error.problems).toEqual([
      { line: 3, reason: expect.stringContaining('校验位') },
      { line: 4, reason: expect.stringContaining('手机号') },
      { line: 5, reason: '机构代码 NOWHERE 不存在' },
      { line: 6, reason: '业务员工号 A999 不存在' },
      { line: 7, reason: '客户编号 C201 与第 2 行重复' },
    ]);
    expect(await container.repositories.customers.get('C201')).toBeNull();
  });

  it('refuses an ID number that belongs to another customer', async () => {
    const csv = `${header}\nC299,冒名,310115198306011212,13900000299,SH-PD-01,`;
    const error = await rejection(importCustomers('dup.csv', parseCsv(csv, CUSTOMER_COLUMNS), deps));
    expect(error.problems).toEqual([{ line: 2, reason: '该身份证号码已属于客户 C101' }]);
  });

  it('refuses a file without a required column', () => {
    expect(() => parseCsv('customerId,name\nC1,张三', CUSTOMER_COLUMNS)).toThrow(/缺少列：idNumber/);
  });

  it('checks policy rows against products, customers and the rules of each field', async () => {
    const head =
      'policyNo,productCode,status,holderId,insuredId,sumAssured,premium,premiumFrequency,effectiveDate,receiptDate,nextDueDate,bankName,accountNumber,cashValue,accumulatedDividends,dividendOption,loanPrincipal,loanStartDate,loanDueDate,beneficiaries';
    const csv = [
      head,
      '8830000000001,XX99,in_force,C101,C101,1000.00,10.00,annual,2024-01-01,2024-01-02,,,,0,,,,,,',
      '8830000000002,PL01,in_force,C101,C999,1000.00,10.00,annual,2024-01-01,2024-01-02,,,,0,,,,,,',
      '8830000000003,PL01,in_force,C101,C101,1000.505,10.00,annual,2024-01-01,2024-01-02,,,,0,,,,,,',
      '8830000000004,PL01,in_force,C101,C101,1000.00,10.00,annual,2024-02-30,2024-03-02,,,,0,,,,,,',
      '8830000000005,CI01,in_force,C101,C101,1000.00,10.00,annual,2024-01-01,2024-01-02,,,,0,,accumulate,,,,',
      '8830000000006,PL01,in_force,C101,C101,1000.00,10.00,annual,2024-01-01,2024-01-02,,,,0,,,5000.00,2024-06-01,,',
      '8830000000007,PL01,in_force,C101,C101,1000.00,10.00,annual,2024-01-01,2024-01-02,,,,0,,,,,,甲|配偶|1|60|310115198609231220',
      '8830000000008,PL01,unknown,C101,C101,1000.00,10.00,annual,2024-01-01,2024-01-02,,,,0,,,,,,',
    ].join('\n');
    const error = await rejection(importPolicies('policies.csv', parseCsv(csv, ['policyNo']), deps));
    expect(error.problems.map((p) => p.line)).toEqual([2, 3, 4, 5, 6, 7, 8, 9]);
    expect(error.problems.map((p) => p.reason)).toEqual([
      '险种代码 XX99 不存在',
      '被保险人 C999 不存在（请先导入客户）',
      expect.stringContaining('sumAssured'),
      expect.stringContaining('真实日期'),
      expect.stringContaining('不是分红险'),
      expect.stringContaining('须同时填写'),
      expect.stringContaining('合计应为 100%'),
      expect.stringContaining('保单状态'),
    ]);
    expect(await container.repositories.policies.get('8830000000001')).toBeNull();
  });

  it('refuses an assignment to an unknown agent or customer', async () => {
    const error = await rejection(
      importAssignments(
        'a.csv',
        parseCsv('customerId,agentId\nC101,A999\nC998,A001\nC101,A002', ['customerId', 'agentId']),
        deps,
      ),
    );
    expect(error.problems).toEqual([
      { line: 2, reason: '业务员工号 A999 不存在' },
      { line: 3, reason: '客户 C998 不存在' },
      { line: 4, reason: '客户 C101 已在第 2 行分配过业务员' },
    ]);
  });
});

describe('parseBeneficiaries', () => {
  it('reads several beneficiaries and checks shares per order', () => {
    const parsed = parseBeneficiaries(
      '甲|配偶|1|60|310115198609231220; 乙|子女|1|40|110105201203081298;丙|父母|2|100|310112197902141255',
      TODAY,
    );
    expect(parsed.ok && parsed.value.map((b) => [b.name, b.order, b.shareBasisPoints])).toEqual([
      ['甲', 1, 6000],
      ['乙', 1, 4000],
      ['丙', 2, 10000],
    ]);
  });

  it('refuses an invalid beneficiary ID number', () => {
    expect(parseBeneficiaries('甲|配偶|1|100|310115198609231221', TODAY)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('校验位'),
    });
  });
});

describe('accounts', () => {
  it('creates staff and agents idempotently', async () => {
    expect(
      await createStaff(container.repositories, {
        userId: 'staff-test-01',
        name: '测试坐席',
        branchId: 'SH-MH',
      }),
    ).toBe('created');
    expect(
      await createStaff(container.repositories, {
        userId: 'staff-test-01',
        name: '测试坐席',
        branchId: 'SH-MH',
      }),
    ).toBe('unchanged');
    expect(await container.repositories.users.get('staff-test-01')).toMatchObject({
      role: 'staff',
      branchPath: 'HQ/SH/SH-MH',
    });

    // An executive: a head of a branch, scoped to its subtree like staff.
    const head = { userId: 'exec-test-01', name: '闵行中支负责人', branchId: 'SH-MH' };
    expect(await createExecutive(container.repositories, head)).toBe('created');
    expect(await createExecutive(container.repositories, head)).toBe('unchanged');
    expect(await container.repositories.users.get('exec-test-01')).toMatchObject({
      role: 'executive',
      displayName: '闵行中支负责人',
      branchPath: 'HQ/SH/SH-MH',
    });
    // One account, one role: a staff account is not turned into an executive.
    await expect(
      createExecutive(container.repositories, {
        userId: 'staff-test-01',
        name: '测试坐席',
        branchId: 'SH-MH',
      }),
    ).rejects.toThrow('账号 staff-test-01 已存在，角色为 staff');
    await expect(
      createExecutive(container.repositories, { ...head, userId: 'exec-test-02', branchId: 'NOWHERE' }),
    ).rejects.toThrow('机构代码 NOWHERE 不存在');

    expect(
      await createAgent(container.repositories, {
        agentId: 'A900',
        userId: 'agent-a900',
        name: '测试业务员',
        branchId: 'BJ-CY-01',
      }),
    ).toBe('created');
    expect(
      await createAgent(container.repositories, {
        agentId: 'A900',
        userId: 'agent-a900',
        name: '测试业务员',
        branchId: 'BJ-CY-01',
      }),
    ).toBe('unchanged');
    expect(await container.repositories.agents.listByBranch('BJ-CY-01')).toEqual([
      expect.objectContaining({ agentId: 'A900' }),
    ]);
  });

  it('refuses an unknown branch and a role change', async () => {
    await expect(
      createStaff(container.repositories, { userId: 'staff-x', name: '某某', branchId: 'NOWHERE' }),
    ).rejects.toThrow('机构代码 NOWHERE 不存在');
    await expect(
      createStaff(container.repositories, { userId: 'demo-agent-a001', name: '某某', branchId: 'SH' }),
    ).rejects.toThrow(/角色为 agent/);
  });
});

describe('field key rotation', () => {
  it('re-encrypts stored values with the new key and keeps every lookup working', async () => {
    const before = await rawItem('CUSTOMER#C001', 'CUSTOMER');
    const customer = await container.repositories.customers.get('C001');
    const result = await rotateFieldDataKey({
      keyring: new DynamoKeyringStore(container.table),
      wrapper: container.fieldKeyWrapper,
      reencryptAll: (cipher) => reencryptStoredFields(container.table, cipher),
    });
    expect(result.currentVersion).toBe(result.previousVersion + 1);
    expect(result.reencrypted).toBeGreaterThan(20);
    const after = await rawItem('CUSTOMER#C001', 'CUSTOMER');
    expect(String(after?.idNumberCipher)).toMatch(new RegExp(`^f1\\.${result.currentVersion}\\.`));
    expect(after?.idNumberCipher).not.toBe(before?.idNumberCipher);

    const fresh = createSystem();
    expect(await fresh.repositories.customers.get('C001')).toEqual(customer);
    expect(await fresh.repositories.customers.findByIdNumber(customer!.idNumber)).toEqual(customer);
    const policy = await fresh.repositories.policies.get('8831010000001');
    expect(policy?.renewalAccount?.accountNumber).toMatch(/^\d{16,19}$/);
  });
});

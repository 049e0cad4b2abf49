import type { CustomerRecord, UserAccountRecord } from '@zhixiang/shared/policy/model';
import { loadConfig } from '../../src/platform/config';
import { createLogger } from '../../src/platform/logging/logger';
import { createSystem, type System, setSystem } from '../../src/system';

/**
 * Test fixtures for handler tests: the whole system over this test file's table with a clock the
 * test moves, plus customers and accounts to bind and sign in with.
 */
export interface TestKit {
  container: System;
  clock: { now: number };
  advance(ms: number): void;
}

export function useTestContainer(overrides: Partial<System> = {}): TestKit {
  const clock = { now: Date.UTC(2026, 10, 25, 2, 0, 0) };
  // Quiet by default; the log-capture test passes a real logger.
  const container = createSystem(loadConfig(), {
    now: () => clock.now,
    logger: createLogger({ logLevel: 'SILENT' }),
    ...overrides,
  });
  setSystem(container);
  return { container, clock, advance: (ms) => (clock.now += ms) };
}

let serial = 0;

/** A customer with a valid ID number (checksum and birth date) and a unique phone. */
export async function putCustomer(
  container: System,
  overrides: Partial<CustomerRecord> = {},
): Promise<CustomerRecord> {
  serial += 1;
  const first17 = `110105198${String(serial % 10)}0101${String(100 + (serial % 900)).padStart(3, '0')}`;
  const customer: CustomerRecord = {
    customerId: `C-TEST-${process.pid}-${serial}`,
    name: '张三',
    idNumber: `${first17}${checkChar(first17)}`,
    phone: `139${String(process.pid % 10000).padStart(4, '0')}${String(serial).padStart(4, '0')}`,
    birthDate: `198${serial % 10}-01-01`,
    gender: 'male',
    branchId: 'SH',
    branchPath: 'HQ/SH',
    agentId: null,
    ...overrides,
  };
  await container.repositories.customers.put(customer);
  return customer;
}

export async function putUser(
  container: System,
  overrides: Partial<UserAccountRecord> = {},
): Promise<UserAccountRecord> {
  serial += 1;
  const user: UserAccountRecord = {
    userId: `U-TEST-${process.pid}-${serial}`,
    role: 'customer',
    displayName: '测试用户',
    openid: null,
    customerId: null,
    agentId: null,
    branchId: null,
    branchPath: null,
    privacyConsentVersion: null,
    privacyConsentedAt: null,
    ...overrides,
  };
  await container.repositories.users.put(user);
  return user;
}

function checkChar(first17: string): string {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + w * Number(first17[i]), 0);
  return '10X98765432'[sum % 11] ?? '';
}

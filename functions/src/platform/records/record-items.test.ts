import { describe, expect, it } from 'vitest';
import { agentItem } from './agents';
import { branchItem } from './branches';
import { customerItem } from './customers';
import { productItem } from './products';
import { userAccountItem } from './user-accounts';

/**
 * The records' items exactly as stored: seeds, benchmarks, other contexts and the admin CLI read
 * and write the same items, so their keys (table and indexes), attributes and entity markers
 * must not drift. An absent optional attribute is no attribute.
 */
describe('the records as items', () => {
  it('an agent', () => {
    expect(
      agentItem({ agentId: 'A1', name: '王芳', userId: 'U7', branchId: 'B1', branchPath: 'HQ/B1' }),
    ).toStrictEqual({
      agentId: 'A1',
      name: '王芳',
      userId: 'U7',
      branchId: 'B1',
      branchPath: 'HQ/B1',
      pk: 'AGENT#A1',
      sk: 'AGENT',
      gsi1pk: 'BRANCH#B1#AGENTS',
      gsi1sk: 'AGENT#A1',
      __edb_e__: 'agent',
      __edb_v__: '1',
    });
  });

  it('a branch, the head office without a parent', () => {
    expect(
      branchItem({ branchId: 'SH', name: '上海分公司', level: 'branch', parentId: 'HQ', path: 'HQ/SH' }),
    ).toStrictEqual({
      branchId: 'SH',
      name: '上海分公司',
      level: 'branch',
      parentId: 'HQ',
      path: 'HQ/SH',
      pk: 'BRANCH#SH',
      sk: 'BRANCH',
      gsi1pk: 'BRANCHES',
      gsi1sk: 'HQ/SH',
      __edb_e__: 'branch',
      __edb_v__: '1',
    });
    expect(
      branchItem({ branchId: 'HQ', name: '总公司', level: 'head_office', parentId: null, path: 'HQ' }),
    ).toStrictEqual({
      branchId: 'HQ',
      name: '总公司',
      level: 'head_office',
      path: 'HQ',
      pk: 'BRANCH#HQ',
      sk: 'BRANCH',
      gsi1pk: 'BRANCHES',
      gsi1sk: 'HQ',
      __edb_e__: 'branch',
      __edb_v__: '1',
    });
  });

  it('a product', () => {
    expect(
      productItem({
        productCode: 'WL01',
        name: '终身寿险',
        kind: 'whole_life',
        coolingOffDays: 15,
        loanableRatioBasisPoints: 8000,
        loanAnnualRateBasisPoints: 500,
        hasDeathBenefit: true,
        participating: false,
      }),
    ).toStrictEqual({
      productCode: 'WL01',
      name: '终身寿险',
      kind: 'whole_life',
      coolingOffDays: 15,
      loanableRatioBasisPoints: 8000,
      loanAnnualRateBasisPoints: 500,
      hasDeathBenefit: true,
      participating: false,
      pk: 'PRODUCT#WL01',
      sk: 'PRODUCT',
      gsi1pk: 'PRODUCTS',
      gsi1sk: 'PRODUCT#WL01',
      __edb_e__: 'product',
      __edb_v__: '1',
    });
  });

  it('a product with a benefit schedule, kept as given', () => {
    const annuity = {
      productCode: 'AN02',
      name: '养老年金保险',
      kind: 'annuity' as const,
      coolingOffDays: 15,
      loanableRatioBasisPoints: 8000,
      loanAnnualRateBasisPoints: 500,
      hasDeathBenefit: true,
      participating: false,
      benefitSchedule: {
        survival: { percentBasisPoints: 1000, everyYears: 1, fromAge: 60 },
        maturity: { percentBasisPoints: 10_000, atAge: 85 },
      },
    };
    expect(productItem(annuity)).toStrictEqual({
      ...annuity,
      pk: 'PRODUCT#AN02',
      sk: 'PRODUCT',
      gsi1pk: 'PRODUCTS',
      gsi1sk: 'PRODUCT#AN02',
      __edb_e__: 'product',
      __edb_v__: '1',
    });
  });

  const customer = {
    customerId: 'C1',
    name: '张三',
    idNumberCipher: 'f1.1.a',
    idNumberIndex: 'idx-id',
    phoneCipher: 'f1.1.b',
    phoneIndex: 'idx-phone',
    birthDate: '1990-01-01',
    gender: 'male' as const,
    branchId: 'SH',
    branchPath: 'HQ/SH',
  };

  it('a customer assigned to an agent, with contact details', () => {
    expect(
      customerItem({ ...customer, agentId: 'A1', address: '上海市', email: 'z@example.cn' }),
    ).toStrictEqual({
      ...customer,
      agentId: 'A1',
      address: '上海市',
      email: 'z@example.cn',
      pk: 'CUSTOMER#C1',
      sk: 'CUSTOMER',
      gsi1pk: 'IDNO#idx-id',
      gsi1sk: 'CUSTOMER',
      gsi2pk: 'AGENT#A1#CUSTOMERS',
      gsi2sk: 'CUSTOMER#C1',
      __edb_e__: 'customer',
      __edb_v__: '1',
    });
  });

  it('an unassigned customer: the agent index key without an agent id', () => {
    expect(customerItem(customer)).toStrictEqual({
      ...customer,
      pk: 'CUSTOMER#C1',
      sk: 'CUSTOMER',
      gsi1pk: 'IDNO#idx-id',
      gsi1sk: 'CUSTOMER',
      gsi2pk: 'AGENT#',
      gsi2sk: 'CUSTOMER#C1',
      __edb_e__: 'customer',
      __edb_v__: '1',
    });
  });

  const account = {
    userId: 'U1',
    role: 'customer' as const,
    displayName: '张三',
    openid: 'o-1',
    customerId: 'C1',
    agentId: null,
    branchId: null,
    branchPath: null,
    privacyConsentVersion: '2026-11-01',
    privacyConsentedAt: '2026-11-02T00:00:00.000Z',
  };

  it('a bound WeChat account', () => {
    expect(userAccountItem(account)).toStrictEqual({
      userId: 'U1',
      role: 'customer',
      displayName: '张三',
      openid: 'o-1',
      customerId: 'C1',
      privacyConsentVersion: '2026-11-01',
      privacyConsentedAt: '2026-11-02T00:00:00.000Z',
      pk: 'USER#U1',
      sk: 'USER',
      gsi1pk: 'OPENID#o-1',
      gsi1sk: 'USER',
      gsi2pk: 'CUSTOMER#C1#USERS',
      gsi2sk: 'USER#U1',
      __edb_e__: 'userAccount',
      __edb_v__: '1',
    });
  });

  it('a staff account without openid or customer: no openid index key, the customer one cut short', () => {
    expect(
      userAccountItem({
        ...account,
        role: 'staff',
        openid: null,
        customerId: null,
        branchId: 'SH',
        branchPath: 'HQ/SH',
        privacyConsentVersion: null,
        privacyConsentedAt: null,
        duties: ['finance'],
      }),
    ).toStrictEqual({
      userId: 'U1',
      role: 'staff',
      displayName: '张三',
      branchId: 'SH',
      branchPath: 'HQ/SH',
      duties: ['finance'],
      pk: 'USER#U1',
      sk: 'USER',
      gsi2pk: 'CUSTOMER#',
      gsi2sk: 'USER#U1',
      __edb_e__: 'userAccount',
      __edb_v__: '1',
    });
    expect(userAccountItem({ ...account, duties: [] })).not.toHaveProperty('duties');
  });
});

import type { BranchLevel, Role } from '@zhixiang/shared/auth/schemas';
import { brand } from '@zhixiang/shared/brand';
import { addDays, addMonths } from '@zhixiang/shared/format/dates';
import { idCheckCharacter } from '@zhixiang/shared/identity/id-number';
import type {
  AgentRecord,
  BeneficiaryRecord,
  BranchRecord,
  CustomerRecord,
  PolicyRecord,
  ProductRecord,
  StaffDuty,
  UserAccountRecord,
} from '@zhixiang/shared/policy/model';
import { DEMO_PRODUCTS } from './demo-products';

/**
 * The demo world: a fictional insurer with a 4-level branch hierarchy, 20 customers, 3 agents,
 * staff at every level and an admin. Every person, number and product is invented; ID numbers
 * are built with a correct GB 11643 check character so they pass the same checks as real ones.
 * Nothing here is random, so two builds on the same day are identical.
 */
export interface DemoData {
  branches: BranchRecord[];
  products: ProductRecord[];
  agents: AgentRecord[];
  customers: CustomerRecord[];
  policies: PolicyRecord[];
  users: UserAccountRecord[];
}

export interface DemoSignIn {
  userId: string;
  role: Role;
  displayName: string;
  description: string;
}

function branch(
  branchId: string,
  name: string,
  level: BranchLevel,
  parent: BranchRecord | null,
): BranchRecord {
  return {
    branchId,
    name,
    level,
    parentId: parent?.branchId ?? null,
    path: parent ? `${parent.path}/${branchId}` : branchId,
  };
}

const HQ = branch('HQ', `${brand.insurerShortName}总公司`, 'head_office', null);
const SH = branch('SH', '上海分公司', 'branch', HQ);
const BJ = branch('BJ', '北京分公司', 'branch', HQ);
const SH_PD = branch('SH-PD', '浦东中心支公司', 'sub_branch', SH);
const SH_MH = branch('SH-MH', '闵行中心支公司', 'sub_branch', SH);
const BJ_HD = branch('BJ-HD', '海淀中心支公司', 'sub_branch', BJ);
const BJ_CY = branch('BJ-CY', '朝阳中心支公司', 'sub_branch', BJ);
const SH_PD_01 = branch('SH-PD-01', '张江营销服务部', 'agency', SH_PD);
const SH_MH_01 = branch('SH-MH-01', '莘庄营销服务部', 'agency', SH_MH);
const BJ_HD_01 = branch('BJ-HD-01', '中关村营销服务部', 'agency', BJ_HD);
const BJ_CY_01 = branch('BJ-CY-01', '望京营销服务部', 'agency', BJ_CY);
export const DEMO_BRANCHES: readonly BranchRecord[] = [
  HQ,
  SH,
  BJ,
  SH_PD,
  SH_MH,
  BJ_HD,
  BJ_CY,
  SH_PD_01,
  SH_MH_01,
  BJ_HD_01,
  BJ_CY_01,
];

/** Administrative division codes of the customers' (fictional) registration places. */
const REGION_OF_BRANCH: Record<string, string> = {
  'SH-PD-01': '310115',
  'SH-MH-01': '310112',
  'BJ-HD-01': '110108',
  'BJ-CY-01': '110105',
};

/** A valid 18-character ID number: region + birth date + order code (odd = male) + check character. */
export function demoIdNumber(
  region: string,
  birthDate: string,
  order: number,
  gender: 'male' | 'female',
): string {
  const sequence = order * 2 + (gender === 'male' ? 1 : 0);
  const first17 = `${region}${birthDate.replaceAll('-', '')}${String(sequence).padStart(3, '0')}`;
  return `${first17}${idCheckCharacter(first17)}`;
}

function agent(agentId: string, name: string, at: BranchRecord): AgentRecord {
  return {
    agentId,
    name,
    userId: `demo-agent-${agentId.toLowerCase()}`,
    branchId: at.branchId,
    branchPath: at.path,
  };
}
const A001 = agent('A001', '王建国', SH_PD_01);
const A002 = agent('A002', '李秀梅', SH_MH_01);
const A003 = agent('A003', '赵志强', BJ_HD_01);
export const DEMO_AGENTS: readonly AgentRecord[] = [A001, A002, A003];

type CustomerSpec = [
  customerId: string,
  name: string,
  gender: 'male' | 'female',
  birthDate: string,
  at: BranchRecord,
  agent: AgentRecord | null,
];
const CUSTOMER_SPECS: CustomerSpec[] = [
  ['C001', '张伟', 'male', '1978-03-12', SH_PD_01, A001],
  ['C002', '李娜', 'female', '1980-07-21', SH_PD_01, A001],
  ['C003', '张小雨', 'female', '2015-05-08', SH_PD_01, A001],
  ['C004', '王芳', 'female', '1965-11-02', SH_PD_01, A001],
  ['C005', '刘洋', 'male', '1990-01-30', SH_PD_01, A001],
  ['C006', '陈静', 'female', '1985-09-14', SH_MH_01, A002],
  ['C007', '杨帆', 'male', '1972-12-05', SH_MH_01, A002],
  ['C008', '赵敏', 'female', '1995-04-18', SH_MH_01, A002],
  ['C009', '黄磊', 'male', '1968-08-08', SH_MH_01, A002],
  ['C010', '周婷', 'female', '1988-02-29', SH_MH_01, A002],
  ['C011', '吴刚', 'male', '1975-06-16', BJ_HD_01, A003],
  ['C012', '徐丽', 'female', '1982-10-10', BJ_HD_01, A003],
  ['C013', '孙浩', 'male', '1993-03-03', BJ_HD_01, A003],
  ['C014', '马琳', 'female', '1960-12-25', BJ_HD_01, A003],
  ['C015', '朱军', 'male', '1958-01-20', BJ_HD_01, A003],
  ['C016', '胡静怡', 'female', '1998-07-07', BJ_CY_01, null],
  ['C017', '郭强', 'male', '1983-05-19', BJ_CY_01, null],
  ['C018', '林晓', 'female', '1991-11-11', BJ_CY_01, null],
  ['C019', '何平', 'male', '1970-09-09', BJ_CY_01, null],
  ['C020', '高宇', 'male', '1987-04-04', BJ_CY_01, null],
];

/** Contact addresses on record (张伟's is what his demo address change starts from). */
const DEMO_ADDRESSES: Readonly<Record<string, string>> = { C001: '上海市浦东新区世纪大道100号' };

export const DEMO_CUSTOMERS: readonly CustomerRecord[] = CUSTOMER_SPECS.map(
  ([customerId, name, gender, birthDate, at, assigned], i) => ({
    customerId,
    name,
    idNumber: demoIdNumber(REGION_OF_BRANCH[at.branchId] ?? '310115', birthDate, 10 + i, gender),
    phone: `1380000${String(i + 1).padStart(4, '0')}`,
    birthDate,
    gender,
    branchId: at.branchId,
    branchPath: at.path,
    agentId: assigned?.agentId ?? null,
    ...(DEMO_ADDRESSES[customerId] ? { address: DEMO_ADDRESSES[customerId] } : {}),
  }),
);

function customer(customerId: string): CustomerRecord {
  const found = DEMO_CUSTOMERS.find((c) => c.customerId === customerId);
  if (!found) throw new Error(`demo customer ${customerId} is not defined`);
  return found;
}

/**
 * The customer a demo WeChat user binds to in the browser journey (`demo-unbound`): type these
 * into the binding form; the SMS code goes to the local outbox.
 */
const bindingCustomer = customer('C020');
export const DEMO_BINDING_CUSTOMER = {
  customerId: bindingCustomer.customerId,
  name: bindingCustomer.name,
  idNumber: bindingCustomer.idNumber,
  phone: bindingCustomer.phone,
} as const;

const yuan = (amount: number) => Math.round(amount * 100);

const MONTHS_PER_PERIOD: Record<PolicyRecord['premiumFrequency'], number> = {
  single: 0,
  annual: 12,
  semiannual: 6,
  quarterly: 3,
  monthly: 1,
};

/** The first premium date after `today`, stepping from the effective date by the payment period. */
export function nextDueAfter(
  effectiveDate: string,
  frequency: PolicyRecord['premiumFrequency'],
  today: string,
): string | null {
  const step = MONTHS_PER_PERIOD[frequency];
  if (step === 0) return null;
  const [y, m, d] = effectiveDate.split('-').map(Number) as [number, number, number];
  for (let k = 1; k < 1200; k++) {
    const due = new Date(Date.UTC(y, m - 1 + k * step, 1));
    const lastDay = new Date(Date.UTC(due.getUTCFullYear(), due.getUTCMonth() + 1, 0)).getUTCDate();
    due.setUTCDate(Math.min(d, lastDay));
    const iso = due.toISOString().slice(0, 10);
    if (iso > today) return iso;
  }
  return null;
}

const BANKS = ['中国工商银行', '招商银行', '中国建设银行', '中国银行', '交通银行'] as const;

interface PolicySpec {
  seq: number;
  product: string;
  holder: string;
  insured?: string;
  status?: PolicyRecord['status'];
  sumAssured: number;
  premium: number;
  frequency: PolicyRecord['premiumFrequency'];
  /** Absent = inside its cooling-off period: issued five days before the seed runs. */
  effectiveDate?: string | ((today: string) => string);
  cashValue: number;
  dividends?: { accumulated: number; option: NonNullable<PolicyRecord['dividendOption']> };
  loan?: Omit<PolicyRecord['loan'] & object, 'annualRateBasisPoints'>;
  beneficiaries?: Array<[customerId: string, relation: string, order: number, sharePercent: number]>;
}

const POLICY_SPECS: PolicySpec[] = [
  // 张伟: participating life with dividends, critical illness, his daughter's cover (holder ≠ insured), a new annuity in cooling-off.
  {
    seq: 1,
    product: 'PL01',
    holder: 'C001',
    sumAssured: 500_000,
    premium: 12_000,
    frequency: 'annual',
    effectiveDate: '2019-06-18',
    cashValue: 68_420.5,
    dividends: { accumulated: 8_650.32, option: 'accumulate' },
    beneficiaries: [['C002', '配偶', 1, 100]],
  },
  {
    seq: 2,
    product: 'CI01',
    holder: 'C001',
    sumAssured: 300_000,
    premium: 6_800,
    frequency: 'annual',
    effectiveDate: '2021-03-09',
    cashValue: 12_310,
    beneficiaries: [
      ['C002', '配偶', 1, 60],
      ['C003', '子女', 1, 40],
    ],
  },
  {
    seq: 3,
    product: 'CI03',
    holder: 'C001',
    insured: 'C003',
    sumAssured: 200_000,
    premium: 3_200,
    frequency: 'annual',
    effectiveDate: '2022-09-01',
    cashValue: 4_015.8,
    beneficiaries: [
      ['C001', '父母', 1, 50],
      ['C002', '父母', 1, 50],
    ],
  },
  {
    seq: 4,
    product: 'AN01',
    holder: 'C001',
    sumAssured: 100_000,
    premium: 20_000,
    frequency: 'annual',
    cashValue: 0,
  },
  // 李娜: participating endowment with an outstanding policy loan.
  {
    seq: 5,
    product: 'PL02',
    holder: 'C002',
    sumAssured: 200_000,
    premium: 10_000,
    frequency: 'annual',
    effectiveDate: '2018-11-30',
    cashValue: 61_200,
    dividends: { accumulated: 5_432.1, option: 'cash' },
    loan: { principalCents: yuan(20_000), startDate: '2026-08-01', dueDate: '2027-02-01' },
    beneficiaries: [['C001', '配偶', 1, 100]],
  },
  {
    seq: 6,
    product: 'MD01',
    holder: 'C002',
    insured: 'C003',
    sumAssured: 2_000_000,
    premium: 386,
    frequency: 'annual',
    effectiveDate: '2026-02-01',
    cashValue: 0,
  },
  {
    seq: 7,
    product: 'AN02',
    holder: 'C004',
    sumAssured: 300_000,
    premium: 200_000,
    frequency: 'single',
    // Six years before the day 12 days after the seed: her yearly pension (生存金, from 60) comes
    // within the home's 30 days of the demo clock.
    effectiveDate: (today) => addMonths(addDays(today, 12), -72),
    cashValue: 221_870,
  },
  {
    seq: 8,
    product: 'MD06',
    holder: 'C004',
    sumAssured: 1_000_000,
    premium: 1_280,
    frequency: 'annual',
    effectiveDate: '2025-12-20',
    cashValue: 0,
  },
  // 刘洋: term life in force and a critical-illness policy that lapsed for an unpaid premium.
  {
    seq: 9,
    product: 'TL01',
    holder: 'C005',
    sumAssured: 1_000_000,
    premium: 1_150,
    frequency: 'annual',
    effectiveDate: '2023-07-01',
    cashValue: 0,
    beneficiaries: [['C004', '父母', 1, 100]],
  },
  {
    seq: 10,
    product: 'CI02',
    holder: 'C005',
    status: 'lapsed',
    sumAssured: 300_000,
    premium: 4_560,
    frequency: 'annual',
    effectiveDate: '2020-05-20',
    cashValue: 6_120,
  },
  {
    seq: 11,
    product: 'PL03',
    holder: 'C006',
    sumAssured: 300_000,
    premium: 15_000,
    frequency: 'annual',
    effectiveDate: '2017-08-08',
    cashValue: 118_900,
    dividends: { accumulated: 0, option: 'cash' },
  },
  {
    seq: 12,
    product: 'MD02',
    holder: 'C006',
    sumAssured: 500_000,
    premium: 620,
    frequency: 'annual',
    effectiveDate: '2026-01-10',
    cashValue: 0,
  },
  {
    seq: 13,
    product: 'WL02',
    holder: 'C007',
    sumAssured: 800_000,
    premium: 25_000,
    frequency: 'annual',
    effectiveDate: '2016-10-12',
    cashValue: 236_500,
    beneficiaries: [['C008', '子女', 1, 100]],
  },
  {
    seq: 14,
    product: 'AN03',
    holder: 'C007',
    sumAssured: 150_000,
    premium: 30_000,
    frequency: 'annual',
    effectiveDate: '2022-01-05',
    cashValue: 96_300,
  },
  {
    seq: 15,
    product: 'AC02',
    holder: 'C007',
    sumAssured: 500_000,
    premium: 398,
    frequency: 'annual',
    effectiveDate: '2026-03-01',
    cashValue: 0,
  },
  {
    seq: 16,
    product: 'CI06',
    holder: 'C008',
    sumAssured: 500_000,
    premium: 780,
    frequency: 'monthly',
    effectiveDate: '2024-04-18',
    cashValue: 3_450,
  },
  {
    seq: 17,
    product: 'UL01',
    holder: 'C009',
    sumAssured: 400_000,
    premium: 50_000,
    frequency: 'annual',
    effectiveDate: '2019-09-09',
    cashValue: 312_640.77,
  },
  {
    seq: 18,
    product: 'PL04',
    holder: 'C009',
    sumAssured: 150_000,
    premium: 8_000,
    frequency: 'semiannual',
    effectiveDate: '2021-06-30',
    cashValue: 39_800,
    dividends: { accumulated: 2_310.4, option: 'paid_up_additions' },
  },
  {
    seq: 19,
    product: 'AN05',
    holder: 'C010',
    sumAssured: 200_000,
    premium: 12_000,
    frequency: 'annual',
    effectiveDate: '2023-02-28',
    cashValue: 28_760,
  },
  {
    seq: 20,
    product: 'PL05',
    holder: 'C011',
    sumAssured: 250_000,
    premium: 9_600,
    frequency: 'annual',
    effectiveDate: '2020-12-01',
    cashValue: 47_310,
    dividends: { accumulated: 1_890.66, option: 'offset_premium' },
    beneficiaries: [['C012', '配偶', 1, 100]],
  },
  {
    seq: 21,
    product: 'CI07',
    holder: 'C011',
    sumAssured: 400_000,
    premium: 9_800,
    frequency: 'annual',
    effectiveDate: '2021-04-21',
    cashValue: 22_100,
  },
  {
    seq: 22,
    product: 'WL03',
    holder: 'C012',
    sumAssured: 600_000,
    premium: 18_000,
    frequency: 'annual',
    effectiveDate: '2019-03-15',
    cashValue: 121_000,
    beneficiaries: [['C011', '配偶', 1, 100]],
  },
  {
    seq: 23,
    product: 'MD03',
    holder: 'C012',
    sumAssured: 4_000_000,
    premium: 5_600,
    frequency: 'annual',
    effectiveDate: '2026-05-01',
    cashValue: 0,
  },
  {
    seq: 24,
    product: 'TL03',
    holder: 'C013',
    sumAssured: 1_500_000,
    premium: 1_680,
    frequency: 'annual',
    effectiveDate: '2024-10-01',
    cashValue: 0,
  },
  {
    seq: 25,
    product: 'AC03',
    holder: 'C013',
    sumAssured: 300_000,
    premium: 199,
    frequency: 'annual',
    effectiveDate: '2026-06-15',
    cashValue: 0,
  },
  {
    seq: 26,
    product: 'AN06',
    holder: 'C014',
    sumAssured: 250_000,
    premium: 40_000,
    frequency: 'annual',
    effectiveDate: '2018-07-01',
    cashValue: 265_480,
    dividends: { accumulated: 12_035.9, option: 'accumulate' },
  },
  {
    seq: 27,
    product: 'PL04',
    holder: 'C014',
    status: 'matured',
    sumAssured: 100_000,
    premium: 10_000,
    frequency: 'annual',
    effectiveDate: '2011-01-15',
    cashValue: 0,
    dividends: { accumulated: 0, option: 'cash' },
  },
  {
    seq: 28,
    product: 'AN02',
    holder: 'C015',
    sumAssured: 180_000,
    premium: 150_000,
    frequency: 'single',
    effectiveDate: '2015-11-11',
    cashValue: 172_300,
  },
  {
    seq: 29,
    product: 'AC04',
    holder: 'C015',
    insured: 'C015',
    sumAssured: 100_000,
    premium: 260,
    frequency: 'annual',
    effectiveDate: '2026-09-01',
    cashValue: 0,
  },
  {
    seq: 30,
    product: 'CI04',
    holder: 'C016',
    sumAssured: 200_000,
    premium: 2_980,
    frequency: 'annual',
    effectiveDate: '2024-07-07',
    cashValue: 1_960,
  },
  {
    seq: 31,
    product: 'MD05',
    holder: 'C016',
    sumAssured: 3_000_000,
    premium: 168,
    frequency: 'annual',
    effectiveDate: '2026-04-01',
    cashValue: 0,
  },
  {
    seq: 32,
    product: 'TL04',
    holder: 'C017',
    sumAssured: 2_000_000,
    premium: 2_600,
    frequency: 'annual',
    effectiveDate: '2022-05-19',
    cashValue: 0,
  },
  {
    seq: 33,
    product: 'CI05',
    holder: 'C017',
    sumAssured: 300_000,
    premium: 1_420,
    frequency: 'annual',
    effectiveDate: '2023-08-01',
    cashValue: 980,
  },
  {
    seq: 34,
    product: 'UL02',
    holder: 'C018',
    sumAssured: 200_000,
    premium: 20_000,
    frequency: 'annual',
    effectiveDate: '2020-11-11',
    cashValue: 118_550.25,
  },
  {
    seq: 35,
    product: 'WL01',
    holder: 'C019',
    status: 'surrendered',
    sumAssured: 300_000,
    premium: 9_000,
    frequency: 'annual',
    effectiveDate: '2014-09-09',
    cashValue: 0,
  },
  {
    seq: 36,
    product: 'PL01',
    holder: 'C019',
    sumAssured: 400_000,
    premium: 11_000,
    frequency: 'annual',
    effectiveDate: '2020-03-03',
    cashValue: 59_870,
    dividends: { accumulated: 4_120.08, option: 'accumulate' },
  },
  {
    seq: 37,
    product: 'PL03',
    holder: 'C020',
    sumAssured: 300_000,
    premium: 12_000,
    frequency: 'annual',
    effectiveDate: '2021-04-04',
    cashValue: 41_300,
    dividends: { accumulated: 2_208.5, option: 'accumulate' },
  },
  {
    seq: 38,
    product: 'MD04',
    holder: 'C020',
    sumAssured: 20_000,
    premium: 420,
    frequency: 'annual',
    effectiveDate: '2026-02-14',
    cashValue: 0,
  },
  // Endorsements: 吴刚 insures his wife 徐丽, an adult — her own consent to a
  // beneficiary change or a loan on this death-benefit policy.
  {
    seq: 39,
    product: 'PL03',
    holder: 'C011',
    insured: 'C012',
    sumAssured: 300_000,
    premium: 15_000,
    frequency: 'annual',
    effectiveDate: '2017-04-10',
    cashValue: 142_600,
    dividends: { accumulated: 9_876.54, option: 'accumulate' },
    beneficiaries: [['C011', '配偶', 1, 100]],
  },
];

function demoAccountNumber(seq: number): string {
  const body = `62220${String(seq).padStart(4, '0')}${String(seq * 7919).padStart(10, '0')}`;
  return body.slice(0, 19);
}

function buildPolicy(spec: PolicySpec, today: string): PolicyRecord {
  const holder = customer(spec.holder);
  const insured = customer(spec.insured ?? spec.holder);
  const product = DEMO_PRODUCTS.find((p) => p.productCode === spec.product);
  if (!product) throw new Error(`demo product ${spec.product} is not defined`);
  const effectiveDate =
    typeof spec.effectiveDate === 'function'
      ? spec.effectiveDate(today)
      : (spec.effectiveDate ?? addDays(today, -5));
  const status = spec.status ?? 'in_force';
  const beneficiaries: BeneficiaryRecord[] = (spec.beneficiaries ?? []).map(
    ([customerId, relation, order, percent]) => {
      const b = customer(customerId);
      return { name: b.name, relation, order, shareBasisPoints: percent * 100, idNumber: b.idNumber };
    },
  );
  const paying = status === 'in_force' && spec.frequency !== 'single';
  return {
    // Independent of dates so a seed on another day finds the same policy instead of adding one.
    policyNo: `88${REGION_OF_BRANCH[holder.branchId]?.slice(0, 4) ?? '0000'}${String(spec.seq).padStart(7, '0')}`,
    productCode: product.productCode,
    status,
    holderId: holder.customerId,
    insuredId: insured.customerId,
    beneficiaries,
    sumAssuredCents: yuan(spec.sumAssured),
    premiumCents: yuan(spec.premium),
    premiumFrequency: spec.frequency,
    effectiveDate,
    receiptDate: addDays(effectiveDate, 2),
    nextDueDate: paying ? nextDueAfter(effectiveDate, spec.frequency, today) : null,
    renewalAccount: paying
      ? { bankName: BANKS[spec.seq % BANKS.length] ?? BANKS[0], accountNumber: demoAccountNumber(spec.seq) }
      : null,
    cashValueCents: yuan(spec.cashValue),
    accumulatedDividendsCents: spec.dividends ? yuan(spec.dividends.accumulated) : null,
    dividendOption: spec.dividends?.option ?? null,
    loan: spec.loan ? { ...spec.loan, annualRateBasisPoints: product.loanAnnualRateBasisPoints } : null,
    branchId: holder.branchId,
    branchPath: holder.branchPath,
    agentId: holder.agentId,
    version: 0,
  };
}

type UserSpec = [
  userId: string,
  role: Role,
  displayName: string,
  description: string,
  link: { customerId?: string; agent?: AgentRecord; branch?: BranchRecord; duties?: StaffDuty[] },
];

function customerDescription(customerId: string, note: string): string {
  return `客户 · ${customer(customerId).name}：${note}`;
}

const USER_SPECS: UserSpec[] = [
  [
    'demo-customer-c001',
    'customer',
    '张伟',
    customerDescription(
      'C001',
      '4 份保单：分红险、重疾险、为女儿投保的少儿重疾（投保人≠被保险人）、犹豫期内的年金险',
    ),
    { customerId: 'C001' },
  ],
  [
    'demo-customer-c002',
    'customer',
    '李娜',
    customerDescription('C002', '有未还保单贷款的分红两全险；也是女儿医疗险的投保人'),
    { customerId: 'C002' },
  ],
  [
    'demo-customer-c005',
    'customer',
    '刘洋',
    customerDescription('C005', '定期寿险有效，一份重疾险已失效'),
    { customerId: 'C005' },
  ],
  [
    'demo-customer-c011',
    'customer',
    '吴刚',
    customerDescription('C011', '北京客户：分红两全（红利抵交保费）和终身重疾'),
    { customerId: 'C011' },
  ],
  [
    'demo-unbound',
    'customer',
    '微信新用户（未绑定）',
    // No raw ID number or phone here: this text is an API response (demo users list).
    `尚未绑定身份的微信用户：以客户「${DEMO_BINDING_CUSTOMER.name}」的身份完成绑定（演示用的身份证号和手机号在本地环境启动时的终端说明里，验证码在本地短信发件箱）`,
    {},
  ],
  [
    'demo-agent-a001',
    'agent',
    '王建国',
    '业务员 · 上海张江营销服务部：名下客户 5 位（张伟一家等）',
    { agent: A001 },
  ],
  ['demo-agent-a002', 'agent', '李秀梅', '业务员 · 上海莘庄营销服务部：名下客户 5 位', { agent: A002 }],
  ['demo-agent-a003', 'agent', '赵志强', '业务员 · 北京中关村营销服务部：名下客户 5 位', { agent: A003 }],
  [
    'demo-staff-hq',
    'staff',
    '总公司客服 周敏',
    '员工 · 总公司客服坐席：可查看全部机构的客户',
    { branch: HQ },
  ],
  [
    'demo-staff-sh',
    'staff',
    '上海分公司保全 钱进',
    '员工 · 上海分公司保全审核：上海分公司及下属机构',
    { branch: SH },
  ],
  [
    'demo-staff-sh-finance',
    'staff',
    '上海分公司财务 蒋琳',
    '员工 · 上海分公司财务（付款对账）：上海分公司及下属机构的付款',
    { branch: SH, duties: ['finance'] },
  ],
  [
    'demo-staff-bj',
    'staff',
    '北京分公司客服 郑爽',
    '员工 · 北京分公司客服：北京分公司及下属机构',
    { branch: BJ },
  ],
  [
    'demo-staff-sh-pd',
    'staff',
    '浦东中支投诉 冯涛',
    '员工 · 浦东中心支公司投诉处理：浦东中支及下属机构',
    { branch: SH_PD },
  ],
  [
    'demo-staff-sh-pd-01',
    'staff',
    '张江服务部坐席 褚艳',
    '员工 · 张江营销服务部坐席（四级机构）',
    { branch: SH_PD_01 },
  ],
  [
    'demo-exec-sh-pd',
    'executive',
    '浦东中支总经理 孙立',
    '高管 · 浦东中心支公司负责人：聆听浦东中支及下属机构的客户之声，督办投诉',
    { branch: SH_PD },
  ],
  [
    'demo-exec-hq',
    'executive',
    '总公司分管副总裁 林海',
    '高管 · 总公司：聆听全部机构的客户之声，督办投诉',
    { branch: HQ },
  ],
  ['demo-admin', 'admin', '系统管理员', '管理员 · 运维：可查看全部数据', {}],
  // Endorsements: a customer of 60 or more (her self-service loan goes to review) and
  // an insured who consents to her husband's changes.
  [
    'demo-customer-c004',
    'customer',
    '王芳',
    customerDescription('C004', '61 岁：趸交养老年金有现金价值、生存金即将给付，自助申请保单贷款需人工审核'),
    { customerId: 'C004' },
  ],
  [
    'demo-customer-c012',
    'customer',
    '徐丽',
    customerDescription(
      'C012',
      '丈夫吴刚为她投保的分红终身寿险：受益人变更、保单贷款须她本人验证身份并签署同意书',
    ),
    { customerId: 'C012' },
  ],
];

export const DEMO_SIGN_INS: readonly DemoSignIn[] = USER_SPECS.map(
  ([userId, role, displayName, description]) => ({ userId, role, displayName, description }),
);

function buildUser([userId, role, displayName, , link]: UserSpec): UserAccountRecord {
  const at =
    link.branch ?? (link.agent ? DEMO_BRANCHES.find((b) => b.branchId === link.agent?.branchId) : undefined);
  return {
    userId,
    role,
    displayName,
    openid: null,
    customerId: link.customerId ?? null,
    agentId: link.agent?.agentId ?? null,
    branchId: at?.branchId ?? null,
    branchPath: at?.path ?? null,
    privacyConsentVersion: null,
    privacyConsentedAt: null,
    ...(link.duties ? { duties: link.duties } : {}),
  };
}

/** `today` (YYYY-MM-DD, Asia/Shanghai) anchors the policy inside its cooling-off period and next due dates. */
export function buildDemoData(today: string): DemoData {
  return {
    branches: [...DEMO_BRANCHES],
    products: [...DEMO_PRODUCTS],
    agents: [...DEMO_AGENTS],
    customers: [...DEMO_CUSTOMERS],
    policies: POLICY_SPECS.map((spec) => buildPolicy(spec, today)),
    users: USER_SPECS.map(buildUser),
  };
}

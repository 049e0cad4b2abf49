import type { BranchLevel, Role } from '../auth/schemas';
import type { BenefitSchedule } from '../product/benefit-schedule';
import type { DIVIDEND_OPTIONS, POLICY_STATUSES, PREMIUM_FREQUENCIES, PRODUCT_KINDS } from './schemas';

/**
 * Domain records as the use cases see them: plaintext, typed, amounts in integer cents, dates as
 * `YYYY-MM-DD` (Asia/Shanghai). Repositories encrypt ID numbers, phones and bank accounts at rest
 * and never hand out ciphertext; responses mask them (shared/src/privacy/mask.ts).
 */
export interface BranchRecord {
  branchId: string;
  name: string;
  level: BranchLevel;
  parentId: string | null;
  /** Materialised path from the head office, e.g. `HQ/SH/SH-PD/SH-PD-01`; subtree = prefix match. */
  path: string;
}

export interface CustomerRecord {
  customerId: string;
  name: string;
  idNumber: string;
  phone: string;
  birthDate: string;
  gender: 'male' | 'female';
  branchId: string;
  branchPath: string;
  /** The agent this customer is assigned to (业务员), if any. */
  agentId: string | null;
  /** Contact details a contact change (联系方式变更) maintains; absent until first given. */
  address?: string | null;
  email?: string | null;
}

export interface AgentRecord {
  agentId: string;
  name: string;
  /** The user account the agent signs in with. */
  userId: string;
  branchId: string;
  branchPath: string;
}

export interface ProductRecord {
  productCode: string;
  name: string;
  kind: (typeof PRODUCT_KINDS)[number];
  coolingOffDays: number;
  /** Share of cash value that may be lent, in basis points (8000 = 80%). */
  loanableRatioBasisPoints: number;
  loanAnnualRateBasisPoints: number;
  hasDeathBenefit: boolean;
  participating: boolean;
  /**
   * The survival and maturity benefits the product pays (生存金 / 满期金): annuities, endowments,
   * education products. Absent: no scheduled benefit.
   */
  benefitSchedule?: BenefitSchedule;
}

export interface BeneficiaryRecord {
  name: string;
  relation: string;
  order: number;
  shareBasisPoints: number;
  idNumber: string;
}

export interface LoanRecord {
  principalCents: number;
  annualRateBasisPoints: number;
  startDate: string;
  dueDate: string;
}

export interface PolicyRecord {
  policyNo: string;
  productCode: string;
  status: (typeof POLICY_STATUSES)[number];
  holderId: string;
  insuredId: string;
  beneficiaries: BeneficiaryRecord[];
  sumAssuredCents: number;
  premiumCents: number;
  premiumFrequency: (typeof PREMIUM_FREQUENCIES)[number];
  effectiveDate: string;
  /** The day the holder signed the policy receipt; the cooling-off period runs from here. */
  receiptDate: string;
  nextDueDate: string | null;
  renewalAccount: { bankName: string; accountNumber: string } | null;
  cashValueCents: number;
  accumulatedDividendsCents: number | null;
  dividendOption: (typeof DIVIDEND_OPTIONS)[number] | null;
  loan: LoanRecord | null;
  branchId: string;
  branchPath: string;
  agentId: string | null;
  /** Optimistic-concurrency version; every write checks and increments it. */
  version: number;
}

export interface UserAccountRecord {
  userId: string;
  role: Role;
  displayName: string;
  openid: string | null;
  customerId: string | null;
  agentId: string | null;
  branchId: string | null;
  branchPath: string | null;
  privacyConsentVersion: string | null;
  privacyConsentedAt: string | null;
  /**
   * Staff only: the duties the account holds beyond the staff role (e.g. `finance`: 付款对账),
   * each over the account's branch subtree. Absent: none.
   */
  duties?: StaffDuty[];
}

/** What a staff account may additionally do; checked by the routes that need it. */
export const STAFF_DUTIES = ['finance'] as const;
export type StaffDuty = (typeof STAFF_DUTIES)[number];

import { callbackDeadlineAt } from '@zhixiang/shared/callback/window';
import { AppError } from '@zhixiang/shared/errors';
import type { PolicyRecord } from '@zhixiang/shared/policy/model';
import { coolingOffEndDate } from '@zhixiang/shared/policy/view';
import type { FieldCipher } from '@zhixiang/shared/ports/field-cipher';
import type { NoticePremium } from '@zhixiang/shared/ports/notices';
import type { PolicyRepository, ProductRepository } from '@zhixiang/shared/ports/repositories';
import { PutCommand, type TransactWriteCommandInput } from '../dynamodb/document-client';
import {
  entityItem,
  isConditionalCheckFailed,
  orNull,
  orUndefined,
  queryAll,
  type TableContext,
} from '../dynamodb/table';
import {
  batchGetItems,
  getItem,
  type ItemKey,
  queryEntity,
  type RawItem,
  scanEntityPages,
} from './point-reads';

/**
 * Policies (entity `policy`). Beneficiary ID numbers and the renewal bank account are ciphertext at
 * rest. Every write is guarded by `version` (optimistic concurrency): two endorsements of the same
 * policy cannot overwrite each other. Keys: `pk=POLICY#<policyNo>`, `sk=POLICY` (the policy page,
 * endorsements and the assistant address a policy by its number); gsi1 = "my policies" as
 * policyholder (投保人: `gsi1pk=CUSTOMER#<holderId>#POLICIES`, `gsi1sk=HOLDER#<policyNo>`); gsi2 =
 * as insured (被保险人, often not the holder, e.g. a parent insures a child:
 * `gsi2pk=CUSTOMER#<insuredId>#POLICIES`, `gsi2sk=INSURED#<policyNo>`).
 */
export interface PolicyAttributes {
  policyNo: string;
  productCode: string;
  status: PolicyRecord['status'];
  holderId: string;
  insuredId: string;
  beneficiaries: StoredBeneficiary[];
  sumAssuredCents: number;
  premiumCents: number;
  premiumFrequency: PolicyRecord['premiumFrequency'];
  effectiveDate: string;
  receiptDate: string;
  nextDueDate?: string;
  renewalAccount?: { bankName: string; accountNumberCipher: string; accountNumberIndex: string };
  cashValueCents: number;
  accumulatedDividendsCents?: number;
  dividendOption?: NonNullable<PolicyRecord['dividendOption']>;
  loan?: NonNullable<PolicyRecord['loan']>;
  branchId: string;
  branchPath: string;
  agentId?: string;
  /**
   * Epoch ms: the end of the callback window (midnight after the cooling-off period's last day),
   * derived on every write from the receipt date and the product's cooling-off days; absent when
   * the product has none. The callback booking's transaction checks it without reading.
   */
  callbackDeadlineAt?: number;
  version: number;
}

interface StoredBeneficiary {
  name: string;
  relation: string;
  order: number;
  shareBasisPoints: number;
  idNumberCipher: string;
}

const NOTICE_PREMIUM_ATTRIBUTES = ['policyNo', 'holderId', 'status', 'premiumCents', 'nextDueDate'] as const;

/** The projected attributes as stored (an absent due date is no attribute). */
type NoticePremiumItem = Omit<NoticePremium, 'nextDueDate'> & { nextDueDate?: string };

const toNoticePremium = (item: NoticePremiumItem): NoticePremium => ({
  policyNo: item.policyNo,
  holderId: item.holderId,
  status: item.status,
  premiumCents: item.premiumCents,
  nextDueDate: orNull(item.nextDueDate),
});

/** The policy item's key. */
export function policyKey(policyNo: string): ItemKey {
  return { pk: `POLICY#${policyNo}`, sk: 'POLICY' };
}

/** The policy item as stored (`policy-items.test.ts` holds its exact shape). */
export function policyItem(attributes: PolicyAttributes): RawItem {
  return entityItem('policy', {
    ...attributes,
    ...policyKey(attributes.policyNo),
    gsi1pk: `CUSTOMER#${attributes.holderId}#POLICIES`,
    gsi1sk: `HOLDER#${attributes.policyNo}`,
    gsi2pk: `CUSTOMER#${attributes.insuredId}#POLICIES`,
    gsi2sk: `INSURED#${attributes.policyNo}`,
  });
}

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** The Query of a customer's policies as holder (gsi1) or as insured (gsi2). */
function byCustomer(index: 'gsi1' | 'gsi2', customerId: string) {
  return {
    IndexName: index,
    KeyConditionExpression: '#pk = :pk AND begins_with(#sk, :prefix)',
    ExpressionAttributeNames: { '#pk': `${index}pk`, '#sk': `${index}sk` },
    ExpressionAttributeValues: {
      ':pk': `CUSTOMER#${customerId}#POLICIES`,
      ':prefix': index === 'gsi1' ? 'HOLDER#' : 'INSURED#',
    },
  };
}

/** The same Query reading only these attributes (nothing else is decrypted or even read). */
function projected(query: ReturnType<typeof byCustomer>, attributes: readonly string[]) {
  const names = Object.fromEntries(attributes.map((name, i) => [`#a${i}`, name]));
  return {
    ...query,
    ProjectionExpression: Object.keys(names).join(', '),
    ExpressionAttributeNames: { ...query.ExpressionAttributeNames, ...names },
  };
}

export class DynamoPolicyRepository implements PolicyRepository {
  constructor(
    private readonly ctx: TableContext,
    private readonly cipher: FieldCipher,
    private readonly products: Pick<ProductRepository, 'getCached'>,
  ) {}

  async get(policyNo: string): Promise<PolicyRecord | null> {
    const item = await getItem(this.ctx, policyKey(policyNo));
    return item ? this.toRecord(item as unknown as PolicyAttributes) : null;
  }

  async listByCustomer(customerId: string): Promise<PolicyRecord[]> {
    const [asHolder, asInsured] = await Promise.all([
      queryEntity(this.ctx, 'policy', byCustomer('gsi1', customerId)),
      queryEntity(this.ctx, 'policy', byCustomer('gsi2', customerId)),
    ]);
    // A customer insuring themself appears in both indexes; keep one copy.
    const byNo = new Map<string, PolicyAttributes>();
    for (const item of [...asHolder, ...asInsured] as unknown as PolicyAttributes[])
      byNo.set(item.policyNo, item);
    const items = [...byNo.values()].sort((a, b) => a.policyNo.localeCompare(b.policyNo));
    return Promise.all(items.map((item) => this.toRecord(item)));
  }

  /** How many policies the customer holds or is insured by, reading keys only (nothing decrypted). */
  async countByCustomer(customerId: string): Promise<number> {
    const [asHolder, asInsured] = await Promise.all([
      queryAll(this.ctx, projected(byCustomer('gsi1', customerId), ['policyNo'])),
      queryAll(this.ctx, projected(byCustomer('gsi2', customerId), ['policyNo'])),
    ]);
    return new Set([...asHolder, ...asInsured].map((item) => item.policyNo)).size;
  }

  /** Renewal notices: what a notice needs of each policy the customer holds (nothing decrypted). */
  async heldPremiums(holderId: string): Promise<NoticePremium[]> {
    const items = await queryAll(
      this.ctx,
      projected(byCustomer('gsi1', holderId), NOTICE_PREMIUM_ATTRIBUTES),
    );
    return (items as unknown as NoticePremiumItem[]).map(toNoticePremium);
  }

  /**
   * Renewal notices: every policy's premium, a page at a time (a paged Scan for the one-off
   * build of the notify-on index on an existing table; never on a request path).
   */
  async *allPremiumPages(pageSize = 500): AsyncGenerator<NoticePremium[]> {
    const pages = scanEntityPages(this.ctx, 'policy', 'POLICY', {
      attributes: NOTICE_PREMIUM_ATTRIBUTES,
      limit: pageSize,
    });
    for await (const page of pages) yield (page as unknown as NoticePremiumItem[]).map(toNoticePremium);
  }

  /**
   * Creates the policy, or replaces it when the stored version still equals `policy.version`.
   * Returns the stored record, whose version is one higher. A stale version is a CONFLICT.
   */
  async put(policy: PolicyRecord): Promise<PolicyRecord> {
    const stored = { ...policy, version: policy.version + 1 };
    const item = await this.toItem(stored);
    try {
      await this.ctx.client.send(
        new PutCommand({
          TableName: this.ctx.table,
          Item: policyItem(item),
          ConditionExpression: 'attribute_not_exists(#policyNo) OR #version = :version',
          ExpressionAttributeNames: { '#policyNo': 'policyNo', '#version': 'version' },
          ExpressionAttributeValues: { ':version': policy.version },
        }),
      );
    } catch (error) {
      if (isConditionalCheckFailed(error)) {
        throw new AppError('CONFLICT', undefined, {
          cause: error,
          logMessage: `policy ${policy.policyNo} changed since version ${policy.version}`,
        });
      }
      throw error;
    }
    return stored;
  }

  /**
   * The same version-checked replacement as `put`, as one item of a caller's transaction (an
   * endorsement commits the policy with its application and audit events).
   */
  async transactPut(policy: PolicyRecord): Promise<TransactItem> {
    const item = await this.toItem({ ...policy, version: policy.version + 1 });
    return {
      Put: {
        TableName: this.ctx.table,
        Item: policyItem(item),
        ConditionExpression: '#version = :version',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':version': policy.version },
      },
    };
  }

  /** A transaction item that only requires the stored policy to still be at `version`. */
  transactVersionCheck(policyNo: string, version: number): TransactItem {
    return {
      ConditionCheck: {
        TableName: this.ctx.table,
        Key: policyKey(policyNo),
        ConditionExpression: '#version = :version',
        ExpressionAttributeNames: { '#version': 'version' },
        ExpressionAttributeValues: { ':version': version },
      },
    };
  }

  /**
   * The callback booking's guard, as one item of its transaction: the policy is held by
   * `holderId`, in force, received by `today`, and its callback window (`callbackDeadlineAt`) ends
   * after the slot starts. A policy written before the deadline attribute existed fails it too, and
   * the caller then reads the policy to decide.
   */
  transactCallbackCheck(
    policyNo: string,
    facts: { holderId: string; slotStartAt: number; today: string },
  ): TransactItem {
    return {
      ConditionCheck: {
        TableName: this.ctx.table,
        Key: policyKey(policyNo),
        ConditionExpression:
          '#holder = :holder AND #status = :inForce AND #receipt <= :today AND #deadline > :slotStartAt',
        ExpressionAttributeNames: {
          '#holder': 'holderId',
          '#status': 'status',
          '#receipt': 'receiptDate',
          '#deadline': 'callbackDeadlineAt',
        },
        ExpressionAttributeValues: {
          ':holder': facts.holderId,
          ':inForce': 'in_force',
          ':today': facts.today,
          ':slotStartAt': facts.slotStartAt,
        },
      },
    };
  }

  /** The branch path of each of these policies (one BatchGet of that attribute, nothing decrypted). */
  async branchPaths(policyNos: readonly string[]): Promise<Map<string, string>> {
    const paths = new Map<string, string>();
    for (let start = 0; start < policyNos.length; start += 100) {
      const keys = policyNos.slice(start, start + 100).map(policyKey);
      for (const item of (await batchGetItems(this.ctx, keys, ['policyNo', 'branchPath'])).values())
        paths.set(item.policyNo as string, item.branchPath as string);
    }
    return paths;
  }

  async toItem(policy: PolicyRecord): Promise<PolicyAttributes> {
    const beneficiaries = await Promise.all(
      policy.beneficiaries.map(async (b) => ({
        name: b.name,
        relation: b.relation,
        order: b.order,
        shareBasisPoints: b.shareBasisPoints,
        idNumberCipher: await this.cipher.encrypt(b.idNumber),
      })),
    );
    const account = policy.renewalAccount;
    const renewalAccount = account
      ? {
          bankName: account.bankName,
          accountNumberCipher: await this.cipher.encrypt(account.accountNumber),
          accountNumberIndex: await this.cipher.blindIndex(
            'bank_account',
            account.accountNumber.replace(/\s+/g, ''),
          ),
        }
      : undefined;
    const coolingOffDays = (await this.products.getCached(policy.productCode))?.coolingOffDays ?? 0;
    const loan = policy.loan;
    // Only the stored attributes, whatever else the record object carries.
    return {
      policyNo: policy.policyNo,
      productCode: policy.productCode,
      status: policy.status,
      holderId: policy.holderId,
      insuredId: policy.insuredId,
      beneficiaries,
      sumAssuredCents: policy.sumAssuredCents,
      premiumCents: policy.premiumCents,
      premiumFrequency: policy.premiumFrequency,
      effectiveDate: policy.effectiveDate,
      receiptDate: policy.receiptDate,
      nextDueDate: orUndefined(policy.nextDueDate),
      renewalAccount,
      cashValueCents: policy.cashValueCents,
      accumulatedDividendsCents: orUndefined(policy.accumulatedDividendsCents),
      dividendOption: orUndefined(policy.dividendOption),
      loan: loan
        ? {
            principalCents: loan.principalCents,
            annualRateBasisPoints: loan.annualRateBasisPoints,
            startDate: loan.startDate,
            dueDate: loan.dueDate,
          }
        : undefined,
      branchId: policy.branchId,
      branchPath: policy.branchPath,
      agentId: orUndefined(policy.agentId),
      callbackDeadlineAt:
        coolingOffDays > 0
          ? callbackDeadlineAt(coolingOffEndDate(policy.receiptDate, coolingOffDays))
          : undefined,
      version: policy.version,
    };
  }

  private async toRecord(item: PolicyAttributes): Promise<PolicyRecord> {
    const beneficiaries = await Promise.all(
      item.beneficiaries.map(async (b) => ({
        name: b.name,
        relation: b.relation,
        order: b.order,
        shareBasisPoints: b.shareBasisPoints,
        idNumber: await this.cipher.decrypt(b.idNumberCipher),
      })),
    );
    const account = item.renewalAccount;
    return {
      policyNo: item.policyNo,
      productCode: item.productCode,
      status: item.status,
      holderId: item.holderId,
      insuredId: item.insuredId,
      beneficiaries,
      sumAssuredCents: item.sumAssuredCents,
      premiumCents: item.premiumCents,
      premiumFrequency: item.premiumFrequency,
      effectiveDate: item.effectiveDate,
      receiptDate: item.receiptDate,
      nextDueDate: orNull(item.nextDueDate),
      renewalAccount: account
        ? {
            bankName: account.bankName,
            accountNumber: await this.cipher.decrypt(account.accountNumberCipher),
          }
        : null,
      cashValueCents: item.cashValueCents,
      accumulatedDividendsCents: orNull(item.accumulatedDividendsCents),
      dividendOption: orNull(item.dividendOption),
      loan: item.loan
        ? {
            principalCents: item.loan.principalCents,
            annualRateBasisPoints: item.loan.annualRateBasisPoints,
            startDate: item.loan.startDate,
            dueDate: item.loan.dueDate,
          }
        : null,
      branchId: item.branchId,
      branchPath: item.branchPath,
      agentId: orNull(item.agentId),
      version: item.version,
    };
  }
}

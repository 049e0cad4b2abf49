import { callbackDeadlineAt } from '@zhixiang/shared/callback/window';
import { AppError } from '@zhixiang/shared/errors';
import type { PolicyRecord } from '@zhixiang/shared/policy/model';
import { DIVIDEND_OPTIONS, POLICY_STATUSES, PREMIUM_FREQUENCIES } from '@zhixiang/shared/policy/schemas';
import { coolingOffEndDate } from '@zhixiang/shared/policy/view';
import type { FieldCipher } from '@zhixiang/shared/ports/field-cipher';
import type { NoticePremium } from '@zhixiang/shared/ports/notices';
import type { PolicyRepository, ProductRepository } from '@zhixiang/shared/ports/repositories';
import { Entity } from 'electrodb';
import type { TransactWriteCommandInput } from '../dynamodb/document-client';
import {
  ALL_PAGES,
  electroItem,
  isConditionalCheckFailed,
  orNull,
  orUndefined,
  SERVICE_NAME,
  type TableContext,
} from '../dynamodb/table';
import { getItem, type ItemKey } from './point-reads';

/**
 * Policies. Beneficiary ID numbers and the renewal bank account are ciphertext at rest. Every
 * write is guarded by `version` (optimistic concurrency): two endorsements of the same policy
 * cannot overwrite each other.
 */
export const policySchema = {
  model: { entity: 'policy', version: '1', service: SERVICE_NAME },
  attributes: {
    policyNo: { type: 'string', required: true },
    productCode: { type: 'string', required: true },
    status: { type: POLICY_STATUSES, required: true },
    holderId: { type: 'string', required: true },
    insuredId: { type: 'string', required: true },
    beneficiaries: {
      type: 'list',
      required: true,
      items: {
        type: 'map',
        properties: {
          name: { type: 'string', required: true },
          relation: { type: 'string', required: true },
          order: { type: 'number', required: true },
          shareBasisPoints: { type: 'number', required: true },
          idNumberCipher: { type: 'string', required: true },
        },
      },
    },
    sumAssuredCents: { type: 'number', required: true },
    premiumCents: { type: 'number', required: true },
    premiumFrequency: { type: PREMIUM_FREQUENCIES, required: true },
    effectiveDate: { type: 'string', required: true },
    receiptDate: { type: 'string', required: true },
    nextDueDate: { type: 'string' },
    renewalAccount: {
      type: 'map',
      properties: {
        bankName: { type: 'string', required: true },
        accountNumberCipher: { type: 'string', required: true },
        accountNumberIndex: { type: 'string', required: true },
      },
    },
    cashValueCents: { type: 'number', required: true },
    accumulatedDividendsCents: { type: 'number' },
    dividendOption: { type: DIVIDEND_OPTIONS },
    loan: {
      type: 'map',
      properties: {
        principalCents: { type: 'number', required: true },
        annualRateBasisPoints: { type: 'number', required: true },
        startDate: { type: 'string', required: true },
        dueDate: { type: 'string', required: true },
      },
    },
    branchId: { type: 'string', required: true },
    branchPath: { type: 'string', required: true },
    agentId: { type: 'string' },
    /**
     * Epoch ms: the end of the callback window (midnight after the cooling-off period's last day),
     * derived on every write from the receipt date and the product's cooling-off days; absent when
     * the product has none. The callback booking's transaction checks it without reading.
     */
    callbackDeadlineAt: { type: 'number' },
    version: { type: 'number', required: true },
  },
  indexes: {
    // The policy page, endorsements and the assistant address a policy by its number.
    byPolicyNo: {
      pk: { field: 'pk', composite: ['policyNo'], template: 'POLICY#${policyNo}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'POLICY', casing: 'none' },
    },
    // "My policies" as policyholder (投保人).
    byHolder: {
      index: 'gsi1',
      pk: {
        field: 'gsi1pk',
        composite: ['holderId'],
        template: 'CUSTOMER#${holderId}#POLICIES',
        casing: 'none',
      },
      sk: { field: 'gsi1sk', composite: ['policyNo'], template: 'HOLDER#${policyNo}', casing: 'none' },
    },
    // "My policies" as insured (被保险人), who is often not the holder (e.g. a parent insures a child).
    byInsured: {
      index: 'gsi2',
      pk: {
        field: 'gsi2pk',
        composite: ['insuredId'],
        template: 'CUSTOMER#${insuredId}#POLICIES',
        casing: 'none',
      },
      sk: { field: 'gsi2sk', composite: ['policyNo'], template: 'INSURED#${policyNo}', casing: 'none' },
    },
  },
} as const;

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

/** The policy item's key (byPolicyNo above), built without ElectroDB on the hot paths. */
export function policyKey(policyNo: string): ItemKey {
  return { pk: `POLICY#${policyNo}`, sk: 'POLICY' };
}

/**
 * The policy item as ElectroDB writes it (keys, the holder's and insured's index keys),
 * built by hand for the transactions (`policy-items.test.ts` holds it to ElectroDB's).
 */
export function policyItem(attributes: Awaited<ReturnType<DynamoPolicyRepository['toItem']>>) {
  return electroItem('policy', {
    ...attributes,
    ...policyKey(attributes.policyNo),
    gsi1pk: `CUSTOMER#${attributes.holderId}#POLICIES`,
    gsi1sk: `HOLDER#${attributes.policyNo}`,
    gsi2pk: `CUSTOMER#${attributes.insuredId}#POLICIES`,
    gsi2sk: `INSURED#${attributes.policyNo}`,
  });
}

export function createPolicyEntity(ctx: TableContext) {
  return new Entity(policySchema, ctx);
}
export type PolicyEntity = ReturnType<typeof createPolicyEntity>;

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];
type PolicyItem = NonNullable<Awaited<ReturnType<ReturnType<PolicyEntity['get']>['go']>>['data']>;
interface StoredBeneficiary {
  name: string;
  relation: string;
  order: number;
  shareBasisPoints: number;
  idNumberCipher: string;
}

export class DynamoPolicyRepository implements PolicyRepository {
  constructor(
    private readonly entity: PolicyEntity,
    private readonly cipher: FieldCipher,
    private readonly products: Pick<ProductRepository, 'getCached'>,
    private readonly ctx: TableContext,
  ) {}

  async get(policyNo: string): Promise<PolicyRecord | null> {
    const item = await getItem(this.ctx, policyKey(policyNo));
    return item ? this.toRecord(item as PolicyItem) : null;
  }

  async listByCustomer(customerId: string): Promise<PolicyRecord[]> {
    const [asHolder, asInsured] = await Promise.all([
      this.entity.query.byHolder({ holderId: customerId }).go(ALL_PAGES),
      this.entity.query.byInsured({ insuredId: customerId }).go(ALL_PAGES),
    ]);
    // A customer insuring themself appears in both indexes; keep one copy.
    const byNo = new Map<string, PolicyItem>();
    for (const item of [...asHolder.data, ...asInsured.data]) byNo.set(item.policyNo, item);
    const items = [...byNo.values()].sort((a, b) => a.policyNo.localeCompare(b.policyNo));
    return Promise.all(items.map((item) => this.toRecord(item)));
  }

  /** How many policies the customer holds or is insured by, reading keys only (nothing decrypted). */
  async countByCustomer(customerId: string): Promise<number> {
    const keysOnly = { ...ALL_PAGES, attributes: ['policyNo'] } as const;
    const [asHolder, asInsured] = await Promise.all([
      this.entity.query.byHolder({ holderId: customerId }).go(keysOnly),
      this.entity.query.byInsured({ insuredId: customerId }).go(keysOnly),
    ]);
    return new Set([...asHolder.data, ...asInsured.data].map((item) => item.policyNo)).size;
  }

  /** Renewal notices: what a notice needs of each policy the customer holds (nothing decrypted). */
  async heldPremiums(holderId: string): Promise<NoticePremium[]> {
    const { data } = await this.entity.query
      .byHolder({ holderId })
      .go({ ...ALL_PAGES, attributes: [...NOTICE_PREMIUM_ATTRIBUTES] });
    return data.map(toNoticePremium);
  }

  /**
   * Renewal notices: every policy's premium, a page at a time (a paged Scan for the one-off
   * build of the notify-on index on an existing table; never on a request path).
   */
  async *allPremiumPages(pageSize = 500): AsyncGenerator<NoticePremium[]> {
    let cursor: string | null = null;
    do {
      const page: { data: NoticePremiumItem[]; cursor: string | null } = await this.entity.scan.go({
        cursor,
        limit: pageSize,
        attributes: [...NOTICE_PREMIUM_ATTRIBUTES],
      });
      yield page.data.map(toNoticePremium);
      cursor = page.cursor;
    } while (cursor);
  }

  /**
   * Creates the policy, or replaces it when the stored version still equals `policy.version`.
   * Returns the stored record, whose version is one higher. A stale version is a CONFLICT.
   */
  async put(policy: PolicyRecord): Promise<PolicyRecord> {
    const stored = { ...policy, version: policy.version + 1 };
    const item = await this.toItem(stored);
    try {
      await this.entity
        .put(item)
        .where((attr, op) => `${op.notExists(attr.policyNo)} OR ${op.eq(attr.version, policy.version)}`)
        .go();
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
    if (policyNos.length === 0) return new Map();
    const { data } = await this.entity
      .get(policyNos.map((policyNo) => ({ policyNo })))
      .go({ attributes: ['policyNo', 'branchPath'] });
    return new Map(data.map((item) => [item.policyNo, item.branchPath]));
  }

  async toItem(policy: PolicyRecord) {
    const beneficiaries = await Promise.all(
      policy.beneficiaries.map(async ({ idNumber, ...rest }) => ({
        ...rest,
        idNumberCipher: await this.cipher.encrypt(idNumber),
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
    return {
      ...policy,
      beneficiaries,
      renewalAccount,
      callbackDeadlineAt:
        coolingOffDays > 0
          ? callbackDeadlineAt(coolingOffEndDate(policy.receiptDate, coolingOffDays))
          : undefined,
      nextDueDate: orUndefined(policy.nextDueDate),
      accumulatedDividendsCents: orUndefined(policy.accumulatedDividendsCents),
      dividendOption: orUndefined(policy.dividendOption),
      loan: orUndefined(policy.loan),
      agentId: orUndefined(policy.agentId),
    };
  }

  private async toRecord(item: PolicyItem): Promise<PolicyRecord> {
    const beneficiaries = await Promise.all(
      item.beneficiaries.map(async (b: StoredBeneficiary) => ({
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

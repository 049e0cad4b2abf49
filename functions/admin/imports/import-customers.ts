import { checkIdNumber } from '@zhixiang/shared/identity/id-number';
import type { CustomerRecord } from '@zhixiang/shared/policy/model';
import type { NotifyOnIndex } from '@zhixiang/shared/ports/notices';
import type { Repositories } from '@zhixiang/shared/ports/repositories';
import * as z from 'zod/mini';
import { emptyTally, type WriteTally, writeIfChanged } from '../../src/seed/write-if-changed';
import {
  type CsvRow,
  describeIssue,
  forEachWithProgress,
  ImportRejected,
  optionalText,
  type RowProblem,
} from './csv-rows';

export const CUSTOMER_COLUMNS = ['customerId', 'name', 'idNumber', 'phone', 'branchId', 'agentId'] as const;

const CustomerRowSchema = z.object({
  customerId: z
    .string()
    .check(z.regex(/^[0-9A-Za-z_-]{1,64}$/, '客户编号只能包含字母、数字、下划线和连字符')),
  name: z.string().check(z.minLength(2, '姓名至少 2 个字'), z.maxLength(30, '姓名不能超过 30 个字')),
  idNumber: z.string(),
  phone: z.string().check(z.regex(/^1[3-9]\d{9}$/, '手机号应为 11 位大陆手机号码')),
  branchId: z.string().check(z.minLength(1, '机构代码不能为空')),
  agentId: optionalText,
});

export interface ImportDeps {
  repositories: Repositories;
  /** YYYY-MM-DD in Asia/Shanghai: ID numbers with a later birth date are refused. */
  today: string;
  /** Renewal notices: an imported policy's pre-debit notice is keyed in the notify-on index. */
  notifyOn: { index: Pick<NotifyOnIndex, 'refreshPolicies'>; now: () => number };
  progress?: (done: number, total: number) => void;
}

export interface ImportReport extends WriteTally {
  rows: number;
}

/** Every row checked (format, ID checksum, references, duplicates) before the first write. */
export async function validateCustomerRows(
  rows: CsvRow[],
  deps: ImportDeps,
): Promise<{ customers: CustomerRecord[]; problems: RowProblem[] }> {
  const problems: RowProblem[] = [];
  const customers: CustomerRecord[] = [];
  const seenIds = new Map<string, number>();
  const seenIdNumbers = new Map<string, number>();
  const branches = new Map<string, Promise<Awaited<ReturnType<Repositories['branches']['get']>>>>();
  const agents = new Map<string, Promise<Awaited<ReturnType<Repositories['agents']['get']>>>>();

  for (const row of rows) {
    const parsed = CustomerRowSchema.safeParse(row.values);
    if (!parsed.success) {
      problems.push({ line: row.line, reason: describeIssue(parsed.error) });
      continue;
    }
    const r = parsed.data;
    const id = checkIdNumber(r.idNumber, deps.today);
    if (!id.ok) {
      problems.push({ line: row.line, reason: `idNumber：${id.message}` });
      continue;
    }
    const earlierId = seenIds.get(r.customerId);
    if (earlierId)
      problems.push({ line: row.line, reason: `客户编号 ${r.customerId} 与第 ${earlierId} 行重复` });
    const earlierIdNumber = seenIdNumbers.get(id.normalized);
    if (earlierIdNumber)
      problems.push({ line: row.line, reason: `身份证号码与第 ${earlierIdNumber} 行重复` });
    if (earlierId || earlierIdNumber) continue;
    seenIds.set(r.customerId, row.line);
    seenIdNumbers.set(id.normalized, row.line);

    if (!branches.has(r.branchId)) branches.set(r.branchId, deps.repositories.branches.get(r.branchId));
    const branch = await branches.get(r.branchId);
    if (!branch) {
      problems.push({ line: row.line, reason: `机构代码 ${r.branchId} 不存在` });
      continue;
    }
    if (r.agentId) {
      if (!agents.has(r.agentId)) agents.set(r.agentId, deps.repositories.agents.get(r.agentId));
      if (!(await agents.get(r.agentId))) {
        problems.push({ line: row.line, reason: `业务员工号 ${r.agentId} 不存在` });
        continue;
      }
    }
    const owner = await deps.repositories.customers.findByIdNumber(id.normalized);
    if (owner && owner.customerId !== r.customerId) {
      problems.push({ line: row.line, reason: `该身份证号码已属于客户 ${owner.customerId}` });
      continue;
    }
    customers.push({
      customerId: r.customerId,
      name: r.name,
      idNumber: id.normalized,
      phone: r.phone,
      birthDate: id.birthDate,
      gender: id.gender,
      branchId: branch.branchId,
      branchPath: branch.path,
      agentId: r.agentId,
    });
  }
  return { customers, problems };
}

/**
 * Imports customers (投保人 / 被保险人) from the core system's export. A blank agentId keeps the
 * customer's current assignment (assignments have their own import). Re-importing the same file
 * changes nothing.
 */
export async function importCustomers(file: string, rows: CsvRow[], deps: ImportDeps): Promise<ImportReport> {
  const { customers, problems } = await validateCustomerRows(rows, deps);
  if (problems.length > 0) throw new ImportRejected(file, problems);
  const tally = emptyTally();
  await forEachWithProgress(
    customers,
    async (customer) => {
      const outcome = await writeIfChanged<CustomerRecord>(customer, {
        load: () => deps.repositories.customers.get(customer.customerId),
        save: (desired, existing) =>
          deps.repositories.customers.put({
            ...desired,
            agentId: desired.agentId ?? existing?.agentId ?? null,
          }),
        ignore: customer.agentId === null ? ['agentId'] : [],
      });
      tally[outcome]++;
    },
    deps.progress ?? (() => {}),
  );
  return { rows: rows.length, ...tally };
}

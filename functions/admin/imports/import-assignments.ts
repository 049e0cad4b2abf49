import type { CustomerRecord } from '@zhixiang/shared/policy/model';
import * as z from 'zod/mini';
import { emptyTally } from '../../src/seed/write-if-changed';
import { type CsvRow, describeIssue, forEachWithProgress, ImportRejected, type RowProblem } from './csv-rows';
import type { ImportDeps, ImportReport } from './import-customers';

export const ASSIGNMENT_COLUMNS = ['customerId', 'agentId'] as const;

const AssignmentRowSchema = z.object({
  customerId: z.string().check(z.minLength(1, '客户编号不能为空')),
  agentId: z.string().check(z.minLength(1, '业务员工号不能为空')),
});

interface Assignment {
  customer: CustomerRecord;
  agentId: string;
}

export async function validateAssignmentRows(
  rows: CsvRow[],
  deps: ImportDeps,
): Promise<{ assignments: Assignment[]; problems: RowProblem[] }> {
  const problems: RowProblem[] = [];
  const assignments: Assignment[] = [];
  const seen = new Map<string, number>();
  for (const row of rows) {
    const parsed = AssignmentRowSchema.safeParse(row.values);
    if (!parsed.success) {
      problems.push({ line: row.line, reason: describeIssue(parsed.error) });
      continue;
    }
    const { customerId, agentId } = parsed.data;
    const earlier = seen.get(customerId);
    if (earlier) {
      problems.push({ line: row.line, reason: `客户 ${customerId} 已在第 ${earlier} 行分配过业务员` });
      continue;
    }
    seen.set(customerId, row.line);
    const [customer, agent] = await Promise.all([
      deps.repositories.customers.get(customerId),
      deps.repositories.agents.get(agentId),
    ]);
    const missing = [
      !customer && `客户 ${customerId} 不存在`,
      !agent && `业务员工号 ${agentId} 不存在`,
    ].filter(Boolean);
    if (!customer || !agent) {
      problems.push({ line: row.line, reason: missing.join('；') });
      continue;
    }
    assignments.push({ customer, agentId });
  }
  return { assignments, problems };
}

/**
 * Assigns customers to agents (业务员). The policies the customer holds follow: their servicing
 * agent becomes the new one (a versioned write per policy that changes).
 */
export async function importAssignments(
  file: string,
  rows: CsvRow[],
  deps: ImportDeps,
): Promise<ImportReport> {
  const { assignments, problems } = await validateAssignmentRows(rows, deps);
  if (problems.length > 0) throw new ImportRejected(file, problems);
  const tally = emptyTally();
  await forEachWithProgress(
    assignments,
    async ({ customer, agentId }) => {
      let changed = false;
      if (customer.agentId !== agentId) {
        await deps.repositories.customers.put({ ...customer, agentId });
        changed = true;
      }
      const held = (await deps.repositories.policies.listByCustomer(customer.customerId)).filter(
        (p) => p.holderId === customer.customerId,
      );
      for (const policy of held) {
        if (policy.agentId === agentId) continue;
        await deps.repositories.policies.put({ ...policy, agentId });
        changed = true;
      }
      tally[changed ? 'updated' : 'unchanged']++;
    },
    deps.progress ?? (() => {}),
  );
  return { rows: rows.length, ...tally };
}

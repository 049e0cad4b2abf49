import type { CustomerRecord } from '@zhixiang/shared/policy/model';
import type { HandoffRecord } from '@zhixiang/shared/ports/handoffs';

/** A live handoff of this customer waiting in their branch's queue since `createdAt`, no one on it yet. */
export function queuedHandoff(
  handoffId: string,
  customer: Pick<CustomerRecord, 'customerId' | 'name' | 'branchPath'>,
  createdAt: number,
): HandoffRecord {
  return {
    handoffId,
    customerId: customer.customerId,
    customerName: customer.name,
    branchPath: customer.branchPath,
    intent: null,
    status: 'queued',
    mode: 'live',
    createdAt,
    claimedBy: null,
    claimedByName: null,
    summary: null,
    closedAt: null,
    lastSeq: 0,
  };
}

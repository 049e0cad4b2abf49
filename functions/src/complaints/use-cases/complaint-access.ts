import { canViewCustomer, isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { BusinessCalendar } from '@zhixiang/shared/complaints/calendar';
import type { ComplaintRules } from '@zhixiang/shared/complaints/classification';
import type { ComplaintDetail } from '@zhixiang/shared/complaints/schemas';
import { toComplaintDetail } from '@zhixiang/shared/complaints/view';
import { AppError } from '@zhixiang/shared/errors';
import type { ConversationStore } from '@zhixiang/shared/ports/assistant-conversations';
import type {
  ComplaintEventRecord,
  ComplaintRecord,
  ComplaintStore,
  DecisionLetterEntry,
} from '@zhixiang/shared/ports/complaints';
import type {
  AgentRepository,
  CustomerRepository,
  PolicyRepository,
  UserAccountRepository,
} from '@zhixiang/shared/ports/repositories';

export const COMPLAINT_NOT_FOUND_MESSAGE = '未找到该投诉';

export interface ComplaintDeps {
  repositories: {
    complaints: ComplaintStore;
    customers: Pick<CustomerRepository, 'get'>;
    agents: Pick<AgentRepository, 'get'>;
    assistantConversations: Pick<ConversationStore, 'get' | 'listTurns'>;
    policies: Pick<PolicyRepository, 'get'>;
    users: Pick<UserAccountRepository, 'get'>;
  };
  businessCalendar: BusinessCalendar;
  complaintRules: ComplaintRules;
  now: () => number;
}

/** The reader is the agent the complaint is about: they may not read it (回避). */
export function isAboutReader(claims: AccessClaims, complaint: Pick<ComplaintRecord, 'namedAgent'>): boolean {
  return (
    claims.role === 'agent' && Boolean(claims.agentId) && complaint.namedAgent?.agentId === claims.agentId
  );
}

/**
 * Who may open a complaint: its customer; the customer's assigned agent unless the complaint is
 * about them (回避); staff and executives whose subtree holds the policy's branch or the level now
 * handling it; admins. Anyone else gets the same 404 as for a complaint that does not exist.
 */
export async function loadVisibleComplaint(
  deps: ComplaintDeps,
  claims: AccessClaims,
  complaintId: string,
): Promise<{ complaint: ComplaintRecord; customer: { name: string; phone: string } }> {
  const complaint = await deps.repositories.complaints.get(complaintId);
  const customer = complaint ? await deps.repositories.customers.get(complaint.customerId) : null;
  const visible =
    complaint &&
    customer &&
    (claims.role === 'staff' || claims.role === 'executive'
      ? isInBranchSubtree(complaint.branchPath, claims.branchPath ?? '') ||
        isInBranchSubtree(complaint.handlingBranchPath, claims.branchPath ?? '')
      : canViewCustomer(claims, customer) && !isAboutReader(claims, complaint));
  if (!visible || !complaint || !customer)
    throw new AppError('NOT_FOUND', COMPLAINT_NOT_FOUND_MESSAGE, {
      logMessage: `complaint ${complaintId} not found or not visible to ${claims.sub}`,
    });
  return { complaint, customer };
}

/** The detail as this reader may see it: the customer without the handling facts, others masked. */
export function detailFor(
  deps: ComplaintDeps,
  claims: AccessClaims,
  complaint: ComplaintRecord,
  events: readonly ComplaintEventRecord[],
  customer: { name: string; phone: string },
  decisionLetter: DecisionLetterEntry | null = null,
  conversation: readonly { at: number; text: string }[] = [],
): ComplaintDetail {
  const handling =
    claims.role === 'customer'
      ? null
      : {
          customerName: customer.name,
          customerPhone: customer.phone,
          calendar: deps.businessCalendar,
          now: new Date(deps.now()),
          conversation,
        };
  return toComplaintDetail(complaint, events, handling, decisionLetter);
}

/**
 * The detail as stored now: the audit log, once decided where the decision letter stands, and for
 * handlers the assistant conversation it was filed from.
 */
export async function readDetail(
  deps: ComplaintDeps,
  claims: AccessClaims,
  complaint: ComplaintRecord,
  customer: { name: string; phone: string },
): Promise<ComplaintDetail> {
  const { complaints } = deps.repositories;
  const [events, decisionLetter, turns] = await Promise.all([
    complaints.events(complaint.complaintId),
    complaint.status === 'decided' ? complaints.decisionLetter(complaint.complaintId) : Promise.resolve(null),
    complaint.conversationId && claims.role !== 'customer'
      ? deps.repositories.assistantConversations.listTurns(complaint.conversationId)
      : Promise.resolve([]),
  ]);
  return detailFor(deps, claims, complaint, events, customer, decisionLetter, turns);
}

export async function actorName(deps: ComplaintDeps, claims: AccessClaims): Promise<string> {
  const user = await deps.repositories.users.get(claims.sub);
  return user?.displayName ?? '工作人员';
}

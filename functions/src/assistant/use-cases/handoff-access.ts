import type { Handoff, HandoffMessageSchema } from '@zhixiang/shared/assistant/handoff';
import { INTENT_NAMES } from '@zhixiang/shared/assistant/intents';
import { describeServiceHours, type ServiceHours } from '@zhixiang/shared/assistant/service-hours';
import { isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { ConversationStore } from '@zhixiang/shared/ports/assistant-conversations';
import type { BusinessMetrics } from '@zhixiang/shared/ports/business-metrics';
import type { HandoffMessageRecord, HandoffRecord, HandoffStore } from '@zhixiang/shared/ports/handoffs';
import type {
  AgentRepository,
  CustomerRepository,
  UserAccountRepository,
} from '@zhixiang/shared/ports/repositories';
import type { SmsSender } from '@zhixiang/shared/ports/sms-sender';
import { maskIdNumber, maskPhone } from '@zhixiang/shared/privacy/mask';
import type * as z from 'zod/mini';
import type { LiveChatDeps } from './publish-handoff-update';

export const HANDOFF_NOT_FOUND_MESSAGE = '未找到该人工服务';

export interface HandoffDeps extends LiveChatDeps {
  repositories: LiveChatDeps['repositories'] & {
    handoffs: HandoffStore;
    assistantConversations: Pick<ConversationStore, 'get' | 'listTurns'>;
    customers: Pick<CustomerRepository, 'get'>;
    /** A customer's agent: their name is masked for the executives listening in. */
    agents: Pick<AgentRepository, 'getCached'>;
    users: Pick<UserAccountRepository, 'get'>;
  };
  config: { serviceHours: ServiceHours };
  /** Tells a customer that their message (留言) was answered. */
  sms: SmsSender;
  metrics: Pick<BusinessMetrics, 'gauge'>;
  now: () => number;
}

/**
 * Samples how many handoffs wait for a person company-wide (the HandoffsWaiting gauge), after the
 * queue changed. Best effort: the change is already stored, so a failed sample only logs.
 */
export async function sampleWaitingHandoffs(deps: HandoffDeps): Promise<void> {
  try {
    const open = await deps.repositories.handoffs.listOpen('');
    deps.metrics.gauge('HandoffsWaiting', open.filter((h) => h.status === 'queued').length);
  } catch (error) {
    deps.logger.warn('handoffs waiting not sampled', { error });
  }
}

/** Whether the caller may see the handoff: its customer, staff of its branch subtree, admins. */
export function canSeeHandoff(claims: AccessClaims, handoff: HandoffRecord): boolean {
  switch (claims.role) {
    case 'admin':
      return true;
    case 'customer':
      return Boolean(claims.customerId) && claims.customerId === handoff.customerId;
    case 'staff':
      return Boolean(claims.branchPath) && isInBranchSubtree(handoff.branchPath, claims.branchPath ?? '');
    default:
      return false;
  }
}

/** The handoff if the caller may see it; otherwise 404, exactly like one that does not exist. */
export async function loadVisibleHandoff(
  deps: HandoffDeps,
  claims: AccessClaims,
  handoffId: string,
): Promise<HandoffRecord> {
  const handoff = await deps.repositories.handoffs.get(handoffId);
  if (!handoff || !canSeeHandoff(claims, handoff)) {
    throw new AppError('NOT_FOUND', HANDOFF_NOT_FOUND_MESSAGE, {
      logMessage: `handoff ${handoffId} missing or not visible to ${claims.sub}`,
    });
  }
  return handoff;
}

/**
 * The handoff as staff and the customer see it, with the assistant conversation before it and the
 * customer's verified identity (masked) for staff.
 */
export async function toHandoffView(
  deps: HandoffDeps,
  handoff: HandoffRecord,
  viewer: AccessClaims,
): Promise<Handoff> {
  const [turns, customer] = await Promise.all([
    deps.repositories.assistantConversations.listTurns(handoff.handoffId),
    viewer.role === 'customer' ? null : deps.repositories.customers.get(handoff.customerId),
  ]);
  return {
    handoffId: handoff.handoffId,
    status: handoff.status,
    mode: handoff.mode,
    serviceHours: describeServiceHours(deps.config.serviceHours),
    customerName: handoff.customerName,
    identityVerified: true,
    idNumberMasked: customer ? maskIdNumber(customer.idNumber) : null,
    phoneMasked: customer ? maskPhone(customer.phone) : null,
    intent: handoff.intent,
    intentName: handoff.intent ? INTENT_NAMES[handoff.intent] : null,
    createdAt: new Date(handoff.createdAt).toISOString(),
    claimedByName: handoff.claimedByName,
    claimedByMe: handoff.claimedBy !== null && handoff.claimedBy === viewer.sub,
    summary: handoff.summary,
    transcript: turns.map((t) => ({ seq: t.seq, text: t.text, intentName: INTENT_NAMES[t.intent] })),
  };
}

export function toMessageView(message: HandoffMessageRecord): z.infer<typeof HandoffMessageSchema> {
  return { seq: message.seq, from: message.from, text: message.text, at: new Date(message.at).toISOString() };
}

import type { EndorsementStatus, EndorsementType } from '../endorsement/application';
import { ENDORSEMENT_STATUS_LABELS, ENDORSEMENT_TYPE_LABELS } from '../endorsement/application';
import {
  type CallbackFact,
  callbackTodo,
  type PremiumFact,
  premiumTodo,
  type SignatureFact,
  signatureTodo,
  type Todo,
} from './todos';

/**
 * The agent's home (工作台), pure: over the facts of each assigned customer it says what waits on
 * the customer — an application the agent prepared, a premium due within 30 days, a lapsed
 * policy, a callback pending in the cooling-off period, a document awaiting a signature. The
 * customer's own to-do rules decide the overlapping ones, so an item is on the agent's home
 * exactly while it is on the customer's.
 */

export interface ApplicationFact {
  applicationId: string;
  type: EndorsementType;
  status: EndorsementStatus;
  policyNo: string;
  /** The agent who prepared it; null when the customer applied themself. */
  preparedByAgentId: string | null;
  createdAt: number;
}

/** Prepared, and still waiting for the customer: identity, signature or submission. */
const WAITING_FOR_CUSTOMER: readonly EndorsementStatus[] = ['draft', 'identity_verified', 'signed'];

export function isWaitingForCustomer(application: ApplicationFact, agentId: string): boolean {
  return application.preparedByAgentId === agentId && WAITING_FOR_CUSTOMER.includes(application.status);
}

export interface AgentCustomerFacts {
  customerId: string;
  name: string;
  applications: readonly ApplicationFact[];
  documents: readonly SignatureFact[];
  callbacks: readonly CallbackFact[];
  premiums: readonly PremiumFact[];
}

export interface AgentHomeItem {
  /** Stable while the item exists: its kind and subject. */
  id: string;
  customerId: string;
  customerName: string;
  policyNo: string;
  title: string;
  detail: string;
  dueDate: string | null;
  daysLeft: number | null;
  /** What a tap opens: an application, a document, or the customer's policies. */
  target:
    | { page: 'application'; applicationId: string }
    | { page: 'document'; documentId: string }
    | { page: 'customer' };
}

export const AGENT_HOME_LISTS = [
  'applicationsWaiting',
  'documentsToSign',
  'callbacksPending',
  'premiumsDue',
  'lapsed',
] as const;
export type AgentHomeList = (typeof AGENT_HOME_LISTS)[number];

export type AgentHome = Record<AgentHomeList, AgentHomeItem[]>;

const byDueDate = (a: AgentHomeItem, b: AgentHomeItem) =>
  (a.dueDate ?? '9999-12-31').localeCompare(b.dueDate ?? '9999-12-31') || a.id.localeCompare(b.id);

export function agentHome(
  agentId: string,
  customers: readonly AgentCustomerFacts[],
  today: string,
): AgentHome {
  const home: AgentHome = {
    applicationsWaiting: [],
    documentsToSign: [],
    callbacksPending: [],
    premiumsDue: [],
    lapsed: [],
  };
  for (const customer of customers) {
    const who = { customerId: customer.customerId, customerName: customer.name };
    for (const application of customer.applications) {
      if (!isWaitingForCustomer(application, agentId)) continue;
      home.applicationsWaiting.push({
        ...who,
        id: `application:${application.applicationId}`,
        policyNo: application.policyNo,
        title: ENDORSEMENT_TYPE_LABELS[application.type],
        detail: `${ENDORSEMENT_STATUS_LABELS[application.status]} · 保单 ${application.policyNo}`,
        dueDate: null,
        daysLeft: null,
        target: { page: 'application', applicationId: application.applicationId },
      });
    }
    for (const document of customer.documents) {
      const todo = signatureTodo(document);
      if (todo)
        home.documentsToSign.push({
          ...who,
          id: todo.id,
          policyNo: document.policyNo,
          title: todo.title,
          detail: todo.detail,
          dueDate: null,
          daysLeft: null,
          target: { page: 'document', documentId: document.documentId },
        });
    }
    const onPolicy = (todo: Todo, policyNo: string): AgentHomeItem => ({
      ...who,
      id: todo.id,
      policyNo,
      title: todo.title,
      detail: todo.detail,
      dueDate: todo.dueDate,
      daysLeft: todo.daysLeft,
      target: { page: 'customer' },
    });
    for (const fact of customer.callbacks) {
      const todo = callbackTodo(fact, today);
      if (todo) home.callbacksPending.push(onPolicy(todo, fact.policyNo));
    }
    for (const fact of customer.premiums) {
      const todo = premiumTodo(fact, today);
      if (todo) home.premiumsDue.push(onPolicy(todo, fact.policyNo));
      if (fact.isHolder && fact.status === 'lapsed')
        home.lapsed.push({
          ...who,
          id: `lapsed:${fact.policyNo}`,
          policyNo: fact.policyNo,
          title: '保单已失效',
          detail: `${fact.productName}（${fact.policyNo}），已失效，请联系客户了解情况`,
          dueDate: null,
          daysLeft: null,
          target: { page: 'customer' },
        });
    }
  }
  for (const list of AGENT_HOME_LISTS) home[list].sort(byDueDate);
  return home;
}

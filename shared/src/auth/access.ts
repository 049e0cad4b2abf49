import type { AccessClaims } from './schemas';

/**
 * Who may see which customer or policy. Pure rules over the token's claims and the records'
 * ownership facts, so every handler and every later feature (endorsements, letters, the assistant)
 * asks the same questions:
 * - customer: themself, and the policies where they are the holder or the insured;
 * - agent: the customers assigned to them and those customers' policies;
 * - staff: customers and policies of their branch and every branch below it (path prefix);
 * - admin: everything.
 */
export interface CustomerAccessFacts {
  customerId: string;
  agentId: string | null;
  branchPath: string;
}

export interface PolicyAccessFacts {
  holderId: string;
  insuredId: string;
  branchPath: string;
}

/** True when `path` is `ancestorPath` or lies below it; `HQ/SH1` is not below `HQ/SH`. */
export function isInBranchSubtree(path: string, ancestorPath: string): boolean {
  if (!ancestorPath) return false;
  return path === ancestorPath || path.startsWith(`${ancestorPath}/`);
}

/**
 * The escalation ladder 四级机构 → 中支 → 分公司 → 总公司: the branch one level up, null at the head
 * office. Complaints, rectification tasks and service-standard warnings all climb it.
 */
export function parentBranchPath(path: string): string | null {
  const cut = path.lastIndexOf('/');
  return cut > 0 ? path.slice(0, cut) : null;
}

export function canViewCustomer(claims: AccessClaims, customer: CustomerAccessFacts): boolean {
  switch (claims.role) {
    case 'admin':
      return true;
    case 'customer':
      return Boolean(claims.customerId) && claims.customerId === customer.customerId;
    case 'agent':
      return Boolean(claims.agentId) && claims.agentId === customer.agentId;
    case 'staff':
      return Boolean(claims.branchPath) && isInBranchSubtree(customer.branchPath, claims.branchPath ?? '');
    default:
      return false;
  }
}

/**
 * `parties` are the policy's holder and insured as customers (one entry when they are the same
 * person). An agent sees a policy through its customers, staff through the policy's own branch
 * or a party's branch.
 */
export function canViewPolicy(
  claims: AccessClaims,
  policy: PolicyAccessFacts,
  parties: readonly CustomerAccessFacts[],
): boolean {
  switch (claims.role) {
    case 'admin':
      return true;
    case 'customer':
      return (
        Boolean(claims.customerId) &&
        (claims.customerId === policy.holderId || claims.customerId === policy.insuredId)
      );
    case 'agent':
      return parties.some((party) => isParty(policy, party) && canViewCustomer(claims, party));
    case 'staff':
      return (
        (Boolean(claims.branchPath) && isInBranchSubtree(policy.branchPath, claims.branchPath ?? '')) ||
        parties.some((party) => isParty(policy, party) && canViewCustomer(claims, party))
      );
    default:
      return false;
  }
}

function isParty(policy: PolicyAccessFacts, party: CustomerAccessFacts): boolean {
  return party.customerId === policy.holderId || party.customerId === policy.insuredId;
}

/**
 * Electronic documents (电子批单) are narrower than their policy: the policyholder (not the insured),
 * the holder's assigned agent, staff of the policy's branch subtree, admins.
 */
export interface DocumentAccessFacts {
  holderId: string;
  /** The holder's assigned agent now (read from the customer record, not copied at creation). */
  holderAgentId: string | null;
  branchPath: string;
}

export function canOpenDocument(claims: AccessClaims, facts: DocumentAccessFacts): boolean {
  switch (claims.role) {
    case 'admin':
      return true;
    case 'customer':
      return Boolean(claims.customerId) && claims.customerId === facts.holderId;
    case 'agent':
      return Boolean(claims.agentId) && claims.agentId === facts.holderAgentId;
    case 'staff':
      return Boolean(claims.branchPath) && isInBranchSubtree(facts.branchPath, claims.branchPath ?? '');
    default:
      return false;
  }
}

/**
 * Endorsement applications (保全申请): the policyholder, the insured whose consent the application
 * asks for, the holder's assigned agent, staff of the policy's branch subtree, admins. The agent's
 * "shared link" is just the application page: this rule is what lets the customer open it.
 */
export interface EndorsementAccessFacts {
  holderId: string;
  /** Set only when the insured must consent (they may open it to verify and sign). */
  consentingInsuredId: string | null;
  /** The holder's assigned agent now (read from the customer record). */
  holderAgentId: string | null;
  branchPath: string;
}

export function canOpenEndorsement(claims: AccessClaims, facts: EndorsementAccessFacts): boolean {
  switch (claims.role) {
    case 'admin':
      return true;
    case 'customer':
      return (
        Boolean(claims.customerId) &&
        (claims.customerId === facts.holderId || claims.customerId === facts.consentingInsuredId)
      );
    case 'agent':
      return Boolean(claims.agentId) && claims.agentId === facts.holderAgentId;
    case 'staff':
      return Boolean(claims.branchPath) && isInBranchSubtree(facts.branchPath, claims.branchPath ?? '');
    default:
      return false;
  }
}

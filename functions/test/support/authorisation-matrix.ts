import { buildDemoData } from '../../src/seed/demo-data';

/**
 * The people, demo data and expectations the authorisation matrix is written in. Each context
 * declares its cases in `functions/test/<context>/authorisation-cases.ts`; the matrix
 * (functions/test/authorisation-matrix.test.ts) runs every route × person of them.
 */
export type Person =
  | 'anonymous'
  | 'owner'
  | 'anotherCustomer'
  | 'unassignedAgent'
  | 'otherBranchStaff'
  | 'executive';
export const PEOPLE: Person[] = [
  'anonymous',
  'owner',
  'anotherCustomer',
  'unassignedAgent',
  'otherBranchStaff',
  'executive',
];

export const data = buildDemoData('2026-11-25');
// 张伟 (上海, agent A001); 吴刚 is a Beijing customer; A003 and the Beijing staff have nothing to do with 张伟.
export const OWNER_CUSTOMER = 'demo-customer-c001';
export const OWNER_POLICY = data.policies.find(
  (p) => p.holderId === 'C001' && p.insuredId === 'C001',
)!.policyNo;
/** A well-formed id of a call, conversation or handoff that does not exist. */
export const NO_SUCH_ID = '0'.repeat(36);
export const USERS: Record<Exclude<Person, 'anonymous'>, string> = {
  owner: OWNER_CUSTOMER,
  anotherCustomer: 'demo-customer-c011',
  unassignedAgent: 'demo-agent-a003',
  otherBranchStaff: 'demo-staff-bj',
  // 浦东中支's head: reads the voice and complaints of 浦东中支's subtree (张伟 is of it), joins
  // complaints, and does nothing else staff do.
  executive: 'demo-exec-sh-pd',
};

export interface Case {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  body?: unknown;
  /** Overrides who "owner" is for this route. */
  ownerUserId?: string;
  expected: Record<Person, number>;
}

/** One case for each route of a context's routes record, and none for another context's. */
export type CasesFor<Routes> = Record<keyof Routes, Case>;

export function all(status: number): Record<Person, number> {
  return {
    anonymous: status,
    owner: status,
    anotherCustomer: status,
    unassignedAgent: status,
    otherBranchStaff: status,
    executive: status,
  };
}
/**
 * Everyone signed in gets `status`, but executives: a route is not theirs (403) unless its case
 * says so — they read their subtree's voice and complaints and join complaints, nothing else.
 */
export function signedIn(status: number): Record<Person, number> {
  return { ...all(status), anonymous: 401, executive: 403 };
}
/** The owner's own customer data (e-letters, notices): everyone else signed in gets the same 404. */
export function customerData(ownerStatus: number): Record<Person, number> {
  return { ...signedIn(404), owner: ownerStatus, executive: 404 };
}
/** Executives reach no customer, policy or document: the same 404 as one that does not exist. */
export const OUT_OF_REACH_FOR_EXECUTIVES = { executive: 404 } as const;

/** A route on a customer, its owner their assigned agent: customers 403; anyone else signed in 404. */
export function agentsCustomer(ownerStatus: number): Record<Person, number> {
  return { ...signedIn(404), owner: ownerStatus, anotherCustomer: 403 };
}
/** A route about the signed-in customer themself: both customers get `status`; agents and staff 403. */
export function customersOnly(status: number): Record<Person, number> {
  return { ...signedIn(403), owner: status, anotherCustomer: status };
}
/**
 * A route on the owner's policy for its holder and their agent: another customer and an
 * unassigned agent get the 404 of a policy that does not exist; staff 403.
 */
export function holderOrAgent(ownerStatus: number): Record<Person, number> {
  return { ...signedIn(404), owner: ownerStatus, otherBranchStaff: 403 };
}
/**
 * A staff route, its owner Shanghai staff: Beijing staff get the same answer (their own branch's
 * data, or the same 404); customers and agents 403.
 */
export function staffOnly(status: number): Record<Person, number> {
  return { ...signedIn(403), owner: status, otherBranchStaff: status };
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CustomerAccessFacts,
  canOpenDocument,
  canViewCustomer,
  canViewPolicy,
  isInBranchSubtree,
} from '../src/auth/access';
import type { AccessClaims } from '../src/auth/schemas';

const alice: CustomerAccessFacts = { customerId: 'C1', agentId: 'A1', branchPath: 'HQ/SH/SH-PD/SH-PD-01' };
const bob: CustomerAccessFacts = { customerId: 'C2', agentId: 'A2', branchPath: 'HQ/BJ/BJ-HD/BJ-HD-01' };
const policyAliceInsuresBob = { holderId: 'C1', insuredId: 'C2', branchPath: 'HQ/SH/SH-PD/SH-PD-01' };

const customer = (customerId: string): AccessClaims => ({
  sub: `U-${customerId}`,
  role: 'customer',
  customerId,
});
const agent = (agentId: string): AccessClaims => ({ sub: `U-${agentId}`, role: 'agent', agentId });
const staff = (branchPath: string): AccessClaims => ({
  sub: 'U-S',
  role: 'staff',
  branchId: 'X',
  branchPath,
});

describe('isInBranchSubtree', () => {
  it('includes the branch itself and its descendants', () => {
    expect(isInBranchSubtree('HQ/SH', 'HQ/SH')).toBe(true);
    expect(isInBranchSubtree('HQ/SH/SH-PD/SH-PD-01', 'HQ/SH')).toBe(true);
  });

  it('does not treat a sibling sharing a name prefix as a descendant', () => {
    expect(isInBranchSubtree('HQ/SH1/X', 'HQ/SH')).toBe(false);
  });

  it('never matches an empty ancestor path', () => {
    expect(isInBranchSubtree('HQ', '')).toBe(false);
  });

  it('is satisfied by every path built below the ancestor (property)', () => {
    const segment = fc.stringMatching(/^[A-Z0-9-]{1,6}$/);
    fc.assert(
      fc.property(
        fc.array(segment, { minLength: 1, maxLength: 3 }),
        fc.array(segment, { maxLength: 3 }),
        (ancestor, below) => {
          const ancestorPath = ancestor.join('/');
          expect(isInBranchSubtree([...ancestor, ...below].join('/'), ancestorPath)).toBe(true);
          expect(isInBranchSubtree(`${ancestorPath}X`, ancestorPath)).toBe(false);
        },
      ),
    );
  });
});

describe('canViewCustomer', () => {
  it('lets a customer see only themself', () => {
    expect(canViewCustomer(customer('C1'), alice)).toBe(true);
    expect(canViewCustomer(customer('C2'), alice)).toBe(false);
  });

  it('refuses an unbound customer (no customerId in the token)', () => {
    expect(canViewCustomer({ sub: 'U', role: 'customer' }, alice)).toBe(false);
  });

  it('lets an agent see only assigned customers', () => {
    expect(canViewCustomer(agent('A1'), alice)).toBe(true);
    expect(canViewCustomer(agent('A2'), alice)).toBe(false);
    expect(canViewCustomer(agent('A1'), { ...alice, agentId: null })).toBe(false);
  });

  it('lets staff see customers of their branch subtree only', () => {
    expect(canViewCustomer(staff('HQ'), alice)).toBe(true);
    expect(canViewCustomer(staff('HQ/SH'), alice)).toBe(true);
    expect(canViewCustomer(staff('HQ/SH/SH-PD/SH-PD-01'), alice)).toBe(true);
    expect(canViewCustomer(staff('HQ/BJ'), alice)).toBe(false);
  });

  it('refuses staff whose token lacks a branch', () => {
    expect(canViewCustomer({ sub: 'U', role: 'staff' }, alice)).toBe(false);
  });

  it('lets an admin see everyone', () => {
    expect(canViewCustomer({ sub: 'U', role: 'admin' }, bob)).toBe(true);
  });
});

describe('canViewPolicy', () => {
  const parties = [alice, bob];

  it('lets the holder and the insured see the policy, nobody else', () => {
    expect(canViewPolicy(customer('C1'), policyAliceInsuresBob, parties)).toBe(true);
    expect(canViewPolicy(customer('C2'), policyAliceInsuresBob, parties)).toBe(true);
    expect(canViewPolicy(customer('C3'), policyAliceInsuresBob, parties)).toBe(false);
  });

  it("lets an agent see a policy of either party they serve, not a stranger's", () => {
    expect(canViewPolicy(agent('A1'), policyAliceInsuresBob, parties)).toBe(true);
    expect(canViewPolicy(agent('A2'), policyAliceInsuresBob, parties)).toBe(true);
    expect(canViewPolicy(agent('A3'), policyAliceInsuresBob, parties)).toBe(false);
  });

  it('ignores customer facts that are not parties of the policy', () => {
    const stranger: CustomerAccessFacts = { customerId: 'C9', agentId: 'A9', branchPath: 'HQ/GZ' };
    expect(canViewPolicy(agent('A9'), policyAliceInsuresBob, [stranger])).toBe(false);
    expect(canViewPolicy(staff('HQ/GZ'), policyAliceInsuresBob, [stranger])).toBe(false);
  });

  it("lets staff see a policy of their subtree or of a party's branch in it", () => {
    expect(canViewPolicy(staff('HQ/SH'), policyAliceInsuresBob, parties)).toBe(true);
    expect(canViewPolicy(staff('HQ/BJ'), policyAliceInsuresBob, parties)).toBe(true);
    expect(canViewPolicy(staff('HQ/GZ'), policyAliceInsuresBob, parties)).toBe(false);
  });

  it('never lets a customer through another customer facts (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        (viewer, holder, insured) => {
          fc.pre(viewer !== holder && viewer !== insured);
          const policy = { holderId: holder, insuredId: insured, branchPath: 'HQ' };
          const facts = [{ customerId: holder, agentId: null, branchPath: 'HQ' }];
          expect(canViewPolicy(customer(viewer), policy, facts)).toBe(false);
        },
      ),
    );
  });
});

describe('canOpenDocument (electronic documents)', () => {
  const document = { holderId: 'C1', holderAgentId: 'A1', branchPath: 'HQ/SH/SH-PD/SH-PD-01' };

  it("lets the holder, the holder's agent, staff of the subtree and admins open it", () => {
    expect(canOpenDocument(customer('C1'), document)).toBe(true);
    expect(canOpenDocument(agent('A1'), document)).toBe(true);
    expect(canOpenDocument(staff('HQ/SH'), document)).toBe(true);
    expect(canOpenDocument(staff('HQ'), document)).toBe(true);
    expect(canOpenDocument({ sub: 'U-admin', role: 'admin' }, document)).toBe(true);
  });

  it('keeps it from the insured who is not the holder, other agents and other branches', () => {
    expect(canOpenDocument(customer('C2'), document)).toBe(false);
    expect(canOpenDocument(agent('A2'), document)).toBe(false);
    expect(canOpenDocument(staff('HQ/BJ'), document)).toBe(false);
    expect(canOpenDocument(staff('HQ/SH/SH-PD/SH-PD-0'), document)).toBe(false);
    expect(canOpenDocument(agent('A1'), { ...document, holderAgentId: null })).toBe(false);
    expect(canOpenDocument({ sub: 'U-x', role: 'customer' }, document)).toBe(false);
  });
});

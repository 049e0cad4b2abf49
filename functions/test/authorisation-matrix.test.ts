import { type RouteName, routes } from '@zhixiang/shared/api/routes';
import {
  CustomerListResponseSchema,
  PolicyDetailSchema,
  PolicyListResponseSchema,
} from '@zhixiang/shared/policy/schemas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsFor } from '../src/auth/use-cases/session';
import { createSystem, type System } from '../src/system';
import { assistantCases } from './assistant/authorisation-cases';
import { authCases } from './auth/authorisation-cases';
import { authorisationCases } from './authorisations/authorisation-cases';
import { callbackCases } from './callback/authorisation-cases';
import { complaintCases } from './complaints/authorisation-cases';
import { documentCases } from './documents/authorisation-cases';
import { endorsementCases } from './endorsements/authorisation-cases';
import { eventCases } from './events/authorisation-cases';
import { homeCases } from './home/authorisation-cases';
import { identityCases } from './identity/authorisation-cases';
import { ivrCases } from './ivr/authorisation-cases';
import { letterCases } from './letters/authorisation-cases';
import { notificationCases } from './notifications/authorisation-cases';
import { paymentCases } from './payments/authorisation-cases';
import { policyCases } from './policies/authorisation-cases';
import { productCases } from './products/authorisation-cases';
import { ratingCases } from './ratings/authorisation-cases';
import { standardCases } from './standards/authorisation-cases';
import { type ApiClient, createApiClient } from './support/api-client';
import { type Case, data, OWNER_POLICY, PEOPLE, type Person, USERS } from './support/authorisation-matrix';
import { seedDemoDataOnce } from './support/seeded-demo-data';
import { startTestGateway, type TestGateway } from './support/test-gateway';
import { voiceCases } from './voice/authorisation-cases';

/**
 * Every route × the five people of the authorisation matrix, through the real gateway and
 * handlers against DynamoDB Local. The "owner" is whoever the route is for: the customer for
 * their own data, the assigned agent for an agent route.
 *
 * Rules proven here: no token → 401; a role the route is not for → 403; a policy or customer
 * outside the viewer's reach → 404, exactly like one that does not exist.
 *
 * Each context declares its cases in `functions/test/<context>/authorisation-cases.ts`, one per
 * route of its own routes record; a context left out here is a type error.
 */
const CASES: Record<RouteName, Case> = {
  ...authCases,
  ...productCases,
  ...policyCases,
  ...callbackCases,
  ...identityCases,
  ...documentCases,
  ...assistantCases,
  ...ivrCases,
  ...endorsementCases,
  ...letterCases,
  ...complaintCases,
  ...paymentCases,
  ...homeCases,
  ...eventCases,
  ...voiceCases,
  ...authorisationCases,
  ...standardCases,
  ...notificationCases,
  ...ratingCases,
};

let container: System;
let gateway: TestGateway;
let api: ApiClient;
const tokens = new Map<string, string>();
const responseTexts: string[] = [];

async function tokenFor(userId: string): Promise<string> {
  let token = tokens.get(userId);
  if (!token) {
    const user = await container.repositories.users.get(userId);
    if (!user) throw new Error(`demo user ${userId} is not seeded`);
    token = (await container.accessTokens.issue(claimsFor(user))).token;
    tokens.set(userId, token);
  }
  return token;
}

async function call(c: Case, person: Person, userId?: string) {
  const token =
    person === 'anonymous'
      ? undefined
      : await tokenFor(userId ?? (person === 'owner' && c.ownerUserId ? c.ownerUserId : USERS[person]));
  const response = await api.request(c.method, c.path, {
    token,
    ...(c.body === undefined ? {} : { body: c.body }),
  });
  responseTexts.push(response.text);
  return response;
}

/** Everything the handlers log during the run (structured lines go to stdout and stderr). */
const logged: string[] = [];
const originalWrite = {
  out: process.stdout.write.bind(process.stdout),
  err: process.stderr.write.bind(process.stderr),
};

beforeAll(async () => {
  container = createSystem();
  await seedDemoDataOnce({ repositories: container.repositories });
  gateway = await startTestGateway();
  api = createApiClient(gateway.url);
  const capture =
    (write: typeof originalWrite.out) =>
    (chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      logged.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      return (write as (c: string | Uint8Array, ...r: unknown[]) => boolean)(chunk, ...rest);
    };
  process.stdout.write = capture(originalWrite.out) as typeof process.stdout.write;
  process.stderr.write = capture(originalWrite.err) as typeof process.stderr.write;
});

afterAll(async () => {
  process.stdout.write = originalWrite.out;
  process.stderr.write = originalWrite.err;
  await gateway?.close();
});

describe('authorisation matrix', () => {
  it('covers every route of the API contract', () => {
    expect(Object.keys(CASES).sort()).toEqual(Object.keys(routes).sort());
    for (const [name, c] of Object.entries(CASES)) {
      const spec = routes[name as RouteName];
      expect(c.method, name).toBe(spec.method);
      expect(
        c.path.replace(
          /\/(C001|CI01|\d{6,}|PD\d{8}\w{6}|EA\d{8}\w{6}|LT\d{8}[A-Z0-9]{8}|RP\d{8}[A-Z0-9]{12}|PO\d{8}[A-Z0-9]{12}|RD\d{8}[A-Z0-9]{12}|TS\d{14}|RT\d{14}|EV[0-9A-Z-]{4,40}|SQ\d{8}[0-9A-F]{8}|VO[0-9A-F]{20}|[a-z]+(?:_[a-z]+)+|[\w-]+\.[\w-]{43}|(?<=\/parts\/)[1-9]\d{0,2})(?=\/|$)/g,
          '/{param}',
        ),
        name,
      ).toBe(spec.path.replace(/\{\w+\}/g, '{param}'));
    }
  });

  for (const [name, c] of Object.entries(CASES)) {
    for (const person of PEOPLE) {
      it(`${c.method} ${c.path} as ${person} → ${c.expected[person]}`, async () => {
        const response = await call(c, person);
        expect(response.status, response.text).toBe(c.expected[person]);
        if (response.status >= 400)
          expect(response.body).toMatchObject({ code: expect.any(String), message: expect.any(String) });
        void name;
      });
    }
  }
});

describe('who else may see a policy', () => {
  const policyCase = CASES.getPolicy;

  it.each([
    [
      'the insured who is not the holder',
      'demo-customer-c001',
      data.policies.find((p) => p.holderId === 'C001' && p.insuredId === 'C003')!.policyNo,
      200,
    ],
    ['the assigned agent', 'demo-agent-a001', OWNER_POLICY, 200],
    ['staff of the policy branch (上海分公司)', 'demo-staff-sh', OWNER_POLICY, 200],
    ['staff of the head office', 'demo-staff-hq', OWNER_POLICY, 200],
    [
      'staff of a sibling 中支 agency',
      'demo-staff-sh-pd-01',
      data.policies.find((p) => p.holderId === 'C006')!.policyNo,
      404,
    ],
    ['an admin', 'demo-admin', OWNER_POLICY, 200],
    ['an unbound customer', 'demo-unbound', OWNER_POLICY, 404],
  ])('%s', async (_who, userId, policyNo, status) => {
    const response = await call({ ...policyCase, path: `/policies/${policyNo}` }, 'owner', userId);
    expect(response.status, response.text).toBe(status);
  });

  it('answers a policy that does not exist exactly like one the viewer may not see', async () => {
    const hidden = await call(policyCase, 'anotherCustomer');
    const missing = await call({ ...policyCase, path: '/policies/880000009999999' }, 'anotherCustomer');
    expect(missing.status).toBe(404);
    expect({ ...(missing.body as object), requestId: undefined }).toEqual({
      ...(hidden.body as object),
      requestId: undefined,
    });
  });
});

describe('what the allowed viewers get', () => {
  it("lists the owner's policies as holder and as insured, and only theirs", async () => {
    const mine = (await call(CASES.listMyPolicies, 'owner')).body as {
      policies: Array<{ policyNo: string; viewerRole: string }>;
    };
    const expected = data.policies
      .filter((p) => p.holderId === 'C001' || p.insuredId === 'C001')
      .map((p) => p.policyNo);
    expect(mine.policies.map((p) => p.policyNo).sort()).toEqual(expected.sort());
    const daughter = await call(CASES.listMyPolicies, 'anotherCustomer');
    expect(
      (daughter.body as { policies: Array<{ policyNo: string }> }).policies.map((p) => p.policyNo),
    ).not.toContain(OWNER_POLICY);
  });

  it('tells an unbound customer to bind first', async () => {
    const response = await call(CASES.listMyPolicies, 'owner', 'demo-unbound');
    expect(response.status).toBe(403);
    expect(response.body).toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('身份绑定') });
  });

  it('gives the agent only their own customers, masked, with policy counts', async () => {
    const mine = (await call(CASES.listAgentCustomers, 'owner')).body as {
      customers: Array<{ customerId: string; policyCount: number; phoneMasked: string }>;
    };
    expect(mine.customers.map((c) => c.customerId).sort()).toEqual(['C001', 'C002', 'C003', 'C004', 'C005']);
    expect(mine.customers.find((c) => c.customerId === 'C001')?.policyCount).toBe(4);
    expect(mine.customers[0]?.phoneMasked).toMatch(/^\d{3}\*{4}\d{4}$/);
    const other = (await call(CASES.listAgentCustomers, 'unassignedAgent')).body as {
      customers: Array<{ customerId: string }>;
    };
    expect(other.customers.map((c) => c.customerId)).not.toContain('C001');
  });

  it('answers in the shape of the shared API contract', async () => {
    expect(PolicyListResponseSchema.safeParse((await call(CASES.listMyPolicies, 'owner')).body).success).toBe(
      true,
    );
    expect(
      PolicyListResponseSchema.safeParse((await call(CASES.listCustomerPolicies, 'owner')).body).success,
    ).toBe(true);
    expect(
      CustomerListResponseSchema.safeParse((await call(CASES.listAgentCustomers, 'owner')).body).success,
    ).toBe(true);
    for (const policy of data.policies.filter((p) => p.holderId === 'C001' || p.holderId === 'C002')) {
      const response = await call(
        { ...CASES.getPolicy, path: `/policies/${policy.policyNo}` },
        'owner',
        'demo-admin',
      );
      const parsed = PolicyDetailSchema.safeParse(response.body);
      expect(parsed.success, `${policy.policyNo}: ${parsed.error?.message}`).toBe(true);
    }
  });

  it('shows the loan with its accrued interest and the cooling-off state', async () => {
    const loanPolicy = data.policies.find((p) => p.loan)!;
    const withLoan = (
      await call(
        { ...CASES.getPolicy, path: `/policies/${loanPolicy.policyNo}` },
        'owner',
        'demo-customer-c002',
      )
    ).body as {
      loan: { principalCents: number; accruedInterestCents: number } | null;
      renewalAccount: { accountMasked: string } | null;
    };
    expect(withLoan.loan?.principalCents).toBe(loanPolicy.loan?.principalCents);
    expect(withLoan.loan?.accruedInterestCents).toBeGreaterThan(0);
    expect(withLoan.renewalAccount?.accountMasked).toMatch(/^\*{4} \*{4} \*{4} \d{4}$/);
    const mine = (await call(CASES.listMyPolicies, 'owner')).body as {
      policies: Array<{ inCoolingOff: boolean; viewerRole: string }>;
    };
    expect(mine.policies.filter((p) => p.inCoolingOff)).toHaveLength(1);
    expect(new Set(mine.policies.map((p) => p.viewerRole))).toEqual(new Set(['holder']));
  });

  it('never returns a raw ID number, phone or bank account in any response above', () => {
    const all = responseTexts.join('\n');
    for (const c of data.customers) {
      expect(all).not.toContain(c.idNumber);
      expect(all).not.toContain(c.phone);
    }
    for (const p of data.policies)
      if (p.renewalAccount) expect(all).not.toContain(p.renewalAccount.accountNumber);
  });

  it('never logs a raw ID number, phone or bank account either', () => {
    const all = [...logged, ...gateway.logs].join('\n');
    expect(all).toContain('"route":"/policies/{policyNo}"');
    for (const c of data.customers) {
      expect(all).not.toContain(c.idNumber);
      expect(all).not.toContain(c.phone);
    }
    for (const p of data.policies)
      if (p.renewalAccount) expect(all).not.toContain(p.renewalAccount.accountNumber);
  });
});

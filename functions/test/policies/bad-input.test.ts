import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsFor } from '../../src/auth/use-cases/session';
import { AccessTokens } from '../../src/platform/tokens/access-tokens';
import { createSystem, type System } from '../../src/system';
import { type ApiClient, createApiClient } from '../support/api-client';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/** Malformed path parameters and tokens on the policy and customer routes. */
const POLICY_ROUTES = [
  '/me/policies',
  '/policies/8831010000001',
  '/agent/customers',
  '/customers/C001/policies',
];

let container: System;
let gateway: TestGateway;
let api: ApiClient;
let adminToken: string;
let customerClaims: ReturnType<typeof claimsFor>;

beforeAll(async () => {
  container = createSystem();
  await seedDemoDataOnce({ repositories: container.repositories });
  gateway = await startTestGateway();
  api = createApiClient(gateway.url);
  const admin = await container.repositories.users.get('demo-admin');
  adminToken = (await container.accessTokens.issue(claimsFor(admin!))).token;
  customerClaims = claimsFor((await container.repositories.users.get('demo-customer-c001'))!);
});

afterAll(async () => {
  await gateway?.close();
});

describe('path parameters', () => {
  it.each([
    ['too short', '/policies/12345'],
    ['punctuation', "/policies/8831010000001'--"],
    ['spaces', '/policies/8831%20010000001'],
    ['too long', `/policies/${'9'.repeat(33)}`],
  ])('rejects a malformed policy number (%s) with 400 naming the field', async (_why, path) => {
    const response = await api.get(path, { token: adminToken });
    expect(response.status, response.text).toBe(400);
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field: 'policyNo',
      message: expect.stringContaining('保单号'),
    });
  });

  it('answers an unknown but well-formed policy number with 404', async () => {
    const response = await api.get('/policies/880000009999999', { token: adminToken });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'NOT_FOUND', message: '未找到该保单，请核对保单号' });
  });

  it('rejects a malformed customer id with 400 naming the field', async () => {
    const response = await api.get('/customers/C001%3Bdrop/policies', { token: adminToken });
    expect(response.status, response.text).toBe(400);
    expect(response.body).toMatchObject({ code: 'VALIDATION_FAILED', field: 'customerId' });
  });

  it('answers an unknown customer with 404', async () => {
    const response = await api.get('/customers/C999/policies', { token: adminToken });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'NOT_FOUND', message: '未找到该客户' });
  });

  it('checks the token before the path (an anonymous malformed request is 401, not 400)', async () => {
    expect((await api.get('/policies/x')).status).toBe(401);
  });
});

describe('tokens', () => {
  const forgedWith = async (key: string, claims: Record<string, unknown>) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('demo-admin')
      .setIssuer('zhixiang-kefu')
      .setAudience('zhixiang-kefu-api')
      .setIssuedAt()
      .setExpirationTime('10m')
      .sign(new TextEncoder().encode(key));

  it.each(POLICY_ROUTES)('refuses a token signed with another key on %s', async (path) => {
    const forged = await forgedWith('an-attacker-chosen-key-that-is-long-enough!!', { role: 'admin' });
    const response = await api.get(path, { token: forged });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it.each(POLICY_ROUTES)('refuses an expired token on %s', async (path) => {
    const anHourAgo = new AccessTokens(container.secrets.tokenSigningKey, () => Date.now() - 60 * 60_000);
    const { token } = await anHourAgo.issue(customerClaims);
    const response = await api.get(path, { token });
    expect(response.status).toBe(401);
    expect(response.body).toMatchObject({
      code: 'UNAUTHENTICATED',
      message: expect.stringContaining('过期'),
    });
  });

  it('refuses an unsigned token (alg none)', async () => {
    const header = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({
        sub: 'demo-admin',
        role: 'admin',
        iss: 'zhixiang-kefu',
        aud: 'zhixiang-kefu-api',
        exp: 9_999_999_999,
      }),
    ).toString('base64url');
    expect((await api.get('/policies/8831010000001', { token: `${header}.${payload}.` })).status).toBe(401);
  });

  it('refuses a customer token whose claims were edited to another customer', async () => {
    const { token } = await container.accessTokens.issue(customerClaims);
    const [header, , signature] = token.split('.');
    const payload = Buffer.from(JSON.stringify({ ...customerClaims, customerId: 'C011' })).toString(
      'base64url',
    );
    expect((await api.get('/me/policies', { token: `${header}.${payload}.${signature}` })).status).toBe(401);
  });

  it('refuses garbage and a missing Bearer scheme', async () => {
    expect((await api.get('/me/policies', { token: 'not-a-jwt' })).status).toBe(401);
    const { token } = await container.accessTokens.issue(customerClaims);
    expect((await api.get('/me/policies', { headers: { authorization: token } })).status).toBe(401);
  });
});

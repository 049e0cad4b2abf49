import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokingFunction } from '../../local/gateway';
import { loadServerlessConfig, type Yaml } from '../../local/serverless-config';
import { issueLetter } from '../../src/letters/use-cases/issue-letter';
import { issueLetterDeps } from '../../src/letters/wiring-issuing';
import { createSystem, type System } from '../../src/system';
import { accessTokenFor } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/**
 * The functions anyone can call without a token may write only to the partitions their work
 * needs: serverless.yml gives each a write grant conditioned on `dynamodb:LeadingKeys`. DynamoDB
 * Local does not enforce IAM, so this test drives every such function through the gateway the way
 * callers do, records the partition key of every write each one sends (attributed through the
 * gateway's `invokingFunction`), and checks each key against that function's LeadingKeys — a
 * pattern too narrow would fail here, not in production.
 */
const PUBLIC_WRITERS = [
  'signInWithWechat',
  'refreshSession',
  'searchProducts',
  'getProduct',
  'verifyDocument',
  'sendAssistantMessage',
  'rateAssistantAnswer',
  'openLetterLink',
] as const;

const writes = new Map<string, Set<string>>();
let container: System;
let gateway: TestGateway;
let api: ApiClient;

/** The partition keys a write command touches, in the document client's form or DynamoDB's own. */
function partitionKeys(command: string, input: Record<string, unknown>): string[] {
  const pk = (item: unknown): string[] => {
    const value = (item as { pk?: string | { S?: string } } | undefined)?.pk;
    const key = typeof value === 'string' ? value : value?.S;
    return key ? [key] : [];
  };
  const each = (entries: Record<string, { Item?: unknown; Key?: unknown }>[]) =>
    entries.flatMap((entry) => Object.values(entry).flatMap((op) => pk(op.Item ?? op.Key)));
  switch (command.replace(/(Item)?Command$/, '')) {
    case 'Put':
      return pk(input.Item);
    case 'Update':
    case 'Delete':
      return pk(input.Key);
    case 'TransactWrite':
    case 'TransactWriteItems':
      return each((input.TransactItems ?? []) as Record<string, { Item?: unknown; Key?: unknown }>[]);
    case 'BatchWrite':
      return each(Object.values((input.RequestItems ?? {}) as Record<string, never[]>).flat());
    default:
      return [];
  }
}

beforeAll(async () => {
  gateway = await startTestGateway({ system: () => createSystem() });
  container = gateway.system;
  // Every handler writes through the system's one document client.
  container.table.client.observe(({ action, input }) => {
    const fn = invokingFunction.getStore();
    if (fn) {
      const keys = partitionKeys(`${action}Command`, input as Record<string, unknown>);
      const seen = writes.get(fn) ?? new Set<string>();
      for (const key of keys) seen.add(key);
      writes.set(fn, seen);
    }
    return undefined;
  });
  await seedDemoDataOnce({ repositories: container.repositories });
  api = createApiClient(gateway.url);
  await driveEveryPublicWriter();
});

/** Every public writer, driven the way callers drive it. */
async function driveEveryPublicWriter() {
  expect((await api.get('/products/search?q=zhongji')).status).toBe(200);
  expect((await api.get('/products/CI01')).status).toBe(200);
  const pdfBase64 = Buffer.from('%PDF-1.7 not ours').toString('base64');
  expect((await api.post('/documents/verify', { pdfBase64 })).status).toBeLessThan(500);

  const anonymous = await api.post<{ conversationId: string }>('/assistant/messages', {
    text: '怎么办理保单贷款',
  });
  expect(anonymous.status, anonymous.text).toBe(200);
  const rated = await api.post('/assistant/feedback', {
    conversationId: anonymous.body.conversationId,
    turn: 1,
    rating: 'down',
  });
  expect(rated.status, rated.text).toBeLessThan(300);
  const token = await accessTokenFor(container, 'demo-customer-c001');
  // An unknown question also lands in the review queue.
  for (const text of ['我的保单能贷多少钱', '你们公司地址在哪', '转人工', 'qwxz plmk 火星'])
    expect((await api.post('/assistant/messages', { text }, { token })).status).toBe(200);
  // An angry complaint hands the conversation to a person from this public function.
  const angry = await api.post<{ handoff?: unknown }>(
    '/assistant/messages',
    { text: '我要投诉！理赔拖了三个月，你们就是骗子😡' },
    { token: await accessTokenFor(container, 'demo-customer-c011') },
  );
  expect(angry.status, angry.text).toBe(200);
  expect(angry.body.handoff, 'the angry complaint was handed over').toBeTruthy();

  const session = await api.post<{ refreshToken: string }>('/auth/wechat', {
    code: 'code-public-writes',
    privacyConsentVersion: '2026-11-01',
  });
  expect(session.status, session.text).toBe(200);
  expect((await api.post('/auth/refresh', { refreshToken: session.body.refreshToken })).status).toBe(200);

  const issued = await issueLetter(issueLetterDeps(container), {
    customerId: 'C001',
    policyNo: '8831010000001',
    letterType: 'endorsement_confirmation',
    sourceKey: 'endorsement.effective:PUBLIC-WRITES',
    facts: { holderName: '张伟', policyNo: '8831010000001', productName: '示例人寿终身寿险' },
  });
  const linkToken = await container.letterLinks.token(issued.letter.letterId);
  expect((await api.get(`/letter-links/${linkToken}`)).status).toBe(200);

  for (const fn of PUBLIC_WRITERS)
    expect(writes.get(fn)?.size ?? 0, `${fn} wrote something`).toBeGreaterThan(0);
}

afterAll(async () => {
  await gateway?.close();
});

const prod = loadServerlessConfig({ stage: 'prod' });

function leadingKeys(functionName: string): string[][] {
  const fn = prod.functions?.[functionName] as { iamRoleStatements?: Record<string, Yaml>[] } | undefined;
  return (fn?.iamRoleStatements ?? [])
    .filter((statement) => JSON.stringify(statement.Action).includes('dynamodb:PutItem'))
    .map((statement) => {
      const condition = statement.Condition as Record<string, Record<string, string[]>> | undefined;
      return condition?.['ForAllValues:StringLike']?.['dynamodb:LeadingKeys'] ?? [];
    });
}

const likes = (pattern: string, value: string) =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  ).test(value);

describe('public functions write only within their LeadingKeys', () => {
  it.each(PUBLIC_WRITERS)(
    '%s: every write grant is conditioned on LeadingKeys that cover its writes',
    (fn) => {
      const grants = leadingKeys(fn);
      expect(grants.length, `${fn} has a write grant`).toBeGreaterThan(0);
      for (const patterns of grants) {
        expect(patterns.length, `${fn}: LeadingKeys condition`).toBeGreaterThan(0);
        for (const key of writes.get(fn) ?? [])
          expect(
            patterns.some((pattern) => likes(pattern, key)),
            `${fn} writes ${key}, outside ${patterns.join(' ')}`,
          ).toBe(true);
      }
    },
  );
});

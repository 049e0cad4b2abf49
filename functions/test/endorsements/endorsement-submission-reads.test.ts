import { randomUUID } from 'node:crypto';
import type {
  CreateEndorsementRequest,
  EndorsementApplication,
} from '@zhixiang/shared/endorsement/application';
import { describe, expect, it } from 'vitest';
import { GetCommand, UpdateCommand } from '../../src/platform/dynamodb/document-client';
import { getPlatform } from '../../src/platform/process';
import { demoPolicyNo, useEndorsementStack } from './endorsement-steps';
import { signedDrafts } from './signed-drafts';

/**
 * Submission at the floor of its DynamoDB work: a fresh draft keeps the policy and parties its
 * rule read and its own timeline, so its submission reads the application and sends one
 * transaction (which also frees the policy's open-application slot). What must still hold: a
 * policy changed since the draft refuses it with the precise message and writes nothing; a draft
 * from before these were kept submits by reading as before; two submissions at once make one.
 */
const stack = useEndorsementStack();
const { steps } = stack;
const ZHANG_PL01 = demoPolicyNo('C001', 'PL01');
const LI_PL02 = demoPolicyNo('C002', 'PL02');

/** The DynamoDB commands the handlers send while `run` runs, by name. */
async function commandsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const sent: string[] = [];
  const { client } = getPlatform().table;
  const stop = client.observe(({ action, input }) => {
    // Document-client keys are plain; the policy's point reads send marshalled ones.
    const pk = (input as { Key?: { pk?: string | { S?: string } } }).Key?.pk;
    const key = typeof pk === 'object' ? pk.S : pk;
    sent.push(key ? `${action}Command ${key}` : `${action}Command`);
    return undefined;
  });
  try {
    await run();
  } finally {
    stop();
  }
  return sent;
}

/** A signed draft whose evidence (signed) a first read recorded, as the submit screen does. */
async function signedAndSeen(userId: string, policyNo: string, request: CreateEndorsementRequest) {
  const [id = ''] = await signedDrafts(stack.container(), userId, policyNo, request, 1);
  expect((await steps.get(userId, id)).status).toBe(200);
  return id;
}

const slotKey = (policyNo: string, type: string) => ({
  pk: `OPENENDORSEMENT#${policyNo}#${type}`,
  sk: 'OPEN',
});

async function slotHolder(policyNo: string, type: string): Promise<string | null> {
  const { table, client } = stack.container().table;
  const { Item } = await client.send(
    new GetCommand({ TableName: table, Key: slotKey(policyNo, type), ConsistentRead: true }),
  );
  return (Item?.applicationId as string | undefined) ?? null;
}

describe('a fresh draft submitted', () => {
  it('reads only the application, sends one transaction that also frees the slot, and answers with the whole timeline', async () => {
    const id = await signedAndSeen('demo-customer-c001', ZHANG_PL01, {
      type: 'dividend_option_change',
      dividendOption: 'cash',
    });
    expect(await slotHolder(ZHANG_PL01, 'dividend_option_change')).toBe(id);
    // Products are reference data every process caches for 5 minutes: warm, as in a running system.
    await stack.container().repositories.products.getCached('PL01');

    let submitted: Awaited<ReturnType<typeof steps.submit>> | undefined;
    const sent = await commandsDuring(async () => {
      submitted = await steps.submit('demo-customer-c001', id, {}, null);
    });
    expect(submitted?.status, submitted?.text).toBe(200);
    // The application, then the one transaction: no policy, holder or timeline read, no release
    // after. (The field keyring, listed once per process every 5 minutes, is no part of it.)
    expect(sent.filter((c) => !c.endsWith('KEYRING#FIELD'))).toEqual([
      `GetItemCommand ENDORSEMENT#${id}`,
      'TransactWriteItemsCommand',
    ]);
    expect(await slotHolder(ZHANG_PL01, 'dividend_option_change')).toBeNull();
    const body = submitted?.body as EndorsementApplication;
    expect(body.status).toBe('document_issued');
    // The answer's timeline is the audit trail as stored, and the application's copy is the same.
    const events = await stack.container().repositories.endorsements.listEvents(id);
    expect(events.map((e) => e.type)).toEqual([
      'created',
      'identity_verified',
      'signed',
      'submitted',
      'approved',
      'effective',
      'document_issued',
    ]);
    const stored = await stack.container().repositories.endorsements.get(id);
    expect(stored?.timeline).toEqual(events);
    // The draft's copy of the policy and parties is gone with the submission.
    expect(stored?.drafted).toBeNull();
    expect((await steps.get('demo-customer-c001', id)).body).toEqual(body);
    expect((await stack.container().repositories.policies.get(ZHANG_PL01))?.dividendOption).toBe('cash');
  });
});

describe('a policy changed between draft and submit', () => {
  it('refuses with the precise message and writes nothing: the application, its timeline and its slot stay', async () => {
    const id = await signedAndSeen('demo-customer-c002', LI_PL02, {
      type: 'dividend_withdrawal',
      amountCents: 10_000,
    });
    const before = await stack.container().repositories.endorsements.get(id);
    expect(before?.drafted?.policy.version).toBe(before?.policyVersion);
    // Another writer (a debit result, an import) replaces the policy: its version moves.
    const policy = await stack.container().repositories.policies.get(LI_PL02);
    if (!policy) throw new Error('no policy');
    await stack
      .container()
      .repositories.policies.put({ ...policy, cashValueCents: policy.cashValueCents + 1 });

    const refused = await steps.submit('demo-customer-c002', id, {}, randomUUID());
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'CONFLICT', message: '保单信息已变更，请刷新后重试' });
    const after = await stack.container().repositories.endorsements.get(id);
    expect(after).toEqual(before);
    expect((await stack.container().repositories.endorsements.listEvents(id)).map((e) => e.type)).toEqual([
      'created',
      'identity_verified',
      'signed',
    ]);
    expect(await slotHolder(LI_PL02, 'dividend_withdrawal')).toBe(id);
    expect((await stack.container().repositories.policies.get(LI_PL02))?.version).toBe(policy.version + 1);
  });
});

describe('a draft from before the policy, timeline and slot were kept on it', () => {
  it('submits by reading the policy and the timeline, and frees the slot after the commit', async () => {
    const id = await signedAndSeen('demo-customer-c001', ZHANG_PL01, {
      type: 'dividend_option_change',
      dividendOption: 'accumulate',
    });
    const { table, client } = stack.container().table;
    await client.send(
      new UpdateCommand({
        TableName: table,
        Key: { pk: `ENDORSEMENT#${id}`, sk: 'ENDORSEMENT' },
        UpdateExpression: 'REMOVE draftedCipher, timeline, holdsOpenSlot',
      }),
    );
    let submitted: Awaited<ReturnType<typeof steps.submit>> | undefined;
    const sent = await commandsDuring(async () => {
      submitted = await steps.submit('demo-customer-c001', id, {}, null);
    });
    expect(submitted?.status, submitted?.text).toBe(200);
    expect(sent).toContain(`GetItemCommand POLICY#${ZHANG_PL01}`);
    expect(sent).toContain('QueryCommand');
    expect(sent).toContain(`DeleteItemCommand OPENENDORSEMENT#${ZHANG_PL01}#dividend_option_change`);
    expect((submitted?.body as EndorsementApplication | undefined)?.status).toBe('document_issued');
    expect(await slotHolder(ZHANG_PL01, 'dividend_option_change')).toBeNull();
    expect((await stack.container().repositories.policies.get(ZHANG_PL01))?.dividendOption).toBe(
      'accumulate',
    );
  });
});

describe('the same application submitted twice at once', () => {
  it('makes one submission: one 200, one 409, one submitted event, the timeline copy equal to the trail', async () => {
    const id = await signedAndSeen('demo-customer-c001', ZHANG_PL01, {
      type: 'dividend_option_change',
      dividendOption: 'cash',
    });
    const results = await Promise.all([
      steps.submit('demo-customer-c001', id, {}, null),
      steps.submit('demo-customer-c001', id, {}, null),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const events = await stack.container().repositories.endorsements.listEvents(id);
    expect(events.filter((e) => e.type === 'submitted')).toHaveLength(1);
    expect((await stack.container().repositories.endorsements.get(id))?.timeline).toEqual(events);
    expect(await slotHolder(ZHANG_PL01, 'dividend_option_change')).toBeNull();
  });
});

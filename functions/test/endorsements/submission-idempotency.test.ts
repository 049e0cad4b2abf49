import { randomUUID } from 'node:crypto';
import { AppError } from '@zhixiang/shared/errors';
import { describe, expect, it } from 'vitest';
import { claimsFor } from '../../src/auth/use-cases/session';
import { SubmissionIdempotency } from '../../src/endorsements/adapters/submission-idempotency';
import type { Actor } from '../../src/endorsements/use-cases/endorsement-deps';
import { getEndorsement } from '../../src/endorsements/use-cases/get-endorsement';
import { submitEndorsement } from '../../src/endorsements/use-cases/submit-endorsement';
import { endorsementDeps } from '../../src/endorsements/wiring';
import {
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '../../src/platform/dynamodb/document-client';
import { commandsSent } from '../support/command-spy';
import { demoPolicyNo, useEndorsementStack } from './endorsement-steps';
import { signedDrafts } from './signed-drafts';

/**
 * A financial submission's Idempotency-Key record is an item of the submission's own transaction:
 * read beside the application, written by the commit, nothing before or after it.
 */
const stack = useEndorsementStack();
const ZHANG_PL01 = demoPolicyNo('C001', 'PL01');

async function zhangWei(): Promise<Actor> {
  const user = await stack.container().repositories.users.get('demo-customer-c001');
  return { claims: claimsFor(user!), sourceIp: '203.0.113.9', userAgent: 'vitest' };
}

describe('a loan submitted under an Idempotency-Key', () => {
  it('reads the key beside the application and records the answer inside the one transaction', async () => {
    const deps = endorsementDeps(stack.container());
    const actor = await zhangWei();
    const [id = ''] = await signedDrafts(
      stack.container(),
      'demo-customer-c001',
      ZHANG_PL01,
      { type: 'policy_loan', amountCents: 200_000 },
      1,
    );
    await getEndorsement(deps, actor.claims, id); // observes the signature (as the submit screen does)
    const key = randomUUID();
    let first: unknown;
    const sent = await commandsSent(stack.container().table.client, async () => {
      first = await submitEndorsement(deps, actor, id, {}, key);
    });
    const writes = sent.filter(
      (s) => !['GetItemCommand', 'QueryCommand', 'BatchGetItemCommand'].includes(s.command),
    );
    // One write: the transaction (then at most the release of the policy's open-application slot).
    expect(writes[0]?.command).toBe('TransactWriteItemsCommand');
    expect(writes.slice(1).map((w) => w.command)).toEqual(writes.length > 1 ? ['DeleteItemCommand'] : []);
    const items = (writes[0]?.input as TransactWriteCommandInput | undefined)?.TransactItems ?? [];
    const recordPut = items.find((item) => String(item.Put?.Item?.pk).startsWith('IDEMPOTENCY#'));
    expect(recordPut?.Put?.ConditionExpression).toContain('attribute_not_exists(pk)');
    expect(first).toMatchObject({ status: 'document_issued' });

    // The same key again: the first answer, nothing written.
    let again: unknown;
    const repeat = await commandsSent(stack.container().table.client, async () => {
      again = await submitEndorsement(deps, actor, id, {}, key);
    });
    expect(again).toEqual(first);
    expect(repeat.map((s) => s.command)).not.toContain('TransactWriteItemsCommand');

    // Another key on the submitted application is refused.
    const other = await submitEndorsement(deps, actor, id, {}, randomUUID()).catch((e: unknown) => e);
    expect(other).toBeInstanceOf(AppError);
    expect((other as AppError).status).toBe(409);
  });
});

describe('the idempotency record', () => {
  it('expires: an expired record answers nothing and is replaced by the next commit; a live one refuses it', async () => {
    const table = stack.container().table;
    const records = new SubmissionIdempotency(table, 'test-expiry');
    const key = records.keyOf({
      applicationId: 'EA20261125AAAAAA',
      userId: 'u1',
      idempotencyKey: randomUUID(),
    });
    const now = Date.now();
    const commit = (at: number, response: unknown) =>
      table.client.send(
        new TransactWriteCommand({ TransactItems: [records.transactPut({ key, response, at })] }),
      );

    await commit(now - 25 * 3600_000, { answer: 'old' });
    expect(await records.recorded(key, now)).toBeNull();
    expect(await records.recorded(key, now - 24 * 3600_000)).toEqual({ answer: 'old' });

    await commit(now, { answer: 'new' });
    expect(await records.recorded(key, now)).toEqual({ answer: 'new' });
    await expect(commit(now + 1000, { answer: 'twice' })).rejects.toMatchObject({
      name: 'TransactionCanceledException',
    });
    expect(await records.recorded(key, now)).toEqual({ answer: 'new' });
  });
});

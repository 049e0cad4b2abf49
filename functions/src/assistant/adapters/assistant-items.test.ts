import type { ConversationTurn } from '@zhixiang/shared/ports/assistant-conversations';
import type { HandoffRecord } from '@zhixiang/shared/ports/handoffs';
import { describe, expect, it } from 'vitest';
import type { DynamoDocumentClient } from '../../platform/dynamodb/document-client';
import {
  conversationItem,
  DynamoConversationStore,
  reviewItemItem,
  turnItem,
} from './assistant-conversations';
import { DynamoHandoffStore, handoffItem, handoffMessageItem } from './handoffs';
import { activeKnowledgeItem, DynamoKnowledgeBaseRepository, knowledgeEntryItem } from './knowledge-base';
import { connectionItem, DynamoLiveChatConnectionStore, subscriptionItem } from './live-chat-connections';

/**
 * The assistant's items exactly as they have always been stored (other code reads and writes them:
 * seeds, benchmarks, the admin CLI): keys, attributes, the TTL attribute and the entity
 * markers. The updates are checked on what they send, through a client that answers without AWS.
 */
function recordingTable(answer: (operation: string, input: Record<string, unknown>) => unknown = () => ({})) {
  const sent: { operation: string; input: Record<string, unknown> }[] = [];
  const respond = async (operation: string, input: Record<string, unknown>) => {
    sent.push({ operation, input });
    return answer(operation, input);
  };
  const client = {
    send: (command: { operation: string; input: Record<string, unknown> }) =>
      respond(command.operation, command.input),
    call: (action: string, input: Record<string, unknown>) => respond(action, input),
  };
  return { ctx: { client: client as unknown as DynamoDocumentClient, table: 'T' }, sent };
}

const handoff: HandoffRecord = {
  handoffId: 'h1',
  customerId: 'c1',
  customerName: '张三',
  branchPath: '/a/b',
  intent: 'claim',
  status: 'queued',
  mode: 'live',
  createdAt: 1_700_000_000_000,
  claimedBy: null,
  claimedByName: null,
  summary: null,
  closedAt: null,
  lastSeq: 0,
};

describe('handoff items', () => {
  it('a new handoff: queued, on the queue index (gsi1) and the customer index (gsi2)', () => {
    expect(handoffItem(handoff)).toEqual({
      handoffId: 'h1',
      customerId: 'c1',
      customerName: '张三',
      branchPath: '/a/b',
      intent: 'claim',
      status: 'queued',
      mode: 'live',
      createdAt: 1700000000000,
      lastSeq: 0,
      pk: 'HANDOFF#h1',
      sk: 'HANDOFF',
      gsi1pk: 'HANDOFFS#queued',
      gsi1sk: '/a/b#1700000000000#h1',
      gsi2pk: 'CUSTOMER#c1#HANDOFFS',
      gsi2sk: 'HANDOFF#1700000000000',
      __edb_e__: 'handoff',
      __edb_v__: '1',
    });
    expect(handoffItem({ ...handoff, intent: null })).not.toHaveProperty('intent');
  });

  it('a message: its seq unpadded in the sort key', () => {
    expect(
      handoffMessageItem({
        handoffId: 'h1',
        seq: 12,
        from: 'staff',
        senderId: 's1',
        text: '你好',
        at: 1700000002000,
      }),
    ).toEqual({
      handoffId: 'h1',
      seq: 12,
      from: 'staff',
      senderId: 's1',
      text: '你好',
      at: 1700000002000,
      pk: 'HANDOFF#h1',
      sk: 'MSG#0000000012',
      __edb_e__: 'handoffMessage',
      __edb_v__: '1',
    });
  });

  it('a status change rewrites the index keys in the same conditional update', async () => {
    const stored = { ...handoffItem(handoff), status: 'claimed', claimedBy: 's1', claimedByName: '李四' };
    const { ctx, sent } = recordingTable((operation) =>
      operation === 'GetItem'
        ? {
            Item: Object.fromEntries(
              Object.entries(stored).map(([k, v]) => [
                k,
                typeof v === 'number' ? { N: String(v) } : { S: v },
              ]),
            ),
          }
        : { Attributes: { ...stored, status: 'closed', summary: 'ok', closedAt: 1700000001000 } },
    );
    const closed = await new DynamoHandoffStore(ctx).close('h1', 's1', 'ok', 1700000001000);
    expect(closed).toMatchObject({
      status: 'closed',
      summary: 'ok',
      closedAt: 1700000001000,
      claimedBy: 's1',
    });
    const update = sent[1]?.input as {
      UpdateExpression: string;
      ConditionExpression: string;
      ExpressionAttributeNames: Record<string, string>;
      ExpressionAttributeValues: Record<string, unknown>;
    };
    expect(update.ConditionExpression).toBe(
      'attribute_exists(pk) AND attribute_exists(sk) AND #status = :expected AND #claimedBy = :claimedBy',
    );
    const set: Record<string, unknown> = {};
    for (const assignment of update.UpdateExpression.replace(/^SET /, '').split(', ')) {
      const [name, value] = assignment.split(' = ') as [string, string];
      set[update.ExpressionAttributeNames[name] as string] = update.ExpressionAttributeValues[value];
    }
    expect(set).toEqual({
      status: 'closed',
      summary: 'ok',
      closedAt: 1700000001000,
      branchPath: '/a/b',
      createdAt: 1700000000000,
      customerId: 'c1',
      gsi1pk: 'HANDOFFS#closed',
      gsi1sk: '/a/b#1700000000000#h1',
      gsi2pk: 'CUSTOMER#c1#HANDOFFS',
      gsi2sk: 'HANDOFF#1700000000000',
      handoffId: 'h1',
      __edb_e__: 'handoff',
      __edb_v__: '1',
    });
  });
});

describe('live chat items', () => {
  it('a connection and a subscription, with their TTL as expiresAt', () => {
    expect(
      connectionItem(
        {
          connectionId: 'k1',
          userId: 'u1',
          role: 'customer',
          customerId: 'c1',
          branchPath: null,
          connectedAt: 1700000000000,
        },
        1700010800,
      ),
    ).toEqual({
      connectionId: 'k1',
      userId: 'u1',
      role: 'customer',
      customerId: 'c1',
      connectedAt: 1700000000000,
      expiresAt: 1700010800,
      pk: 'LIVECONN#k1',
      sk: 'LIVECONN',
      __edb_e__: 'liveChatConnection',
      __edb_v__: '1',
    });
    expect(subscriptionItem('h1', 'k1', 1700010800)).toEqual({
      handoffId: 'h1',
      connectionId: 'k1',
      expiresAt: 1700010800,
      pk: 'LIVECHAT#h1',
      sk: 'CONN#k1',
      __edb_e__: 'liveChatSubscription',
      __edb_v__: '1',
    });
  });

  it('subscribing adds the handoff to the connection’s string set, unconditionally', async () => {
    const { ctx, sent } = recordingTable();
    await new DynamoLiveChatConnectionStore(ctx, () => 1_700_000_000_000).subscribe('k1', 'h1');
    expect(sent.map((s) => s.operation)).toEqual(['UpdateItem', 'PutItem']);
    expect(sent[0]?.input).toEqual({
      TableName: 'T',
      Key: { pk: 'LIVECONN#k1', sk: 'LIVECONN' },
      UpdateExpression: 'SET #connectionId = :connectionId, #e = :e, #v = :v ADD #handoffIds :handoffIds',
      ExpressionAttributeNames: {
        '#connectionId': 'connectionId',
        '#e': '__edb_e__',
        '#v': '__edb_v__',
        '#handoffIds': 'handoffIds',
      },
      ExpressionAttributeValues: {
        ':connectionId': 'k1',
        ':e': 'liveChatConnection',
        ':v': '1',
        ':handoffIds': new Set(['h1']),
      },
    });
    expect(sent[1]?.input).toEqual({ TableName: 'T', Item: subscriptionItem('h1', 'k1', 1700010800) });
  });
});

const turn: ConversationTurn = {
  conversationId: 'v1',
  seq: 3,
  at: 1_700_000_000_000,
  text: '怎么理赔',
  intent: 'claim',
  confidence: 0.4,
  kind: 'clarify',
  answerId: 'a1',
  latencyMs: 12,
  signedIn: false,
};

describe('conversation items', () => {
  it('the state, with and without a pending policy choice', () => {
    const state = {
      conversationId: 'v1',
      ownerUserId: 'u1',
      lastIntent: 'claim' as const,
      misses: 1,
      pendingPolicyChoice: { intent: 'claim' as const, answerId: 'a1', policyNos: ['P1', 'P2'] },
      turnCount: 1,
      updatedAt: 1700000000000,
      version: 1,
    };
    expect(conversationItem(state, 1702592000)).toEqual({
      conversationId: 'v1',
      ownerUserId: 'u1',
      lastIntent: 'claim',
      misses: 1,
      pendingIntent: 'claim',
      pendingAnswerId: 'a1',
      pendingPolicyNos: ['P1', 'P2'],
      turnCount: 1,
      updatedAt: 1700000000000,
      version: 1,
      expiresAt: 1702592000,
      pk: 'ASSISTANTCONV#v1',
      sk: 'STATE',
      __edb_e__: 'assistantConversation',
      __edb_v__: '1',
    });
    expect(
      conversationItem(
        { ...state, ownerUserId: null, lastIntent: null, misses: 0, pendingPolicyChoice: null, version: 2 },
        1702592000,
      ),
    ).toEqual({
      conversationId: 'v1',
      misses: 0,
      turnCount: 1,
      updatedAt: 1700000000000,
      version: 2,
      expiresAt: 1702592000,
      pk: 'ASSISTANTCONV#v1',
      sk: 'STATE',
      __edb_e__: 'assistantConversation',
      __edb_v__: '1',
    });
  });

  it('a turn (its seq unpadded) and its entry in the report of its Shanghai day', () => {
    expect(turnItem(turn, 1702592000)).toEqual({
      conversationId: 'v1',
      seq: 3,
      at: 1700000000000,
      text: '怎么理赔',
      intent: 'claim',
      confidence: 0.4,
      kind: 'clarify',
      answerId: 'a1',
      latencyMs: 12,
      signedIn: false,
      expiresAt: 1702592000,
      pk: 'ASSISTANTCONV#v1',
      sk: 'TURN#0000000003',
      __edb_e__: 'assistantTurn',
      __edb_v__: '1',
    });
    expect(reviewItemItem(turn, 'thumbs_down', 1702592000)).toEqual({
      day: '2023-11-15',
      at: 1700000000000,
      conversationId: 'v1',
      seq: 3,
      reason: 'thumbs_down',
      text: '怎么理赔',
      intent: 'claim',
      confidence: 0.4,
      kind: 'clarify',
      answerId: 'a1',
      expiresAt: 1702592000,
      pk: 'ASSISTANTREVIEW#2023-11-15',
      sk: '1700000000000#v1#3#thumbs_down',
      __edb_e__: 'assistantReviewItem',
      __edb_v__: '1',
    });
  });

  it('a 👎 patches the turn (it must exist) and lists it in the report under the turn’s TTL', async () => {
    const { ctx, sent } = recordingTable(() => ({
      Attributes: { ...turnItem(turn, 1702592000), rating: 'down' },
    }));
    expect(await new DynamoConversationStore(ctx).rateTurn('v1', 3, 'down')).toBe(true);
    expect(sent[0]?.input).toMatchObject({
      Key: { pk: 'ASSISTANTCONV#v1', sk: 'TURN#0000000003' },
      ConditionExpression: 'attribute_exists(pk) AND attribute_exists(sk)',
      ExpressionAttributeValues: {
        ':rating': 'down',
        ':conversationId': 'v1',
        ':seq': 3,
        ':e': 'assistantTurn',
        ':v': '1',
      },
    });
    expect(sent[1]).toEqual({
      operation: 'PutItem',
      input: { TableName: 'T', Item: reviewItemItem(turn, 'thumbs_down', 1702592000) },
    });
  });
});

describe('knowledge base items', () => {
  it('an entry of a version, and the active pointer', () => {
    expect(
      knowledgeEntryItem(3, {
        id: 'e1',
        intent: 'claim',
        questions: ['q1', 'q2'],
        answer: 'A',
        personal: true,
        actions: [{ label: '查看', flow: 'policy_detail' }],
      }),
    ).toEqual({
      kbVersion: 3,
      intent: 'claim',
      entryId: 'e1',
      questions: ['q1', 'q2'],
      answer: 'A',
      personal: true,
      actions: [{ label: '查看', flow: 'policy_detail' }],
      pk: 'KNOWLEDGE#v3#claim',
      sk: 'ENTRY#e1',
      __edb_e__: 'knowledgeEntry',
      __edb_v__: '1',
    });
    expect(
      knowledgeEntryItem(3, { id: 'e2', intent: 'claim', questions: ['q'], answer: 'B', actions: [] }),
    ).toEqual({
      kbVersion: 3,
      intent: 'claim',
      entryId: 'e2',
      questions: ['q'],
      answer: 'B',
      pk: 'KNOWLEDGE#v3#claim',
      sk: 'ENTRY#e2',
      __edb_e__: 'knowledgeEntry',
      __edb_v__: '1',
    });
    expect(
      activeKnowledgeItem({ version: 3, contentHash: 'abc', entryCount: 2, activatedAt: 1700000000000 }),
    ).toEqual({
      kbVersion: 3,
      contentHash: 'abc',
      entryCount: 2,
      activatedAt: 1700000000000,
      pk: 'KNOWLEDGE',
      sk: 'ACTIVE',
      __edb_e__: 'knowledgeActive',
      __edb_v__: '1',
    });
  });

  it('the version counter: an unconditional ADD that keeps the counter’s markers', async () => {
    const { ctx, sent } = recordingTable(() => ({ Attributes: { last: 4 } }));
    expect(await new DynamoKnowledgeBaseRepository(ctx).reserveVersion()).toBe(4);
    expect(sent[0]?.input).toMatchObject({
      Key: { pk: 'KNOWLEDGE', sk: 'COUNTER' },
      UpdateExpression: 'SET #e = :e, #v = :v ADD #last :one',
      ExpressionAttributeValues: { ':e': 'knowledgeCounter', ':v': '1', ':one': 1 },
    });
  });
});

import type { AgentRecord } from '@zhixiang/shared/policy/model';
import type { AgentRepository } from '@zhixiang/shared/ports/repositories';
import { PutCommand } from '../dynamodb/document-client';
import { entityItem, type TableContext } from '../dynamodb/table';
import { getItem, type ItemKey, queryEntity, type RawItem } from './point-reads';
import { REFERENCE_CACHE_MS, ReferenceCache } from './reference-cache';

/**
 * Agents (entity `agent`). Keys: `pk=AGENT#<agentId>`, `sk=AGENT` (customers and policies name
 * their agent by id; the agent's token carries it too); gsi1 = the agents of a branch
 * (`gsi1pk=BRANCH#<branchId>#AGENTS`, `gsi1sk=AGENT#<agentId>`: assignment imports and staff views
 * pick an agent within a branch).
 */
export function agentKey(agentId: string): ItemKey {
  return { pk: `AGENT#${agentId}`, sk: 'AGENT' };
}

/** The agent item as stored (`record-items.test.ts` holds its exact shape). */
export function agentItem(agent: AgentRecord): RawItem {
  return entityItem('agent', {
    agentId: agent.agentId,
    name: agent.name,
    userId: agent.userId,
    branchId: agent.branchId,
    branchPath: agent.branchPath,
    ...agentKey(agent.agentId),
    gsi1pk: `BRANCH#${agent.branchId}#AGENTS`,
    gsi1sk: `AGENT#${agent.agentId}`,
  });
}

function toRecord(item: RawItem): AgentRecord {
  return {
    agentId: item.agentId as string,
    name: item.name as string,
    userId: item.userId as string,
    branchId: item.branchId as string,
    branchPath: item.branchPath as string,
  };
}

/** Agents by id for this process (reference data: see ReferenceCache). */
const cachedAgents = new ReferenceCache<AgentRecord>(REFERENCE_CACHE_MS);

export class DynamoAgentRepository implements AgentRepository {
  constructor(private readonly ctx: TableContext) {}

  async get(agentId: string): Promise<AgentRecord | null> {
    const item = await getItem(this.ctx, agentKey(agentId));
    return item ? toRecord(item) : null;
  }

  /** The agent from this process's cache (read at most every few minutes): names in views. */
  getCached(agentId: string): Promise<AgentRecord | null> {
    return cachedAgents.get(agentId, () => this.get(agentId));
  }

  async listByBranch(branchId: string): Promise<AgentRecord[]> {
    const items = await queryEntity(this.ctx, 'agent', {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :prefix)',
      ExpressionAttributeValues: { ':pk': `BRANCH#${branchId}#AGENTS`, ':prefix': 'AGENT#' },
    });
    return items.map(toRecord);
  }

  async put(agent: AgentRecord): Promise<void> {
    await this.ctx.client.send(new PutCommand({ TableName: this.ctx.table, Item: agentItem(agent) }));
    cachedAgents.forget(agent.agentId);
  }
}

import type { AgentRecord } from '@zhixiang/shared/policy/model';
import type { AgentRepository } from '@zhixiang/shared/ports/repositories';
import { Entity } from 'electrodb';
import { ALL_PAGES, SERVICE_NAME, type TableContext } from '../dynamodb/table';
import { REFERENCE_CACHE_MS, ReferenceCache } from './reference-cache';

export const agentSchema = {
  model: { entity: 'agent', version: '1', service: SERVICE_NAME },
  attributes: {
    agentId: { type: 'string', required: true },
    name: { type: 'string', required: true },
    userId: { type: 'string', required: true },
    branchId: { type: 'string', required: true },
    branchPath: { type: 'string', required: true },
  },
  indexes: {
    // Customers and policies name their agent by id; the agent's token carries it too.
    byId: {
      pk: { field: 'pk', composite: ['agentId'], template: 'AGENT#${agentId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'AGENT', casing: 'none' },
    },
    // The agents of a branch (assignment imports and staff views pick an agent within a branch).
    byBranch: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: ['branchId'], template: 'BRANCH#${branchId}#AGENTS', casing: 'none' },
      sk: { field: 'gsi1sk', composite: ['agentId'], template: 'AGENT#${agentId}', casing: 'none' },
    },
  },
} as const;

export function createAgentEntity(ctx: TableContext) {
  return new Entity(agentSchema, ctx);
}
export type AgentEntity = ReturnType<typeof createAgentEntity>;

/** Agents by id for this process (reference data: see ReferenceCache). */
const cachedAgents = new ReferenceCache<AgentRecord>(REFERENCE_CACHE_MS);

export class DynamoAgentRepository implements AgentRepository {
  constructor(private readonly entity: AgentEntity) {}

  async get(agentId: string): Promise<AgentRecord | null> {
    const { data } = await this.entity.get({ agentId }).go();
    return data ? { ...data } : null;
  }

  /** The agent from this process's cache (read at most every few minutes): names in views. */
  getCached(agentId: string): Promise<AgentRecord | null> {
    return cachedAgents.get(agentId, () => this.get(agentId));
  }

  async listByBranch(branchId: string): Promise<AgentRecord[]> {
    const { data } = await this.entity.query.byBranch({ branchId }).go(ALL_PAGES);
    return data.map((item) => ({ ...item }));
  }

  async put(agent: AgentRecord): Promise<void> {
    await this.entity.put(agent).go();
    cachedAgents.forget(agent.agentId);
  }
}

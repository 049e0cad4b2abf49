import { BRANCH_LEVELS } from '@zhixiang/shared/auth/schemas';
import type { BranchRecord } from '@zhixiang/shared/policy/model';
import type { BranchRepository } from '@zhixiang/shared/ports/repositories';
import { Entity } from 'electrodb';
import { ALL_PAGES, orNull, orUndefined, SERVICE_NAME, type TableContext } from '../dynamodb/table';
import { REFERENCE_CACHE_MS, ReferenceCache } from './reference-cache';

export const branchSchema = {
  model: { entity: 'branch', version: '1', service: SERVICE_NAME },
  attributes: {
    branchId: { type: 'string', required: true },
    name: { type: 'string', required: true },
    level: { type: BRANCH_LEVELS, required: true },
    parentId: { type: 'string' },
    path: { type: 'string', required: true },
  },
  indexes: {
    // Token claims and records carry a branchId; resolving its name and level is a point read.
    byId: {
      pk: { field: 'pk', composite: ['branchId'], template: 'BRANCH#${branchId}', casing: 'none' },
      sk: { field: 'sk', composite: [], template: 'BRANCH', casing: 'none' },
    },
    // The whole hierarchy in path order, so a subtree is one begins_with query on its path.
    byPath: {
      index: 'gsi1',
      pk: { field: 'gsi1pk', composite: [], template: 'BRANCHES', casing: 'none' },
      sk: { field: 'gsi1sk', composite: ['path'], template: '${path}', casing: 'none' },
    },
  },
} as const;

export function createBranchEntity(ctx: TableContext) {
  return new Entity(branchSchema, ctx);
}
export type BranchEntity = ReturnType<typeof createBranchEntity>;

type BranchItem = NonNullable<Awaited<ReturnType<ReturnType<BranchEntity['get']>['go']>>['data']>;

function toRecord(item: BranchItem): BranchRecord {
  return {
    branchId: item.branchId,
    name: item.name,
    level: item.level,
    parentId: orNull(item.parentId),
    path: item.path,
  };
}

/** Branches by id for this process (reference data: see ReferenceCache). */
const cachedBranches = new ReferenceCache<BranchRecord>(REFERENCE_CACHE_MS);

export class DynamoBranchRepository implements BranchRepository {
  constructor(private readonly entity: BranchEntity) {}

  async get(branchId: string): Promise<BranchRecord | null> {
    const { data } = await this.entity.get({ branchId }).go();
    return data ? toRecord(data) : null;
  }

  /** The branch from this process's cache (read at most every few minutes): names in views. */
  getCached(branchId: string): Promise<BranchRecord | null> {
    return cachedBranches.get(branchId, () => this.get(branchId));
  }

  /** Branches at or below `path` (the path itself included), in path order. */
  async listSubtree(path: string): Promise<BranchRecord[]> {
    const { data } = await this.entity.query.byPath({}).begins({ path }).go(ALL_PAGES);
    return data.filter((b) => b.path === path || b.path.startsWith(`${path}/`)).map(toRecord);
  }

  async put(branch: BranchRecord): Promise<void> {
    await this.entity.put({ ...branch, parentId: orUndefined(branch.parentId) }).go();
    cachedBranches.forget(branch.branchId);
  }
}

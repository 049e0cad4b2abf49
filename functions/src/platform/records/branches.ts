import type { BranchRecord } from '@zhixiang/shared/policy/model';
import type { BranchRepository } from '@zhixiang/shared/ports/repositories';
import { PutCommand } from '../dynamodb/document-client';
import { entityItem, orNull, type TableContext } from '../dynamodb/table';
import { getItem, type ItemKey, queryEntity, type RawItem } from './point-reads';
import { REFERENCE_CACHE_MS, ReferenceCache } from './reference-cache';

/**
 * Branches (entity `branch`). Keys: `pk=BRANCH#<branchId>`, `sk=BRANCH` (token claims and records
 * carry a branchId; resolving its name and level is a point read); gsi1 = the whole hierarchy in
 * path order (`gsi1pk=BRANCHES`, `gsi1sk=<path>`), so a subtree is one `begins_with` on its path.
 */
export function branchKey(branchId: string): ItemKey {
  return { pk: `BRANCH#${branchId}`, sk: 'BRANCH' };
}

/** The branch item as stored (`record-items.test.ts` holds its exact shape). */
export function branchItem(branch: BranchRecord): RawItem {
  return entityItem('branch', {
    branchId: branch.branchId,
    name: branch.name,
    level: branch.level,
    parentId: branch.parentId,
    path: branch.path,
    ...branchKey(branch.branchId),
    gsi1pk: 'BRANCHES',
    gsi1sk: branch.path,
  });
}

function toRecord(item: RawItem): BranchRecord {
  return {
    branchId: item.branchId as string,
    name: item.name as string,
    level: item.level as BranchRecord['level'],
    parentId: orNull(item.parentId as string | undefined),
    path: item.path as string,
  };
}

/** Branches by id for this process (reference data: see ReferenceCache). */
const cachedBranches = new ReferenceCache<BranchRecord>(REFERENCE_CACHE_MS);

export class DynamoBranchRepository implements BranchRepository {
  constructor(private readonly ctx: TableContext) {}

  async get(branchId: string): Promise<BranchRecord | null> {
    const item = await getItem(this.ctx, branchKey(branchId));
    return item ? toRecord(item) : null;
  }

  /** The branch from this process's cache (read at most every few minutes): names in views. */
  getCached(branchId: string): Promise<BranchRecord | null> {
    return cachedBranches.get(branchId, () => this.get(branchId));
  }

  /** Branches at or below `path` (the path itself included), in path order. */
  async listSubtree(path: string): Promise<BranchRecord[]> {
    const items = await queryEntity(this.ctx, 'branch', {
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pk AND begins_with(gsi1sk, :path)',
      ExpressionAttributeValues: { ':pk': 'BRANCHES', ':path': path },
    });
    return items.map(toRecord).filter((b) => b.path === path || b.path.startsWith(`${path}/`));
  }

  async put(branch: BranchRecord): Promise<void> {
    await this.ctx.client.send(new PutCommand({ TableName: this.ctx.table, Item: branchItem(branch) }));
    cachedBranches.forget(branch.branchId);
  }
}

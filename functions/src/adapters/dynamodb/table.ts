import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * Everything an ElectroDB entity needs to reach the one table. Every entity of the product shares
 * the same service name so ElectroDB's item identifiers (`__edb_e__`, `__edb_v__`) stay consistent.
 */
export interface TableContext {
  client: DynamoDBDocumentClient;
  table: string;
}

export const SERVICE_NAME = 'zhixiang';

/** The table's TTL attribute (epoch seconds) as an ElectroDB attribute; DynamoDB deletes expired items. */
export const TTL_ATTRIBUTE = { type: 'number', field: 'expiresAt' } as const;

/** Epoch milliseconds → the TTL attribute's epoch seconds. */
export function toTtlSeconds(epochMs: number): number {
  return Math.ceil(epochMs / 1000);
}

/** Reads every page: the lists here are small (a customer's policies, an agent's book). */
export const ALL_PAGES = { pages: 'all' } as const;

/** DynamoDB's refusal of a condition expression, however deep ElectroDB wrapped it. */
export function isConditionalCheckFailed(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current; depth++) {
    const name = (current as { name?: unknown }).name;
    if (name === 'ConditionalCheckFailedException' || name === 'TransactionCanceledException') return true;
    current = (current as { cause?: unknown }).cause;
  }
  return false;
}

/** DynamoDB keeps optional attributes absent, the domain keeps them null. */
export function orNull<T>(value: T | undefined): T | null {
  return value === undefined ? null : value;
}

export function orUndefined<T>(value: T | null | undefined): T | undefined {
  return value === null ? undefined : value;
}

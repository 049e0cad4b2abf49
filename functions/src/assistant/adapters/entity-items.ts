/**
 * The assistant's items carry ElectroDB's entity markers (`__edb_e__`, `__edb_v__`, written by
 * `electroItem`). Its reads kept only the items of the entity asked for; these do the same, so an
 * item of another entity under the same key or key prefix is never taken for one of ours.
 */
export type Item = Record<string, unknown>;

export function isEntityItem(entity: string, item: Item | null | undefined): item is Item {
  return !!item && item.__edb_e__ === entity && item.__edb_v__ === '1';
}

/** A Query's items of the entity, in the order read. */
export function entityItems(entity: string, items: readonly Item[]): Item[] {
  return items.filter((item) => isEntityItem(entity, item));
}

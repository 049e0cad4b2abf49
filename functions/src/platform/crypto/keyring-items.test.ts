import { expect, it } from 'vitest';
import { fieldKeyItem } from './keyring-store';

/** The keyring's items exactly as stored (the admin CLI's rotation and every cold start read them). */
it('a data key and the index key, versions zero-padded in the sort key', () => {
  const key = {
    version: 12,
    wrappedKey: 'wrapped',
    wrapperId: 'kms:alias/x',
    createdAt: '2026-12-01T00:00:00Z',
  };
  expect(fieldKeyItem('data', key)).toStrictEqual({
    kind: 'data',
    versionKey: '000012',
    ...key,
    pk: 'KEYRING#FIELD',
    sk: 'data#000012',
    __edb_e__: 'fieldKey',
    __edb_v__: '1',
  });
  expect(fieldKeyItem('index', { ...key, version: 1 })).toStrictEqual({
    kind: 'index',
    versionKey: '000001',
    ...key,
    version: 1,
    pk: 'KEYRING#FIELD',
    sk: 'index#000001',
    __edb_e__: 'fieldKey',
    __edb_v__: '1',
  });
});

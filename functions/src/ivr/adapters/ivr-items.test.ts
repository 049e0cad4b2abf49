import { describe, expect, it } from 'vitest';
import { ivrCallItem, ivrNonceItem } from './ivr-calls';

/** The IVR's items exactly as they have always been stored (keys and entity markers). */
describe('the IVR items', () => {
  it('an announced call, verified or not, expiring by TTL in epoch seconds', () => {
    const call = {
      callId: 'K1',
      callingNumberMasked: '138****5678',
      verified: true,
      customerId: 'C001',
      receivedAt: 1_764_560_000_000,
    };
    const item = {
      pk: 'IVRCALL#K1',
      sk: 'CALL',
      callId: 'K1',
      callingNumberMasked: '138****5678',
      verified: true,
      customerId: 'C001',
      receivedAt: 1_764_560_000_000,
      expiresAt: 1_764_646_401,
      __edb_e__: 'ivrCall',
      __edb_v__: '1',
    };
    expect(ivrCallItem(call, 1_764_646_400_001)).toEqual(item);
    const { customerId: _, ...unverified } = item;
    expect(ivrCallItem({ ...call, verified: false, customerId: null }, 1_764_646_400_001)).toEqual({
      ...unverified,
      verified: false,
    });
  });

  it("a signed request's nonce", () => {
    expect(ivrNonceItem('N1', 1_764_560_600_000)).toEqual({
      pk: 'IVRNONCE#N1',
      sk: 'NONCE',
      nonce: 'N1',
      expiresAt: 1_764_560_600,
      __edb_e__: 'ivrNonce',
      __edb_v__: '1',
    });
  });
});

import type { FieldCipher } from '@zhixiang/shared/ports/field-cipher';
import { isConditionalCheckFailed, type TableContext } from '../dynamodb/table';
import { createDataService } from '../records/repositories';

/** What the key rotation needs from the cipher: re-encrypt a value only when an older key made it. */
export type Reencrypter = Pick<FieldCipher, 'decrypt'> & { reencrypt(ciphertext: string): Promise<string> };

/**
 * Rewrites every encrypted attribute of customers and policies with the current data key (admin
 * key rotation; never on a request path — it scans). Each write is conditional on the item being
 * unchanged since it was read, so a concurrent endorsement is never overwritten: such an item was
 * just written with the current key anyway. Returns how many items were rewritten.
 */
export async function reencryptStoredFields(
  ctx: TableContext,
  cipher: Reencrypter,
  progress: (done: number) => void = () => {},
): Promise<number> {
  const { entities } = createDataService(ctx);
  let rewritten = 0;

  const customers = await entities.customer.scan.go({ pages: 'all' });
  for (const item of customers.data) {
    const [idNumberCipher, phoneCipher] = await Promise.all([
      cipher.reencrypt(item.idNumberCipher),
      cipher.reencrypt(item.phoneCipher),
    ]);
    if (idNumberCipher === item.idNumberCipher && phoneCipher === item.phoneCipher) continue;
    try {
      await entities.customer
        .patch({ customerId: item.customerId })
        .set({ idNumberCipher, phoneCipher })
        .where(
          (attr, op) =>
            `${op.eq(attr.idNumberCipher, item.idNumberCipher)} AND ${op.eq(attr.phoneCipher, item.phoneCipher)}`,
        )
        .go();
      progress(++rewritten);
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }

  const policies = await entities.policy.scan.go({ pages: 'all' });
  for (const item of policies.data) {
    const beneficiaries = await Promise.all(
      item.beneficiaries.map(async (b: (typeof item.beneficiaries)[number]) => ({
        ...b,
        idNumberCipher: await cipher.reencrypt(b.idNumberCipher),
      })),
    );
    const account = item.renewalAccount;
    const renewalAccount = account
      ? { ...account, accountNumberCipher: await cipher.reencrypt(account.accountNumberCipher) }
      : undefined;
    const unchanged =
      beneficiaries.every((b, i) => b.idNumberCipher === item.beneficiaries[i]?.idNumberCipher) &&
      renewalAccount?.accountNumberCipher === account?.accountNumberCipher;
    if (unchanged) continue;
    try {
      // Same content, new ciphertext: the version is checked but not bumped.
      await entities.policy
        .patch({ policyNo: item.policyNo })
        .set({ beneficiaries, ...(renewalAccount ? { renewalAccount } : {}) })
        .where((attr, op) => op.eq(attr.version, item.version))
        .go();
      progress(++rewritten);
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }
  return rewritten;
}

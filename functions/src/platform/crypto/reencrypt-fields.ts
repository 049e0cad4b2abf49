import type { FieldCipher } from '@zhixiang/shared/ports/field-cipher';
import { UpdateCommand } from '../dynamodb/document-client';
import { conditionally, type TableContext } from '../dynamodb/table';
import { type CustomerAttributes, customerKey } from '../records/customers';
import { scanEntityPages } from '../records/point-reads';
import { type PolicyAttributes, policyKey } from '../records/policies';

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
  let rewritten = 0;

  for await (const item of scanned<CustomerAttributes>(ctx, 'customer', 'CUSTOMER')) {
    const [idNumberCipher, phoneCipher] = await Promise.all([
      cipher.reencrypt(item.idNumberCipher),
      cipher.reencrypt(item.phoneCipher),
    ]);
    if (idNumberCipher === item.idNumberCipher && phoneCipher === item.phoneCipher) continue;
    const written = await conditionally(
      ctx,
      new UpdateCommand({
        TableName: ctx.table,
        Key: customerKey(item.customerId),
        UpdateExpression: 'SET #idNumberCipher = :idNumberCipher, #phoneCipher = :phoneCipher',
        ConditionExpression:
          'attribute_exists(#pk) AND #idNumberCipher = :idNumberCipherRead AND #phoneCipher = :phoneCipherRead',
        ExpressionAttributeNames: {
          '#pk': 'pk',
          '#idNumberCipher': 'idNumberCipher',
          '#phoneCipher': 'phoneCipher',
        },
        ExpressionAttributeValues: {
          ':idNumberCipher': idNumberCipher,
          ':phoneCipher': phoneCipher,
          ':idNumberCipherRead': item.idNumberCipher,
          ':phoneCipherRead': item.phoneCipher,
        },
      }),
    );
    if (written) progress(++rewritten);
  }

  for await (const item of scanned<PolicyAttributes>(ctx, 'policy', 'POLICY')) {
    const beneficiaries = await Promise.all(
      item.beneficiaries.map(async (b) => ({
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
    // Same content, new ciphertext: the version is checked but not bumped.
    const written = await conditionally(
      ctx,
      new UpdateCommand({
        TableName: ctx.table,
        Key: policyKey(item.policyNo),
        UpdateExpression: renewalAccount
          ? 'SET #beneficiaries = :beneficiaries, #renewalAccount = :renewalAccount'
          : 'SET #beneficiaries = :beneficiaries',
        ConditionExpression: 'attribute_exists(#pk) AND #version = :version',
        ExpressionAttributeNames: {
          '#pk': 'pk',
          '#version': 'version',
          '#beneficiaries': 'beneficiaries',
          ...(renewalAccount ? { '#renewalAccount': 'renewalAccount' } : {}),
        },
        ExpressionAttributeValues: {
          ':beneficiaries': beneficiaries,
          ':version': item.version,
          ...(renewalAccount ? { ':renewalAccount': renewalAccount } : {}),
        },
      }),
    );
    if (written) progress(++rewritten);
  }
  return rewritten;
}

/** Every item of the entity, one at a time. */
async function* scanned<T>(ctx: TableContext, entity: string, prefix: string): AsyncGenerator<T> {
  for await (const page of scanEntityPages(ctx, entity, prefix)) yield* page as T[];
}

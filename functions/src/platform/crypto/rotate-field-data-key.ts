import { addDataKeyVersion, KeyringFieldCipher } from './field-cipher';
import type { DataKeyWrapper } from './key-wrappers';
import type { KeyringStore } from './keyring';

export interface RotateFieldDataKeyOptions {
  keyring: KeyringStore;
  wrapper: DataKeyWrapper;
  /**
   * Re-encrypts every stored encrypted field with the new current key and returns how many values
   * it rewrote. The data engineer's admin command passes a function that walks the entities and
   * calls `cipher.reencrypt(ciphertext)` on each encrypted attribute (it leaves current ones alone).
   * Omit it to only add the key: old values stay readable because old versions are kept.
   */
  reencryptAll?: (cipher: KeyringFieldCipher) => Promise<number>;
}

export interface RotateFieldDataKeyResult {
  previousVersion: number;
  currentVersion: number;
  reencrypted: number;
}

/**
 * Adds a new current data key version and optionally re-encrypts stored values with it. The blind
 * index key is deliberately untouched so lookups keep working during and after the rotation.
 */
export async function rotateFieldDataKey(
  options: RotateFieldDataKeyOptions,
): Promise<RotateFieldDataKeyResult> {
  const cipher = new KeyringFieldCipher({ keyring: options.keyring, wrapper: options.wrapper });
  const previousVersion = await cipher.currentVersion(true);
  if (!(await addDataKeyVersion(options.keyring, options.wrapper, previousVersion + 1))) {
    throw new Error(`data key version ${previousVersion + 1} already exists: another rotation is running`);
  }
  const currentVersion = await cipher.currentVersion(true);
  const reencrypted = options.reencryptAll ? await options.reencryptAll(cipher) : 0;
  return { previousVersion, currentVersion, reencrypted };
}

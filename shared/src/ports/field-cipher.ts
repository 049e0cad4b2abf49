/**
 * Field-level encryption for ID numbers, phones and bank accounts (AES-256-GCM with an envelope
 * data key: KMS when deployed, a local key file in the local stage). Lookups go through a keyed
 * HMAC blind index so nothing is ever decrypted in bulk to find a record.
 */
export type BlindIndexPurpose = 'id_number' | 'phone' | 'bank_account';

export interface FieldCipher {
  encrypt(plaintext: string): Promise<string>;
  decrypt(ciphertext: string): Promise<string>;
  blindIndex(purpose: BlindIndexPurpose, value: string): Promise<string>;
}

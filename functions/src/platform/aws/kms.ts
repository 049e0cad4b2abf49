import { callJsonApi, type JsonApi } from './json-api';

/** AWS KMS's two actions the field cipher uses (JSON protocol, target `TrentService.<Action>`). */
const KMS: JsonApi = {
  signingName: 'kms',
  endpointId: 'KMS',
  hostPrefix: 'kms',
  targetPrefix: 'TrentService',
  version: '1.1',
};

export interface KmsKeyRequest {
  KeyId: string;
  EncryptionContext: Record<string, string>;
}

export class KmsClient {
  /** `endpoint` replaces the service's (AWS_ENDPOINT_URL_KMS does the same for the whole process). */
  constructor(private readonly options: { endpoint?: string } = {}) {}

  /** A new 256-bit data key: in plaintext, and wrapped under the KMS key. */
  async generateDataKey(request: KmsKeyRequest): Promise<{ plaintext: Buffer; wrapped: Buffer }> {
    const out = await callJsonApi<{ Plaintext?: string; CiphertextBlob?: string }>(
      KMS,
      'GenerateDataKey',
      { ...request, KeySpec: 'AES_256' },
      this.options,
    );
    if (!out.Plaintext || !out.CiphertextBlob) throw new Error('KMS GenerateDataKey returned no key');
    return {
      plaintext: Buffer.from(out.Plaintext, 'base64'),
      wrapped: Buffer.from(out.CiphertextBlob, 'base64'),
    };
  }

  async decrypt(request: KmsKeyRequest & { CiphertextBlob: Buffer }): Promise<Buffer> {
    const out = await callJsonApi<{ Plaintext?: string }>(
      KMS,
      'Decrypt',
      { ...request, CiphertextBlob: request.CiphertextBlob.toString('base64') },
      this.options,
    );
    if (!out.Plaintext) throw new Error('KMS Decrypt returned no plaintext');
    return Buffer.from(out.Plaintext, 'base64');
  }
}

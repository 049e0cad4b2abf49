import { getJsonSecret } from '../../../platform/aws/parameters';
import type { InsurerKeyMaterial, InsurerKeySource, TrustedCaSource } from './insurer-certificate';

/**
 * Deployed stages: the insurer's CA-issued document-signing certificate from AWS Secrets Manager
 * (docs/electronic-documents.md says how to put it there), in two secrets so that the public
 * verify function may read the trusted CAs and never the key:
 * - the signing key, `{"p12Base64": "…", "passphrase": "…"}` (read by the signing functions only);
 * - the trusted CAs, `{"trustedCaPem": ["-----BEGIN CERTIFICATE-----…"]}`.
 * Each is cached for five minutes, so a renewed certificate is picked up without a deploy.
 */
export class SecretsManagerCertificates implements InsurerKeySource {
  constructor(private readonly secretId: string) {}

  async load(): Promise<InsurerKeyMaterial> {
    const value = (await getJsonSecret(this.secretId, { maxAge: 300 })) as
      | { p12Base64?: unknown; passphrase?: unknown }
      | undefined;
    if (!value || typeof value.p12Base64 !== 'string' || typeof value.passphrase !== 'string')
      throw new Error(`secret ${this.secretId} must hold {p12Base64, passphrase}`);
    return { p12: Buffer.from(value.p12Base64, 'base64'), passphrase: value.passphrase };
  }
}

export class SecretsManagerTrustedCas implements TrustedCaSource {
  constructor(private readonly secretId: string) {}

  async trustedCaPem(): Promise<string[]> {
    const value = (await getJsonSecret(this.secretId, { maxAge: 300 })) as
      | { trustedCaPem?: unknown }
      | undefined;
    const pems = value?.trustedCaPem;
    if (
      !Array.isArray(pems) ||
      pems.length === 0 ||
      !pems.every((pem) => typeof pem === 'string' && pem.includes('BEGIN CERTIFICATE'))
    )
      throw new Error(`secret ${this.secretId} must hold {trustedCaPem[]} (PEM certificates)`);
    return pems as string[];
  }
}

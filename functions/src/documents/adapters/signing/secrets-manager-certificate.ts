import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { InsurerCertificateMaterial, InsurerCertificateSource } from './insurer-certificate';

/**
 * Deployed stages: the insurer's CA-issued document-signing certificate from AWS Secrets Manager
 * (docs/electronic-documents.md says how to put it there). The secret is JSON:
 * `{"p12Base64": "…", "passphrase": "…", "trustedCaPem": ["-----BEGIN CERTIFICATE-----…"]}`.
 * Powertools caches it for five minutes, so a renewed certificate is picked up without a deploy.
 */
export class SecretsManagerCertificates implements InsurerCertificateSource {
  constructor(private readonly secretId: string) {}

  async load(): Promise<InsurerCertificateMaterial> {
    const value = (await getSecret(this.secretId, { transform: 'json', maxAge: 300 })) as
      | {
          p12Base64?: unknown;
          passphrase?: unknown;
          trustedCaPem?: unknown;
        }
      | undefined;
    if (
      !value ||
      typeof value.p12Base64 !== 'string' ||
      typeof value.passphrase !== 'string' ||
      !Array.isArray(value.trustedCaPem) ||
      !value.trustedCaPem.every((pem) => typeof pem === 'string' && pem.includes('BEGIN CERTIFICATE'))
    )
      throw new Error(`secret ${this.secretId} must hold {p12Base64, passphrase, trustedCaPem[]}`);
    return {
      p12: Buffer.from(value.p12Base64, 'base64'),
      passphrase: value.passphrase,
      trustedCaPem: value.trustedCaPem as string[],
    };
  }
}

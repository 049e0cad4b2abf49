import type { Config } from '../../../platform/config';
import { InsurerSigningKey, type TrustedCaSource, TrustedCas } from './insurer-certificate';
import { LocalTestCaCertificates } from './local-test-ca';
import { SecretsManagerCertificates, SecretsManagerTrustedCas } from './secrets-manager-certificate';

/**
 * The insurer's signing key and trusted CAs for this process, from the certificate source
 * configuration picks: Secrets Manager on deployed stages, the local test CA on the local stage
 * (which refuses others). Only the functions that sign or verify import this module (like the
 * assistant's jieba segmenter), so node-forge and the Secrets Manager client stay out of every
 * other bundle. The verify function takes `insurerTrustedCas` only: it never reads the key's secret.
 */
let current: { config: Config; key: InsurerSigningKey; trustedCas: TrustedCas } | undefined;

function forConfig(config: Config) {
  if (current?.config !== config) {
    const signing = config.documentSigning;
    const local =
      signing.provider === 'local-test-ca' ? new LocalTestCaCertificates(config.stage, signing.dir) : null;
    const trustedCaSource: TrustedCaSource =
      signing.provider === 'secrets-manager'
        ? new SecretsManagerTrustedCas(signing.trustedCaSecretId)
        : local!;
    current = {
      config,
      key: new InsurerSigningKey(
        signing.provider === 'secrets-manager' ? new SecretsManagerCertificates(signing.secretId) : local!,
        trustedCaSource,
      ),
      trustedCas: new TrustedCas(trustedCaSource),
    };
  }
  return current;
}

export function insurerSigningKey(config: Config): InsurerSigningKey {
  return forConfig(config).key;
}

export function insurerTrustedCas(config: Config): TrustedCas {
  return forConfig(config).trustedCas;
}

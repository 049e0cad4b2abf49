import type { Config } from '../../../platform/config';
import { InsurerSigningKey } from './insurer-certificate';
import { LocalTestCaCertificates } from './local-test-ca';
import { SecretsManagerCertificates } from './secrets-manager-certificate';

/**
 * The insurer's signing key for this process, from the certificate source configuration picks:
 * Secrets Manager on deployed stages, the local test CA on the local stage (which refuses others).
 * Only the three functions that sign or verify import this module (like the assistant's jieba
 * segmenter), so node-forge and the Secrets Manager client stay out of every other bundle.
 */
let current: { config: Config; key: InsurerSigningKey } | undefined;

export function insurerSigningKey(config: Config): InsurerSigningKey {
  if (current?.config !== config) {
    current = {
      config,
      key: new InsurerSigningKey(
        config.documentSigning.provider === 'secrets-manager'
          ? new SecretsManagerCertificates(config.documentSigning.secretId)
          : new LocalTestCaCertificates(config.stage, config.documentSigning.dir),
      ),
    };
  }
  return current.key;
}

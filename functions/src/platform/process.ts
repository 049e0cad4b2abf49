import type { Logger } from '@aws-lambda-powertools/logger';
import { KmsClient } from './aws/kms';
import { type Config, loadConfig } from './config';
import { KeyringFieldCipher } from './crypto/field-cipher';
import { type DataKeyWrapper, KmsKeyWrapper, LocalFileKeyProvider } from './crypto/key-wrappers';
import { DynamoKeyringStore } from './crypto/keyring-store';
import { getDocumentClient } from './dynamodb/client';
import type { TableContext } from './dynamodb/table';
import { getLogger } from './logging/logger';
import { createBusinessMetrics, type ProcessMetrics } from './metrics/business-metrics';
import { createSecrets, type Secrets } from './secrets';
import { AccessTokens } from './tokens/access-tokens';

/**
 * What every function of every context shares, built once per process (cold start) from the
 * validated configuration: the clock, the log, the business metrics, the table, secrets, the field
 * cipher and access tokens. A context's wiring (functions/src/<context>/wiring.ts) builds its own dependencies on top
 * of it, so a function bundles only the adapters its context uses.
 */
export interface Platform {
  config: Config;
  logger: Logger;
  /** Business metrics (docs/operations.md), flushed once per invocation by the HTTP and job wrappers. */
  metrics: ProcessMetrics;
  /** Epoch milliseconds; tests replace it to move time. */
  now: () => number;
  table: TableContext;
  secrets: Secrets;
  fieldKeyWrapper: DataKeyWrapper;
  fieldCipher: KeyringFieldCipher;
  accessTokens: AccessTokens;
}

export function createPlatform(config: Config = loadConfig(), overrides: Partial<Platform> = {}): Platform {
  const now = overrides.now ?? (() => Date.now());
  const table = overrides.table ?? { client: getDocumentClient(), table: config.tableName };
  const secrets = overrides.secrets ?? createSecrets(config);
  const fieldKeyWrapper = overrides.fieldKeyWrapper ?? createFieldKeyWrapper(config);
  return {
    config,
    logger: overrides.logger ?? getLogger(),
    metrics: overrides.metrics ?? createBusinessMetrics(config.stage),
    now,
    table,
    secrets,
    fieldKeyWrapper,
    fieldCipher:
      overrides.fieldCipher ??
      new KeyringFieldCipher({ keyring: new DynamoKeyringStore(table), wrapper: fieldKeyWrapper, now }),
    accessTokens: overrides.accessTokens ?? new AccessTokens(secrets.tokenSigningKey, now),
  };
}

export function createFieldKeyWrapper(config: Config): DataKeyWrapper {
  return config.fieldKey.provider === 'kms'
    ? new KmsKeyWrapper(new KmsClient(), config.fieldKey.keyId)
    : new LocalFileKeyProvider(config.stage, config.fieldKey.file);
}

let platform: Platform | undefined;
let wholeSystem: Platform | undefined;
let generation = 0;

/** The process's platform, built on first use. */
export function getPlatform(): Platform {
  platform ??= wholeSystem ?? createPlatform();
  return platform;
}

/**
 * A context's wiring: builds the context's dependencies from the platform on first use and keeps
 * them for the life of the process (or until the process's wiring is replaced).
 */
export function defineWiring<T extends Platform>(build: (platform: Platform) => T): () => T {
  let built: { generation: number; value: T } | undefined;
  return () => {
    // functions/src/system.ts proves at compile time that the whole system has every context's deps.
    if (wholeSystem) return wholeSystem as T;
    if (built?.generation !== generation) built = { generation, value: build(getPlatform()) };
    return built.value;
  };
}

/**
 * The local stage and tests: serve every context's wiring from one whole-system object (its clock,
 * its fakes), or, given undefined, rebuild everything from the environment on next use.
 */
export function replaceProcessWiring(system: Platform | undefined): void {
  wholeSystem = system;
  platform = undefined;
  generation += 1;
}

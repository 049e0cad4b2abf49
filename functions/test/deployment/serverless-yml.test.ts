import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { routes } from '@zhixiang/shared/api/routes';
import { LIVE_CHAT_ROUTES } from '@zhixiang/shared/assistant/live-chat';
import { describe, expect, it } from 'vitest';
import StageGuard from '../../../scripts/serverless-stage-guard.mjs';
import { loadServerlessConfig, type Yaml } from '../../local/serverless-config';

/**
 * What an admin deploys is checked here, without AWS: the routes agree with the shared contract,
 * every function carries its own least-privilege IAM statements, and the table and bucket have the
 * protections the issue asks for.
 */
const prod = loadServerlessConfig({ stage: 'prod' });
const dev = loadServerlessConfig({ stage: 'dev' });
const functions = Object.entries(prod.functions ?? {});
const resources = prod.resources?.Resources ?? {};

function httpRoutes(): string[] {
  return functions.flatMap(([, fn]) =>
    (fn.events ?? []).flatMap((event) =>
      typeof event.httpApi === 'object'
        ? [`${event.httpApi.method.toUpperCase()} ${event.httpApi.path}`]
        : [],
    ),
  );
}

function asArray<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

describe('serverless.yml', () => {
  it('declares exactly the routes of the shared contract', () => {
    const contract = Object.values(routes).map((route) => `${route.method} ${route.path}`);
    expect(httpRoutes().sort()).toEqual([...contract].sort());
  });

  it('gives every function its own IAM statements with no wildcard action or resource', () => {
    for (const [name, fn] of functions) {
      const statements = (fn as { iamRoleStatements?: Record<string, Yaml>[] }).iamRoleStatements;
      expect(statements, `${name} has iamRoleStatements`).toBeDefined();
      for (const statement of statements ?? []) {
        for (const action of asArray(statement.Action as string | string[])) {
          expect(action, `${name}: action ${action}`).not.toMatch(/\*/);
        }
        for (const resource of asArray(statement.Resource as Yaml)) {
          expect(resource, `${name}: resource`).not.toBe('*');
          if (typeof resource === 'string')
            expect(resource).toMatch(/AWS::Partition|^arn:\$\{AWS::Partition\}/);
        }
      }
    }
  });

  it('keeps the table recoverable, encrypted and expiring, and protected from deletion in prod only', () => {
    const table = resources.MainTable?.Properties ?? {};
    expect(table.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(table.SSESpecification).toEqual({ SSEEnabled: true, SSEType: 'KMS' });
    expect(table.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    expect(table.DeletionProtectionEnabled).toBe(true);
    expect(dev.resources?.Resources?.MainTable?.Properties?.DeletionProtectionEnabled).toBe(false);
  });

  it('blocks public access to the bucket, versions and encrypts it, aborts stale uploads and requires TLS', () => {
    const bucket = resources.DocumentBucket?.Properties ?? {};
    expect(bucket.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
    expect(bucket.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(JSON.stringify(bucket.BucketEncryption)).toContain('aws:kms');
    expect(JSON.stringify(bucket.LifecycleConfiguration)).toContain('AbortIncompleteMultipartUpload');
    const policy = JSON.stringify(resources.DocumentBucketTlsOnlyPolicy?.Properties ?? {});
    expect(policy).toContain('"aws:SecureTransport":"false"');
    expect(policy).toContain('"Effect":"Deny"');
  });

  it('deletes ID-card photos and selfie videos 30 days after upload (identity retention rule)', () => {
    const lifecycle = resources.DocumentBucket?.Properties?.LifecycleConfiguration as
      | { Rules?: Yaml[] }
      | undefined;
    const rules = lifecycle?.Rules ?? [];
    expect(rules).toContainEqual({
      Id: 'expire-identity-files',
      Status: 'Enabled',
      Prefix: 'identity/',
      ExpirationInDays: 30,
      NoncurrentVersionExpiration: { NoncurrentDays: 1 },
    });
  });

  it('keeps video authorisation evidence under Object Lock, KMS-encrypted, with a lifecycle that never expires it', () => {
    const bucket = resources.AuthorisationEvidenceBucket?.Properties as Record<string, Yaml>;
    expect(bucket.ObjectLockEnabled).toBe(true);
    // No default retention: each object is locked in governance mode when copied in (docs/authorisations.md).
    expect(bucket.ObjectLockConfiguration).toEqual({ ObjectLockEnabled: 'Enabled' });
    expect(bucket.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.BucketEncryption).toEqual({
      ServerSideEncryptionConfiguration: [
        {
          ServerSideEncryptionByDefault: {
            SSEAlgorithm: 'aws:kms',
            KMSMasterKeyID: { 'Fn::GetAtt': 'AuthorisationEvidenceKey.Arn' },
          },
          BucketKeyEnabled: true,
        },
      ],
    });
    expect(resources.AuthorisationEvidenceKey?.Properties?.EnableKeyRotation).toBe(true);
    const rules = (bucket.LifecycleConfiguration as { Rules: Record<string, Yaml>[] }).Rules;
    // Nothing expires the current version: the evidence lives until its retention ends with the policy.
    for (const rule of rules) {
      expect(rule).not.toHaveProperty('ExpirationInDays');
      expect(rule).not.toHaveProperty('ExpirationDate');
    }
    expect(rules).toContainEqual({
      Id: 'expire-purged-evidence-versions',
      Status: 'Enabled',
      Prefix: 'authorisations/',
      NoncurrentVersionExpiration: { NoncurrentDays: 1 },
    });
    // Uploads are staged in the document bucket and cleared after a week.
    const documentLifecycle = resources.DocumentBucket?.Properties?.LifecycleConfiguration as
      | { Rules?: Yaml[] }
      | undefined;
    const documentRules = documentLifecycle?.Rules ?? [];
    expect(documentRules).toContainEqual({
      Id: 'expire-authorisation-staging',
      Status: 'Enabled',
      Prefix: 'authorisations/',
      ExpirationInDays: 7,
      NoncurrentVersionExpiration: { NoncurrentDays: 1 },
    });
  });

  it('lets only the nightly purge of rejected recordings lift the governance lock', () => {
    const iam = (prod.custom as { iam: Record<string, { Action: string[] }> }).iam;
    const bypassing = Object.entries(iam)
      .filter(([, statement]) => statement.Action.includes('s3:BypassGovernanceRetention'))
      .map(([name]) => name);
    expect(bypassing).toEqual(['authorisationEvidencePurge']);
    const users = Object.entries(prod.functions as Record<string, { iamRoleStatements?: unknown[] }>)
      .filter(([, fn]) => JSON.stringify(fn.iamRoleStatements ?? []).includes('BypassGovernanceRetention'))
      .map(([name]) => name);
    expect(users).toEqual(['purgeRejectedRecordings']);
  });

  it('rotates the field-encryption KMS key', () => {
    expect(resources.FieldEncryptionKey?.Properties?.EnableKeyRotation).toBe(true);
  });

  // Live chat.
  it('declares the live chat WebSocket routes of the shared contract, pushing to this API only', () => {
    const websocketRoutes = functions.flatMap(([, fn]) =>
      (fn.events ?? []).flatMap((event) =>
        typeof event.websocket === 'object'
          ? [event.websocket.route]
          : event.websocket
            ? [event.websocket]
            : [],
      ),
    );
    expect(websocketRoutes.sort()).toEqual([...LIVE_CHAT_ROUTES].sort());
    // CloudFormation substitutions, not template strings.
    const websocketsApi = ['$', '{WebsocketsApi}'].join('');
    expect(JSON.stringify(prod.provider.environment?.LIVE_CHAT_ENDPOINT)).toContain(websocketsApi);
    const pushers = functions.filter(([, fn]) =>
      JSON.stringify(fn).includes('execute-api:ManageConnections'),
    );
    expect(pushers.map(([name]) => name).sort()).toEqual(
      [
        'claimHandoff',
        'closeHandoff',
        'sendHandoffMessage',
        'subscribeToHandoff',
        'withdrawHandoff',
        // The customer-voice stream pushes new items to listening executives (高管聆听).
        'listenToVoice',
        'projectVoice',
        'submitRant',
        // Executives listening in on a handoff chat get it (masked) and its messages pushed.
        'listenToHandoff',
        'leaveHandoff',
        // An escalated complaint is pushed to the executives listening to the level it reached.
        'escalateBreachedComplaints',
        // A service-standard alert is pushed to the staff and executives listening to its branch.
        'warnStandardBreaches',
      ].sort(),
    );
    for (const [, fn] of pushers) {
      expect(JSON.stringify(fn)).toMatch(
        /"arn:\$\{AWS::Partition\}:execute-api:\$\{AWS::Region\}:\$\{AWS::AccountId\}:\$\{WebsocketsApi\}\/prod\/POST\/@connections\/\*"/,
      );
    }
  });

  // Assistant live chat and the staff console: jieba's native binary for Lambda's platform.
  it('installs the native segmenter for Lambda’s platform when packaging and deploying', () => {
    const architecture = (prod.provider as { architecture?: string }).architecture;
    expect(architecture).toBe('arm64');
    expect((prod.custom?.esbuild as { external?: string[] } | undefined)?.external).toContain(
      '@node-rs/jieba',
    );
    const scripts = (
      JSON.parse(readFileSync(join(import.meta.dirname, '../../../package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    // Environment, not install arguments: serverless-esbuild's `npm prune` after the install would
    // otherwise swap the arm64 binary back for the build machine's (tried: it does).
    for (const name of ['package', 'deploy']) {
      expect(scripts[name], name).toMatch(
        /npm_config_cpu=arm64 npm_config_os=linux npm_config_libc=glibc osls /,
      );
    }
    expect(scripts['check:packaged']).toBeDefined();
  });

  it('refuses to package or deploy the local stage', () => {
    expect((prod as { plugins?: string[] }).plugins).toContain('./scripts/serverless-stage-guard.mjs');
    const hooksFor = (stage: string) =>
      new StageGuard({ service: { provider: { stage } } }, { stage }).hooks as Record<string, () => void>;
    const refused = hooksFor('local');
    for (const hook of [
      'before:package:initialize',
      'before:deploy:deploy',
      'before:deploy:function:initialize',
    ])
      expect(() => refused[hook]?.(), hook).toThrow(/"local" stage runs on this machine only/);
    for (const stage of ['dev', 'prod'])
      for (const run of Object.values(hooksFor(stage))) expect(run).not.toThrow();
  });

  // Electronic documents: the public verify function parses untrusted PDFs, so it must not be
  // able to read the signing key; the trusted CA certificates are a secret of their own.
  it('grants the signing key to the signing functions only; the public verify reads the trusted CAs only', () => {
    const grants = (secret: string) =>
      functions
        .filter(([, fn]) => JSON.stringify(fn).includes(`secret:zhixiang-kefu/prod/${secret}-??????`))
        .map(([name]) => name)
        .sort();
    // The outbox consumer issues and seals the 批单 when a change takes effect.
    expect(grants('document-signing')).toEqual([
      'deliverEndorsementEvents',
      'exportAuditCertificate',
      'signDocument',
    ]);
    expect(grants('document-trusted-cas')).toEqual([
      'deliverEndorsementEvents',
      'exportAuditCertificate',
      'signDocument',
      'verifyDocument',
    ]);
    const verify = JSON.stringify(prod.functions?.verifyDocument);
    expect(verify).not.toContain('document-signing');
    expect(prod.provider.environment?.DOCUMENT_TRUSTED_CA_SECRET_ID).toBe(
      'zhixiang-kefu/prod/document-trusted-cas',
    );
  });
});

describe('the routes anyone can call without a token', () => {
  /** Anonymous routes: public or optional auth, not signed by a partner system, not the local stage's demo. */
  const machineSigned = new Set([
    'identifyCaller',
    'checkWechatPush',
    'receiveWechatPush',
    'applyDebitResult',
    // WeChat Pay's payment notifications, signed by its platform key (payments).
    'receiveWechatPayNotification',
    // Service standards: the events of the insurer's other systems, HMAC-signed like billing's.
    'ingestStandardEvents',
    // Payouts: the finance system's results, HMAC-signed like billing's (payments).
    'receivePayoutResult',
  ]);
  const localOnly = new Set(['listDemoUsers', 'signInAsDemoUser']);
  const anonymous = Object.entries(routes)
    .filter(([name, route]) => route.auth !== 'user' && !machineSigned.has(name) && !localOnly.has(name))
    .map(([name, route]) => ({ name, key: `${route.method} ${route.path}` }));
  const stage = (prod.resources as { extensions?: Record<string, Yaml> } | undefined)?.extensions
    ?.HttpApiStage as
    | {
        DependsOn?: string[];
        Properties?: { DefaultRouteSettings?: Yaml; RouteSettings?: Record<string, Yaml> };
      }
    | undefined;

  it('throttles the whole HTTP API and each anonymous route more tightly', () => {
    expect(stage?.Properties?.DefaultRouteSettings).toMatchObject({
      ThrottlingRateLimit: 500,
      ThrottlingBurstLimit: 1000,
    });
    const settings = stage?.Properties?.RouteSettings ?? {};
    expect(Object.keys(settings).sort()).toEqual(anonymous.map((route) => route.key).sort());
    for (const [key, limits] of Object.entries(settings))
      expect((limits as { ThrottlingRateLimit: number }).ThrottlingRateLimit, key).toBeLessThanOrEqual(50);
    // A route's settings need the route to exist first: the framework's logical id of each route.
    const logicalId = (key: string) => {
      const [method = '', path = ''] = key.split(' ');
      const word = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
      const segments = path
        .split('/')
        .filter(Boolean)
        .map((segment) => {
          const variable = /^\{(\w+)\}$/.exec(segment);
          return variable
            ? `${word((variable[1] ?? '').toLowerCase())}Var`
            : word(segment.toLowerCase().replaceAll('-', 'Dash'));
        });
      return `HttpApiRoute${word(method.toLowerCase())}${segments.join('')}`;
    };
    expect([...(stage?.DependsOn ?? [])].sort()).toEqual(Object.keys(settings).map(logicalId).sort());
  });

  it('reserves (and caps) concurrency for each anonymous function', () => {
    const byRoute = new Map<string, { name: string; fn: unknown }>(
      functions.flatMap(([name, fn]) =>
        (fn.events ?? []).flatMap((event) =>
          typeof event.httpApi === 'object'
            ? [[`${event.httpApi.method.toUpperCase()} ${event.httpApi.path}`, { name, fn }] as const]
            : [],
        ),
      ),
    );
    for (const route of anonymous) {
      const fn = byRoute.get(route.key)?.fn as { reservedConcurrency?: number } | undefined;
      expect(fn?.reservedConcurrency, route.key).toBe(20);
    }
  });
});

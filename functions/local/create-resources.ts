import {
  type AttributeDefinition,
  type AttributeValue,
  BatchWriteItemCommand,
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DynamoDBClient,
  type GlobalSecondaryIndex,
  ScanCommand,
  type ScanCommandOutput,
  UpdateTableCommand,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { type CORSRule, CreateBucketCommand, PutBucketCorsCommand, S3Client } from '@aws-sdk/client-s3';
import { s3LocalClientConfig } from './s3-local';
import { type LoadOptions, loadServerlessConfig, localNameOf, type Yaml } from './serverless-config';

/**
 * Creates the DynamoDB tables and S3 buckets declared in serverless.yml `resources` on the local
 * emulators. serverless.yml stays the one source of truth: the key schema and indexes come from it,
 * and only what DynamoDB Local cannot take (PITR, SSE, TTL, deletion protection, tags) is dropped.
 */

export interface LocalTable {
  logicalId: string;
  input: CreateTableCommandInput;
}

export interface LocalBucket {
  logicalId: string;
  name: string;
}

export interface LocalResources {
  tables: LocalTable[];
  buckets: LocalBucket[];
  /** Logical id → local physical name, for resolving `!Ref` in environment variables. */
  refs: Record<string, string>;
  /** Bucket name → its CORS rules from serverless.yml, applied to the local bucket. */
  bucketCors?: Record<string, CORSRule[]>;
}

/** CreateTable parameters DynamoDB Local accepts; everything else in the CFN properties is dropped. */
const TABLE_PROPERTIES_KEPT = [
  'AttributeDefinitions',
  'KeySchema',
  'GlobalSecondaryIndexes',
  'LocalSecondaryIndexes',
  'BillingMode',
  'ProvisionedThroughput',
  'StreamSpecification',
] as const;

/** A CORS rule as CloudFormation spells it (`AWS::S3::Bucket` CorsConfiguration). */
export interface CloudFormationCorsRule {
  Id?: string;
  AllowedMethods: string[];
  AllowedOrigins: string[];
  AllowedHeaders?: string[];
  ExposedHeaders?: string[];
  MaxAge?: number;
}

/**
 * CloudFormation's CORS rule in the S3 API's words: CloudFormation says `ExposedHeaders` and
 * `MaxAge` where PutBucketCors says `ExposeHeaders` and `MaxAgeSeconds`. Passed on unmapped, the
 * exposed headers are dropped and a browser cannot read a presigned PUT's ETag (the multipart
 * upload of a video authorisation needs it).
 */
export function s3CorsRule(rule: CloudFormationCorsRule): CORSRule {
  const { ExposedHeaders, MaxAge, ...same } = rule;
  return {
    ...same,
    ...(ExposedHeaders ? { ExposeHeaders: ExposedHeaders } : {}),
    ...(MaxAge !== undefined ? { MaxAgeSeconds: MaxAge } : {}),
  };
}

export function readLocalResources(options: LoadOptions = {}): LocalResources {
  const config = loadServerlessConfig(options);
  const resources = config.resources?.Resources ?? {};
  const tables: LocalTable[] = [];
  const buckets: LocalBucket[] = [];
  const refs: Record<string, string> = {};
  const bucketCors: Record<string, CORSRule[]> = {};

  for (const [logicalId, resource] of Object.entries(resources)) {
    const properties = resource.Properties ?? {};
    if (resource.Type === 'AWS::DynamoDB::Table') {
      const name = localNameOf(properties.TableName ?? null, options.region);
      if (!name) throw new Error(`${logicalId}: TableName must be a string for the local stage`);
      const input: Record<string, unknown> = { TableName: name };
      for (const key of TABLE_PROPERTIES_KEPT) {
        if (properties[key] !== undefined) input[key] = properties[key];
      }
      // CloudFormation's StreamSpecification has no StreamEnabled flag; the API needs it.
      const stream = input.StreamSpecification as { StreamViewType?: string } | undefined;
      if (stream) input.StreamSpecification = { StreamEnabled: true, ...stream };
      tables.push({ logicalId, input: input as unknown as CreateTableCommandInput });
      refs[logicalId] = name;
    } else if (resource.Type === 'AWS::S3::Bucket') {
      const name = localNameOf(properties.BucketName ?? null, options.region) ?? logicalId.toLowerCase();
      buckets.push({ logicalId, name });
      refs[logicalId] = name;
      const cors = (properties.CorsConfiguration as { CorsRules?: CloudFormationCorsRule[] } | undefined)
        ?.CorsRules;
      if (cors) bucketCors[name] = cors.map(s3CorsRule);
    }
  }
  return { tables, buckets, refs, bucketCors };
}

/** Resolves a provider/function environment value for the local stage; undefined if it cannot be. */
export function resolveLocalValue(value: Yaml, refs: Record<string, string>): string | undefined {
  if (value === null) return undefined;
  if (typeof value !== 'object') return String(value);
  if (!Array.isArray(value) && typeof value.Ref === 'string') return refs[value.Ref];
  if (!Array.isArray(value) && 'Fn::Sub' in value) return localNameOf(value);
  return undefined;
}

// s3rver accepts only this key pair (signatures are not checked); DynamoDB Local accepts any.
export const localCredentials = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

export interface CreateResourcesOptions extends LoadOptions {
  dynamodbEndpoint: string;
  s3Endpoint: string;
  region?: string;
  log?: (line: string) => void;
}

export interface CreatedResources extends LocalResources {
  created: string[];
  existing: string[];
}

function isAlreadyThere(error: unknown): boolean {
  const name = (error as { name?: string }).name;
  return (
    name === 'ResourceInUseException' || name === 'BucketAlreadyOwnedByYou' || name === 'BucketAlreadyExists'
  );
}

/**
 * Creates one table; when it already exists (a kept `-dbPath` store from an earlier run), adds the
 * GSIs that serverless.yml has gained since, so old local data does not silently lack an index.
 */
export async function ensureTable(
  client: DynamoDBClient,
  input: CreateTableCommandInput,
): Promise<'created' | 'existing' | 'updated'> {
  try {
    await client.send(new CreateTableCommand(input));
    return 'created';
  } catch (error) {
    if (!isAlreadyThere(error)) throw error;
  }
  const { Table } = await client.send(new DescribeTableCommand({ TableName: input.TableName }));
  const present = new Set((Table?.GlobalSecondaryIndexes ?? []).map((index) => index.IndexName));
  const missing = (input.GlobalSecondaryIndexes ?? []).filter((index) => !present.has(index.IndexName));
  for (const index of missing) {
    await client.send(
      new UpdateTableCommand({
        TableName: input.TableName,
        AttributeDefinitions: attributesOf(input.AttributeDefinitions ?? [], index),
        GlobalSecondaryIndexUpdates: [{ Create: index }],
      }),
    );
  }
  return missing.length > 0 ? 'updated' : 'existing';
}

/**
 * Copies every item of table `from` into table `to` (which must exist) — or, with `keep`, the items
 * it keeps: a seeded local table cloned for a test file or a journey file, instead of seeding it
 * again. Batches of 25, each retried until nothing is left unprocessed. Returns how many were copied.
 */
const COPY_BATCHES_IN_FLIGHT = 4;

export async function copyTableItems(
  client: DynamoDBClient,
  from: string,
  to: string,
  keep: (item: Record<string, AttributeValue>) => boolean = () => true,
): Promise<number> {
  const writes: WriteRequest[] = [];
  let start: ScanCommandOutput['LastEvaluatedKey'];
  do {
    const page = await client.send(new ScanCommand({ TableName: from, ExclusiveStartKey: start }));
    for (const Item of page.Items ?? []) if (keep(Item)) writes.push({ PutRequest: { Item } });
    start = page.LastEvaluatedKey;
  } while (start);
  // Batches of 25, a few in flight at once: DynamoDB Local serves them side by side, and a journey
  // file copies the whole seeded table (a demo month of measured events among it) before it starts.
  let next = 0;
  const copyBatches = async () => {
    for (let i = next; i < writes.length; i = next) {
      next += 25;
      let batch = writes.slice(i, i + 25);
      while (batch.length > 0) {
        const result = await client.send(new BatchWriteItemCommand({ RequestItems: { [to]: batch } }));
        batch = result.UnprocessedItems?.[to] ?? [];
      }
    }
  };
  await Promise.all(Array.from({ length: COPY_BATCHES_IN_FLIGHT }, copyBatches));
  return writes.length;
}

function attributesOf(all: AttributeDefinition[], index: GlobalSecondaryIndex): AttributeDefinition[] {
  const names = new Set((index.KeySchema ?? []).map((key) => key.AttributeName));
  return all.filter((attribute) => names.has(attribute.AttributeName));
}

export async function createLocalResources(options: CreateResourcesOptions): Promise<CreatedResources> {
  const resources = readLocalResources(options);
  const region = options.region ?? 'cn-north-1';
  const log = options.log ?? (() => {});
  const created: string[] = [];
  const existing: string[] = [];

  const dynamodb = new DynamoDBClient({
    endpoint: options.dynamodbEndpoint,
    region,
    credentials: localCredentials,
  });
  const s3 = new S3Client({
    endpoint: options.s3Endpoint,
    region,
    credentials: localCredentials,
    ...s3LocalClientConfig,
  });
  try {
    for (const table of resources.tables) {
      const outcome = await ensureTable(dynamodb, table.input);
      (outcome === 'existing' ? existing : created).push(table.input.TableName!);
      log(`table ${table.input.TableName}: ${outcome}`);
    }
    for (const bucket of resources.buckets) {
      try {
        await s3.send(new CreateBucketCommand({ Bucket: bucket.name }));
        created.push(bucket.name);
        log(`bucket ${bucket.name}: created`);
      } catch (error) {
        if (!isAlreadyThere(error)) throw error;
        existing.push(bucket.name);
        log(`bucket ${bucket.name}: existing`);
      }
      // The bucket's CORS rules (browsers PUT identity photos with presigned URLs).
      const corsRules = resources.bucketCors?.[bucket.name];
      if (corsRules)
        await s3.send(
          new PutBucketCorsCommand({ Bucket: bucket.name, CORSConfiguration: { CORSRules: corsRules } }),
        );
    }
  } finally {
    dynamodb.destroy();
    s3.destroy();
  }
  return { ...resources, created, existing };
}

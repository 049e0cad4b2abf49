import { join } from 'node:path';
import {
  BatchWriteItemCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ScanCommand,
} from '@aws-sdk/client-dynamodb';
import {
  CreateBucketCommand,
  HeadBucketCommand,
  PutBucketCorsCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, inject, it } from 'vitest';
import '../test/support/local-stack-context';
import {
  copyTableItems,
  createLocalResources,
  ensureTable,
  localCredentials,
  readLocalResources,
  s3CorsRule,
} from './create-resources';
import { buildLocalEnv } from './local-env';
import { repoRoot, serverlessYmlPath } from './local-paths';
import { s3LocalClientConfig } from './s3-local';
import { loadServerlessConfig } from './serverless-config';

const fixtureYml = join(repoRoot, 'functions/test/support/fixtures/serverless.fixture.yml');

describe('readLocalResources', () => {
  it('takes the table, its keys and GSIs from serverless.yml, dropping what DynamoDB Local cannot take', () => {
    const config = loadServerlessConfig({ ymlPath: serverlessYmlPath, stage: 'local' });
    const declared = config.resources!.Resources!.MainTable!.Properties!;
    const { tables, buckets, refs } = readLocalResources({ ymlPath: serverlessYmlPath });

    expect(tables).toHaveLength(1);
    const input = tables[0]!.input;
    expect(input.TableName).toBe('zhixiang-kefu-local');
    expect(input.KeySchema).toEqual(declared.KeySchema);
    expect(input.AttributeDefinitions).toEqual(declared.AttributeDefinitions);
    expect(input.GlobalSecondaryIndexes).toEqual(declared.GlobalSecondaryIndexes);
    expect(input.BillingMode).toBe('PAY_PER_REQUEST');
    for (const dropped of [
      'SSESpecification',
      'PointInTimeRecoverySpecification',
      'TimeToLiveSpecification',
    ]) {
      expect(input).not.toHaveProperty(dropped);
    }
    expect(buckets).toEqual([
      { logicalId: 'DocumentBucket', name: 'zhixiang-kefu-local-documents' },
      { logicalId: 'AuthorisationEvidenceBucket', name: 'zhixiang-kefu-local-authorisations' },
    ]);
    expect(refs).toMatchObject({
      MainTable: 'zhixiang-kefu-local',
      DocumentBucket: 'zhixiang-kefu-local-documents',
      AuthorisationEvidenceBucket: 'zhixiang-kefu-local-authorisations',
    });
  });

  it('parses short-form intrinsics and resolves stage variables', () => {
    const config = loadServerlessConfig({ ymlPath: fixtureYml, stage: 'local' });
    const policy = config.resources!.Resources!.FixtureBucketPolicy!.Properties!;
    expect(policy.Bucket).toEqual({ Ref: 'FixtureBucket' });
    expect(JSON.stringify(policy.PolicyDocument)).toContain(
      '{"Fn::Join":["",[{"Fn::GetAtt":"FixtureBucket.Arn"},"/*"]]}',
    );
    expect(config.resources!.Resources!.FixtureTable!.Properties!.DeletionProtectionEnabled).toBe(false);
    expect(config.provider.environment!.STAGE).toBe('local');
  });
});

describe("the buckets' CORS rules", () => {
  it("says ExposeHeaders and MaxAgeSeconds as the S3 API does, not CloudFormation's ExposedHeaders and MaxAge", () => {
    expect(
      s3CorsRule({
        AllowedMethods: ['PUT'],
        AllowedOrigins: ['*'],
        AllowedHeaders: ['content-type'],
        ExposedHeaders: ['ETag'],
        MaxAge: 3600,
      }),
    ).toEqual({
      AllowedMethods: ['PUT'],
      AllowedOrigins: ['*'],
      AllowedHeaders: ['content-type'],
      ExposeHeaders: ['ETag'],
      MaxAgeSeconds: 3600,
    });
    expect(s3CorsRule({ AllowedMethods: ['GET'], AllowedOrigins: ['*'] })).toEqual({
      AllowedMethods: ['GET'],
      AllowedOrigins: ['*'],
    });
    const { bucketCors } = readLocalResources({ ymlPath: serverlessYmlPath });
    expect(bucketCors?.['zhixiang-kefu-local-documents']).toEqual([
      {
        AllowedMethods: ['PUT'],
        AllowedOrigins: ['*'],
        AllowedHeaders: ['content-type'],
        ExposeHeaders: ['ETag'],
        MaxAgeSeconds: 3600,
      },
    ]);
  });
});

describe('createLocalResources', () => {
  const stack = inject('localStack');

  it('creates the fixture table with its GSI and the bucket, and a second run changes nothing', async () => {
    const options = {
      ymlPath: fixtureYml,
      dynamodbEndpoint: stack.dynamodbEndpoint,
      s3Endpoint: stack.s3Endpoint,
    };
    const first = await createLocalResources(options);
    expect(first.created).toEqual(['fixture-local', 'fixture-local-files']);
    const second = await createLocalResources(options);
    expect(second.created).toEqual([]);
    expect(second.existing).toEqual(['fixture-local', 'fixture-local-files']);

    const dynamodb = new DynamoDBClient({
      endpoint: stack.dynamodbEndpoint,
      region: 'cn-north-1',
      credentials: localCredentials,
    });
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: 'fixture-local' }));
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(['byStatus']);
    expect(Table?.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    dynamodb.destroy();

    const s3 = new S3Client({
      endpoint: stack.s3Endpoint,
      region: 'cn-north-1',
      credentials: localCredentials,
      ...s3LocalClientConfig,
    });
    await expect(s3.send(new HeadBucketCommand({ Bucket: 'fixture-local-files' }))).resolves.toBeDefined();
    s3.destroy();
  });

  it('lets a browser read the ETag of a presigned PUT into the documents bucket (its rules from serverless.yml)', async () => {
    const s3 = new S3Client({
      endpoint: stack.s3Endpoint,
      region: 'cn-north-1',
      credentials: localCredentials,
      ...s3LocalClientConfig,
    });
    const bucket = 'cors-check-local-documents';
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    const rules = readLocalResources({ ymlPath: serverlessYmlPath }).bucketCors![
      'zhixiang-kefu-local-documents'
    ]!;
    await s3.send(new PutBucketCorsCommand({ Bucket: bucket, CORSConfiguration: { CORSRules: rules } }));
    const url = await getSignedUrl(
      s3,
      new PutObjectCommand({ Bucket: bucket, Key: 'part', ContentType: 'video/webm' }),
      { expiresIn: 60 },
    );
    const response = await fetch(url, {
      method: 'PUT',
      headers: { origin: 'http://localhost:10086', 'content-type': 'video/webm' },
      body: new Uint8Array([1, 2, 3]),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]{32}"$/);
    expect(response.headers.get('access-control-expose-headers')).toBe('ETag');
    expect(response.headers.get('access-control-max-age')).toBe('3600');
    s3.destroy();
  });

  it('builds the handler environment from provider.environment with local providers', async () => {
    const env = await buildLocalEnv({
      ymlPath: fixtureYml,
      dynamodbEndpoint: stack.dynamodbEndpoint,
      s3Endpoint: stack.s3Endpoint,
      dataDir: stack.dataDir,
    });
    expect(env).toMatchObject({
      STAGE: 'local',
      TABLE_NAME: 'fixture-local',
      BUCKET_NAME: 'fixture-local-files',
      AWS_ENDPOINT_URL_DYNAMODB: stack.dynamodbEndpoint,
      AWS_ENDPOINT_URL_S3: stack.s3Endpoint,
      FIELD_KEY_PROVIDER: 'local-file',
      SMS_PROVIDER: 'sandbox-outbox',
      WECHAT_PROVIDER: 'sandbox',
    });
    expect(env.FIELD_KEY_ID).toBeUndefined();
    expect(env.TOKEN_SIGNING_KEY!.length).toBeGreaterThanOrEqual(32);
    // The key is kept: a second build returns the same one.
    const again = await buildLocalEnv({
      ymlPath: fixtureYml,
      dynamodbEndpoint: stack.dynamodbEndpoint,
      s3Endpoint: stack.s3Endpoint,
      dataDir: stack.dataDir,
    });
    expect(again.TOKEN_SIGNING_KEY).toBe(env.TOKEN_SIGNING_KEY);
  });
});

describe('test setup', () => {
  it('gives each test file its own table with the GSIs of serverless.yml', async () => {
    expect(process.env.TABLE_NAME).toMatch(/^zhixiang-kefu-local-test-/);
    const dynamodb = new DynamoDBClient({});
    const { Table } = await dynamodb.send(new DescribeTableCommand({ TableName: process.env.TABLE_NAME }));
    const declared = readLocalResources().tables[0]!.input.GlobalSecondaryIndexes!.map(
      (index) => index.IndexName,
    );
    expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(
      [...declared].sort(),
    );
    dynamodb.destroy();
  });
});

describe('copyTableItems', () => {
  it('copies every item into another table, or only those it is told to keep', async () => {
    const dynamodb = new DynamoDBClient({});
    const table = readLocalResources().tables[0]!.input;
    const from = process.env.TABLE_NAME!;
    const every = `${from}-every`;
    const kept = `${from}-kept`;
    try {
      // More than one batch of 25, so batches go side by side.
      const items = Array.from({ length: 60 }, (_, i) => ({
        pk: { S: i % 3 === 0 ? `DROP#${i}` : `KEEP#${i}` },
        sk: { S: 'ITEM' },
      }));
      for (let i = 0; i < items.length; i += 25)
        await dynamodb.send(
          new BatchWriteItemCommand({
            RequestItems: { [from]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
          }),
        );
      await ensureTable(dynamodb, { ...table, TableName: every });
      await ensureTable(dynamodb, { ...table, TableName: kept });

      expect(await copyTableItems(dynamodb, from, every)).toBe(60);
      expect(await copyTableItems(dynamodb, from, kept, (item) => !item.pk?.S?.startsWith('DROP#'))).toBe(40);

      const keys = async (name: string) =>
        ((await dynamodb.send(new ScanCommand({ TableName: name }))).Items ?? [])
          .map((item) => item.pk?.S)
          .sort();
      expect(await keys(every)).toEqual(items.map((item) => item.pk.S).sort());
      expect(await keys(kept)).toEqual(
        items
          .map((item) => item.pk.S)
          .filter((pk) => pk.startsWith('KEEP#'))
          .sort(),
      );
    } finally {
      dynamodb.destroy();
    }
  });
});

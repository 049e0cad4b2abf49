import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CloudFormationClient, DescribeStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { buildLocalEnv } from '../local/local-env';
import { localDir } from '../local/local-paths';

export type AdminStage = 'local' | 'dev' | 'prod';

/**
 * Points this process at a stage's table, bucket and field key before the container is built, the
 * same way the handlers are configured (environment variables read by functions/src/config.ts).
 * - local: the stack `npm start` runs (its endpoints from .local/stack.json, else the default
 *   ports), with the same key file, so the CLI and the local API read each other's data.
 * - dev / prod: the deployed CloudFormation stack `zhixiang-kefu-<stage>`, whose physical resource
 *   ids give the table, bucket and KMS key; AWS credentials from the default chain.
 */
export async function configureStage(
  stage: AdminStage,
  options: { region?: string } = {},
): Promise<Record<string, string>> {
  const env = stage === 'local' ? await localEnvironment() : await deployedEnvironment(stage, options.region);
  Object.assign(process.env, env);
  return env;
}

interface LocalStackFile {
  dynamodbEndpoint?: string;
  s3Endpoint?: string;
  tableName?: string;
  bucketName?: string;
}

async function localEnvironment(): Promise<Record<string, string>> {
  const stackFile = join(localDir, 'stack.json');
  const running: LocalStackFile = existsSync(stackFile) ? JSON.parse(readFileSync(stackFile, 'utf8')) : {};
  const dynamodbEndpoint =
    running.dynamodbEndpoint ?? `http://127.0.0.1:${process.env.DYNAMODB_PORT ?? 8000}`;
  const s3Endpoint = running.s3Endpoint ?? `http://127.0.0.1:${process.env.S3_PORT ?? 4569}`;
  await assertReachable(dynamodbEndpoint);
  const env = await buildLocalEnv({ dynamodbEndpoint, s3Endpoint });
  if (running.tableName) env.TABLE_NAME = running.tableName;
  if (running.bucketName) env.BUCKET_NAME = running.bucketName;
  return env;
}

async function assertReachable(endpoint: string): Promise<void> {
  try {
    await fetch(endpoint, { signal: AbortSignal.timeout(2000) });
  } catch {
    throw new Error(`本地 DynamoDB（${endpoint}）未运行：请先在另一个终端执行 npm start`);
  }
}

async function deployedEnvironment(stage: 'dev' | 'prod', region?: string): Promise<Record<string, string>> {
  const stackName = `zhixiang-kefu-${stage}`;
  const cloudFormation = new CloudFormationClient(region ? { region } : {});
  const { StackResources = [] } = await cloudFormation
    .send(new DescribeStackResourcesCommand({ StackName: stackName }))
    .catch((error: Error) => {
      throw new Error(
        `读取 CloudFormation 栈 ${stackName} 失败（是否已部署、凭证与区域是否正确？）：${error.message}`,
      );
    });
  const physicalId = (logicalId: string) => {
    const id = StackResources.find((r) => r.LogicalResourceId === logicalId)?.PhysicalResourceId;
    if (!id) throw new Error(`栈 ${stackName} 中没有资源 ${logicalId}`);
    return id;
  };
  return {
    STAGE: stage,
    ...(region ? { AWS_REGION: region } : {}),
    TABLE_NAME: physicalId('MainTable'),
    BUCKET_NAME: physicalId('DocumentBucket'),
    FIELD_KEY_PROVIDER: 'kms',
    FIELD_KEY_ID: physicalId('FieldEncryptionKey'),
    SSM_PREFIX: `/zhixiang-kefu/${stage}`,
  };
}

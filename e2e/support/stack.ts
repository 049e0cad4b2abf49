import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { type CreateTableCommandInput, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import { copyTableItems, ensureTable, localCredentials } from '../../functions/local/create-resources';
import { startEphemeralStack } from '../../functions/local/ephemeral-stack';
import { startGateway } from '../../functions/local/gateway';
import { startH5Server } from '../../functions/local/h5-server';
import { repoRoot } from '../../functions/local/local-paths';

export const h5Dist = join(repoRoot, 'miniprogram', 'dist', 'h5');

/**
 * The local stage the journeys run against, in two parts: the seeded stack, started once per run
 * (DynamoDB Local in memory, s3rver, the table and bucket from serverless.yml, the demo data), and
 * the app, served by each journey file in its own process (the API gateway and the H5 server) over
 * its own copy of the seeded table.
 */
export interface SeededStack {
  /** The local-stage environment handlers read (see functions/local/local-env.ts). */
  env: Record<string, string>;
  dataDir: string;
  dynamodbEndpoint: string;
  /** CreateTable input of serverless.yml's table, named as the seeded table. */
  table: CreateTableCommandInput;
  /** When the journeys' clock starts (see clock.ts); the demo data is seeded for that day. */
  clockStartsAt: number;
}

export async function startSeededStack(
  clockStartsAt: number,
): Promise<SeededStack & { stop(): Promise<void> }> {
  if (!existsSync(join(h5Dist, 'index.html'))) {
    throw new Error('miniprogram/dist/h5 is missing: run `npm run build:h5 -w miniprogram` first');
  }
  const stack = await startEphemeralStack();
  try {
    // The seed reads its configuration from process.env, as the handlers do on Lambda.
    Object.assign(process.env, stack.env);
    quietRequestLog();
    const { seedDemoData } = await import('../../functions/src/seed/seed-demo-data');
    await seedDemoData({ today: todayInShanghai(new Date(clockStartsAt)) });
    const table = stack.resources.tables[0]?.input;
    if (!table) throw new Error('serverless.yml declares no table');
    return {
      env: stack.env,
      dataDir: stack.dataDir,
      dynamodbEndpoint: stack.dynamodb.endpoint,
      table,
      clockStartsAt,
      stop: () => stack.stop(),
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

/** Request lines would drown the test report; E2E_LOG=1 brings them back. */
function quietRequestLog(): void {
  if (!process.env.E2E_LOG) process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
}

/**
 * Gives this process data of its own: a copy of the seeded table, and its own SMS and WeChat
 * outboxes and signing certificate folder, so journeys that change the same demo customer do not
 * see each other. Sets the environment the handlers and the journey read.
 */
export async function useOwnCopyOfSeededData(stack: SeededStack): Promise<void> {
  const client = new DynamoDBClient({
    endpoint: stack.dynamodbEndpoint,
    region: stack.env.AWS_REGION,
    credentials: localCredentials,
  });
  const from = stack.table.TableName;
  if (!from) throw new Error('the seeded table has no name');
  const to = `${from}-${randomUUID().slice(0, 8)}`;
  try {
    await ensureTable(client, { ...stack.table, TableName: to });
    await copyTableItems(client, from, to);
  } finally {
    client.destroy();
  }
  const own = await mkdtemp(join(stack.dataDir, 'journey-'));
  Object.assign(process.env, stack.env, {
    TABLE_NAME: to,
    SMS_OUTBOX_FILE: join(own, 'sms-outbox.jsonl'),
    WECHAT_OUTBOX_FILE: join(own, 'wechat-outbox.jsonl'),
    DOCUMENT_SIGNING_DIR: join(own, 'document-signing'),
  });
  quietRequestLog();
}

export interface JourneyApp {
  /** The H5 app, served like a CDN would (SPA fallback, /runtime-config.js). */
  appUrl: string;
  apiUrl: string;
  smsOutboxFile: string;
  close(): Promise<void>;
}

/** The API gateway and the H5 server in this process, over the environment in process.env. */
export async function serveJourneyApp(): Promise<JourneyApp> {
  const gateway = await startGateway({ port: 0, log: () => {} });
  try {
    const h5 = await startH5Server({ root: h5Dist, apiPort: gateway.port });
    return {
      appUrl: h5.url,
      apiUrl: `http://localhost:${gateway.port}`,
      smsOutboxFile: process.env.SMS_OUTBOX_FILE ?? '',
      close: async () => {
        await h5.close();
        await gateway.close();
      },
    };
  } catch (error) {
    await gateway.close();
    throw error;
  }
}

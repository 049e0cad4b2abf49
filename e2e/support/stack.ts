import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { type AttributeValue, type CreateTableCommandInput, DynamoDBClient } from '@aws-sdk/client-dynamodb';
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
 *
 * The demo month of measured events for the standards dashboard (functions/src/seed/
 * demo-measurements.ts) is nine items in ten of the seed, and only the dashboard reads it: a journey
 * file's copy leaves it out (copied from `tableWithoutDemoMonth`, made once per run), and a file
 * that shows the dashboard adds it to its copy (`addSeededDemoMonth`).
 */
export interface SeededStack {
  /** The local-stage environment handlers read (see functions/local/local-env.ts). */
  env: Record<string, string>;
  dataDir: string;
  dynamodbEndpoint: string;
  /** CreateTable input of serverless.yml's table, named as the seeded table. */
  table: CreateTableCommandInput;
  /** The seeded table without the demo month of measured events: what each journey file copies. */
  tableWithoutDemoMonth: string;
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
    if (!table?.TableName) throw new Error('serverless.yml declares no table');
    const tableWithoutDemoMonth = `${table.TableName}-without-demo-month`;
    await withClient(stack.dynamodb.endpoint, stack.env, async (client) => {
      await ensureTable(client, { ...table, TableName: tableWithoutDemoMonth });
      await copyTableItems(
        client,
        table.TableName as string,
        tableWithoutDemoMonth,
        (item) => !isDemoMonth(item),
      );
    });
    return {
      env: stack.env,
      dataDir: stack.dataDir,
      dynamodbEndpoint: stack.dynamodb.endpoint,
      table,
      tableWithoutDemoMonth,
      clockStartsAt,
      stop: () => stack.stop(),
    };
  } catch (error) {
    await stack.stop();
    throw error;
  }
}

/**
 * An item of the demo month: a measured event (`MEVENT#…`, see measurement-stream.ts) of a demo case
 * (every demo case id starts with `DEMO-` or `demo_`, see demo-measurements.ts).
 */
function isDemoMonth(item: Record<string, AttributeValue>): boolean {
  const caseId = item.caseId?.S ?? '';
  return (
    (item.pk?.S ?? '').startsWith('MEVENT#') && (caseId.startsWith('DEMO-') || caseId.startsWith('demo_'))
  );
}

async function withClient<T>(
  endpoint: string,
  env: Record<string, string>,
  use: (client: DynamoDBClient) => Promise<T>,
): Promise<T> {
  const client = new DynamoDBClient({ endpoint, region: env.AWS_REGION, credentials: localCredentials });
  try {
    return await use(client);
  } finally {
    client.destroy();
  }
}

/** Request lines would drown the test report; E2E_LOG=1 brings them back. */
function quietRequestLog(): void {
  if (!process.env.E2E_LOG) process.env.POWERTOOLS_LOG_LEVEL = 'WARN';
}

/**
 * Gives this process data of its own: a copy of the seeded table (without the demo month, see
 * `addSeededDemoMonth`), and its own SMS and WeChat outboxes and signing certificate folder, so
 * journeys that change the same demo customer do not see each other. Sets the environment the
 * handlers and the journey read.
 */
export async function useOwnCopyOfSeededData(stack: SeededStack): Promise<void> {
  const to = `${stack.table.TableName}-${randomUUID().slice(0, 8)}`;
  await withClient(stack.dynamodbEndpoint, stack.env, async (client) => {
    await ensureTable(client, { ...stack.table, TableName: to });
    await copyTableItems(client, stack.tableWithoutDemoMonth, to);
  });
  const own = await mkdtemp(join(stack.dataDir, 'journey-'));
  Object.assign(process.env, stack.env, {
    TABLE_NAME: to,
    SMS_OUTBOX_FILE: join(own, 'sms-outbox.jsonl'),
    WECHAT_OUTBOX_FILE: join(own, 'wechat-outbox.jsonl'),
    DOCUMENT_SIGNING_DIR: join(own, 'document-signing'),
  });
  quietRequestLog();
}

/**
 * Adds the seed's demo month of measured events to this file's copy (see useOwnCopyOfSeededData):
 * for a journey file that shows the standards dashboard, which reads the month.
 */
export async function addSeededDemoMonth(stack: SeededStack): Promise<void> {
  const own = process.env.TABLE_NAME;
  if (!own || own === stack.table.TableName) throw new Error('this journey file has no copy of its own');
  await withClient(stack.dynamodbEndpoint, stack.env, (client) =>
    copyTableItems(client, stack.table.TableName as string, own, isDemoMonth),
  );
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

import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type CreateTableCommandInput, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import { inject } from 'vitest';
import { copyTableItems, ensureTable, localCredentials } from '../../local/create-resources';
import { type SeedDemoDataDeps, seedDemoData } from '../../src/seed/seed-demo-data';
import './local-stack-context';

/** How long a test file waits for another file's seed of the same day before seeding itself. */
const WAIT_FOR_TEMPLATE_MS = 40_000;

/**
 * The demo world (`seedDemoData`) in this test file's table, seeded once per run and day instead of
 * once per file: the first file to ask for a day seeds its own table and copies it into a template
 * table of that day; every later file copies the template into its own table. Same items (the same
 * keyring included, so the copies decrypt alike); a copy costs a fraction of a seed.
 *
 * Only an empty table is filled from a template (a seed on top of a file's own records, or a second
 * seed, goes through `seedDemoData` as before), and a file that cannot have the template in time
 * seeds itself. `seedDemoData`'s own tests call it directly.
 */
export async function seedDemoDataOnce(
  deps: Pick<SeedDemoDataDeps, 'repositories' | 'today'>,
): Promise<void> {
  const stack = inject('localStack');
  const table = process.env.TABLE_NAME;
  const today = deps.today ?? todayInShanghai();
  const client = new DynamoDBClient({
    endpoint: stack.dynamodbEndpoint,
    region: stack.env.AWS_REGION,
    credentials: localCredentials,
  });
  try {
    if (!table || !(await isEmpty(client, table))) {
      await seedDemoData({ ...deps, today });
      return;
    }
    const template = `${String(stack.tableDefinition.TableName)}-demo-${today}`;
    const marker = join(stack.dataDir, `demo-data-${today}`);
    if (claim(marker)) {
      try {
        await seedDemoData({ ...deps, today });
        await ensureTable(client, {
          ...stack.tableDefinition,
          TableName: template,
        } as CreateTableCommandInput);
        if ((await copyTableItems(client, table, template)) === 0)
          throw new Error(`the demo data of ${today} was not written to ${table}`);
        writeFileSync(`${marker}.ready`, '');
      } catch (error) {
        writeFileSync(`${marker}.failed`, String(error));
        throw error;
      }
      return;
    }
    if (await templateReady(marker)) await copyTableItems(client, template, table);
    else await seedDemoData({ ...deps, today });
  } finally {
    client.destroy();
  }
}

async function isEmpty(client: DynamoDBClient, table: string): Promise<boolean> {
  const page = await client.send(new ScanCommand({ TableName: table, Limit: 1 }));
  return (page.Items ?? []).length === 0;
}

/** True for the one process of the run that creates `marker` (mkdir is atomic). */
function claim(marker: string): boolean {
  try {
    mkdirSync(`${marker}.claimed`);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

async function templateReady(marker: string): Promise<boolean> {
  const deadline = Date.now() + WAIT_FOR_TEMPLATE_MS;
  while (Date.now() < deadline) {
    if (existsSync(`${marker}.ready`)) return true;
    if (existsSync(`${marker}.failed`)) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}

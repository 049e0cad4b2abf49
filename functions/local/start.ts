import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DOCUMENT_FONT_RELATIVE_PATH } from '../src/platform/pdf/document-font';
import { createLocalResources } from './create-resources';
import { type DynamoDbLocal, ensureDynamoDbLocal, startDynamoDbLocal } from './dynamodb-local';
import { type Gateway, startGateway } from './gateway';
import { type H5Server, startH5Server } from './h5-server';
import { buildLocalEnv } from './local-env';
import { assertPortFree, localDir, repoRoot, serverlessYmlPath } from './local-paths';
import { startLocalSchedules } from './local-schedules';
import { type S3Local, startS3Local } from './s3-local';

/**
 * `npm start`: the whole system on one machine — DynamoDB Local and s3rver keeping their data
 * under .local/, the table and bucket from serverless.yml, demo data, the API gateway and the H5
 * build of the mini program. Ctrl-C stops everything, the JVM included. It never says "ready"
 * while a prerequisite is missing: it names it with the one command that fixes it and exits 1.
 */

const API_PORT = Number(process.env.API_PORT ?? 3000);
const H5_PORT = Number(process.env.H5_PORT ?? 8080);
const DYNAMODB_PORT = Number(process.env.DYNAMODB_PORT ?? 8000);
const S3_PORT = Number(process.env.S3_PORT ?? 4569);
const HOST = process.env.HOST ?? '127.0.0.1';

const h5Dist = join(repoRoot, 'miniprogram', 'dist', 'h5');
const seedModule = join(repoRoot, 'functions', 'src', 'seed', 'seed-demo-data.ts');

const say = (line: string) => console.log(`[start] ${line}`);
const elapsed = () => `${process.uptime().toFixed(1)} s`;

const running: {
  dynamodb?: DynamoDbLocal;
  s3?: S3Local;
  gateway?: Gateway;
  h5?: H5Server;
  h5Build?: ChildProcess;
  stopSchedules?: () => void;
} = {};
let stopping = false;

async function stopAll(exitCode: number): Promise<never> {
  if (stopping) process.exit(exitCode);
  stopping = true;
  say('stopping …');
  // The build runs in its own process group (npm → sh → taro → webpack workers): end all of it.
  const build = running.h5Build;
  if (build?.pid && build.exitCode === null) {
    try {
      process.kill(-build.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  running.stopSchedules?.();
  await Promise.allSettled([running.gateway?.close(), running.h5?.close()]);
  await Promise.allSettled([running.s3?.stop(), running.dynamodb?.stop()]);
  // stack.json says "a stack is running here": remove it unless another start has replaced it.
  try {
    const stackFile = join(localDir, 'stack.json');
    if ((JSON.parse(readFileSync(stackFile, 'utf8')) as { pid?: number }).pid === process.pid)
      rmSync(stackFile);
  } catch {
    // no stack file: nothing to remove
  }
  process.exit(exitCode);
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** The H5 build is stale when any source the bundle is made of is newer than its index.html. */
function h5BuildIsStale(): boolean {
  const index = join(h5Dist, 'index.html');
  if (!existsSync(index)) return true;
  const built = statSync(index).mtimeMs;
  const sources = [
    'miniprogram/src',
    'miniprogram/config',
    'miniprogram/package.json',
    'miniprogram/babel.config.cjs',
    'miniprogram/tsconfig.json',
    'miniprogram/types',
    'miniprogram/project.config.json',
    'shared/src',
    'config',
  ];
  return sources.some((source) => newestMtime(join(repoRoot, source)) > built);
}

/** Builds the H5 app when it is missing or older than its sources; resolves to whether it succeeded. */
async function buildH5IfStale(): Promise<boolean> {
  if (process.env.SKIP_H5_BUILD) {
    say('SKIP_H5_BUILD is set: serving miniprogram/dist/h5 as it is');
    return existsSync(join(h5Dist, 'index.html'));
  }
  if (!process.env.FORCE_H5_BUILD && !h5BuildIsStale()) {
    say('H5 build is up to date');
    return true;
  }
  say('building the H5 app (npm run build:h5 -w miniprogram) …');
  const started = performance.now();
  const output: string[] = [];
  const code = await new Promise<number>((resolveExit) => {
    const child = spawn('npm', ['run', 'build:h5', '-w', 'miniprogram'], {
      cwd: repoRoot,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'production' },
    });
    const keep = (chunk: Buffer) => {
      output.push(chunk.toString());
      if (output.length > 200) output.shift();
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    running.h5Build = child;
    child.on('exit', (exitCode) => resolveExit(exitCode ?? 1));
    child.on('error', () => resolveExit(1));
  });
  if (stopping) return false;
  if (code !== 0) {
    say(`the H5 build failed (exit ${code}). Last output:\n${output.join('').slice(-3000)}`);
    return false;
  }
  say(`H5 app built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return true;
}

/** What npm start cannot run without and does not make itself, each with the command that provides it. */
function missingPrerequisites(): string[] {
  const missing: string[] = [];
  const java = spawnSync('java', ['-version'], { stdio: 'ignore' });
  if (java.error || java.status !== 0)
    missing.push('a Java runtime, for DynamoDB Local: apt-get install openjdk-17-jre-headless');
  if (!existsSync(join(repoRoot, DOCUMENT_FONT_RELATIVE_PATH)))
    missing.push(
      `the documents' font ${DOCUMENT_FONT_RELATIVE_PATH}: git checkout -- functions/assets/fonts`,
    );
  return missing;
}

async function failMissing(missing: string[]): Promise<never> {
  for (const line of missing) console.error(`[start] missing ${line}`);
  return stopAll(1);
}

/** The seed reads its configuration (table, key file) from process.env, like the handlers. */
type Seeder = () => Promise<unknown>;

interface SeedOutcome {
  signIns?: unknown[];
  /** The fictional customer an unbound demo account can bind to (name, ID number, phone). */
  binding?: { name: string; idNumber: string; phone: string };
}

async function seed(): Promise<SeedOutcome> {
  if (!existsSync(seedModule)) {
    say(`warning: ${relative(repoRoot, seedModule)} does not exist yet; no demo data seeded`);
    return {};
  }
  const module = (await import(pathToFileURL(seedModule).href)) as {
    seedDemoData?: Seeder;
    DEMO_SIGN_INS?: unknown[];
    DEMO_BINDING_CUSTOMER?: SeedOutcome['binding'];
  };
  if (typeof module.seedDemoData !== 'function') {
    say('warning: seed-demo-data.ts exports no seedDemoData(); no demo data seeded');
  } else {
    const started = performance.now();
    const report = await module.seedDemoData();
    say(`demo data seeded in ${Math.round(performance.now() - started)} ms: ${JSON.stringify(report ?? {})}`);
  }
  return {
    ...(Array.isArray(module.DEMO_SIGN_INS) ? { signIns: module.DEMO_SIGN_INS } : {}),
    ...(module.DEMO_BINDING_CUSTOMER ? { binding: module.DEMO_BINDING_CUSTOMER } : {}),
  };
}

function describeSignIn(entry: unknown): string {
  if (typeof entry === 'string') return entry;
  if (entry && typeof entry === 'object') {
    const { role, displayName, description } = entry as Record<string, unknown>;
    if (typeof role === 'string' && typeof displayName === 'string') {
      return `${role.padEnd(8)} ${displayName}${typeof description === 'string' ? ` — ${description}` : ''}`;
    }
    return Object.entries(entry)
      .filter(([, value]) => value !== undefined && value !== null && typeof value !== 'object')
      .map(([key, value]) => `${key}: ${String(value)}`)
      .join('  ');
  }
  return String(entry);
}

/**
 * `npm start` runs us as npm → sh → tsx → node; a SIGTERM sent to npm alone (as scripts do) kills
 * npm and sh but is not passed on. So we also watch those ancestors and stop when one goes away.
 */
function launcherPids(): number[] {
  const pids: number[] = [];
  let pid = process.ppid;
  for (let depth = 0; depth < 4 && pid > 1; depth += 1) {
    let stat: string;
    let comm: string;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      comm = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
    } catch {
      break; // not Linux, or gone
    }
    pids.push(pid);
    if (comm === 'npm' || comm.startsWith('npm ')) return pids;
    // Field 4 of /proc/PID/stat is the parent pid; the command name in field 2 may hold spaces.
    pid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  }
  // Not under npm: watch only our direct parent (the tsx launcher).
  return pids.slice(0, 1);
}

function stopWhenLauncherExits() {
  const watched = launcherPids();
  const timer = setInterval(() => {
    for (const pid of watched) {
      try {
        process.kill(pid, 0);
      } catch {
        say(`launcher process ${pid} exited`);
        void stopAll(143);
        return;
      }
    }
  }, 1000);
  timer.unref();
}

async function main() {
  process.on('SIGINT', () => void stopAll(130));
  process.on('SIGTERM', () => void stopAll(143));
  process.on('SIGHUP', () => void stopAll(129));
  stopWhenLauncherExits();

  const missing = missingPrerequisites();
  if (missing.length > 0) return failMissing(missing);
  // Fail in a second, not after the JVM start, when a port is taken (DynamoDB's is checked on start).
  await Promise.all([API_PORT, H5_PORT, S3_PORT].map((port) => assertPortFree(port, HOST)));
  // The H5 build (if needed) runs beside the JVM start: both take seconds and neither needs the other.
  const h5Built = buildH5IfStale();
  const emulatorDir = await ensureDynamoDbLocal();
  const [dynamodb, s3] = await Promise.all([
    startDynamoDbLocal({ port: DYNAMODB_PORT, dbPath: join(localDir, 'dynamodb'), emulatorDir }),
    startS3Local({ port: S3_PORT, directory: join(localDir, 's3') }),
  ]);
  running.dynamodb = dynamodb;
  running.s3 = s3;
  say(
    `DynamoDB Local ${dynamodb.endpoint} (data in .local/dynamodb), s3rver ${s3.endpoint} (data in .local/s3) — ${elapsed()}`,
  );

  const resources = await createLocalResources({
    dynamodbEndpoint: dynamodb.endpoint,
    s3Endpoint: s3.endpoint,
    log: (line) => say(line),
  });
  const env = await buildLocalEnv({
    dynamodbEndpoint: dynamodb.endpoint,
    s3Endpoint: s3.endpoint,
    resources,
  });
  // The seed and the handlers read their configuration from process.env, as on Lambda.
  Object.assign(process.env, env);

  let seeded: SeedOutcome = {};
  try {
    seeded = await seed();
  } catch (error) {
    say(`warning: seeding failed: ${(error as Error).stack ?? String(error)}`);
  }

  if (stopping) return;
  running.gateway = await startGateway({ port: API_PORT, host: HOST, env });
  const h5Ready = await h5Built;
  // Ctrl-C during the build ends it too: do not announce a stack that is shutting down.
  if (stopping) return;
  if (!h5Ready)
    return failMissing([
      'the H5 build of the mini program (miniprogram/dist/h5): npm run build:h5 -w miniprogram',
    ]);
  running.h5 = await startH5Server({ port: H5_PORT, host: HOST, root: h5Dist, apiPort: API_PORT });

  const apiUrl = `http://localhost:${API_PORT}`;
  const h5Url = `http://localhost:${H5_PORT}`;
  // Where the pieces are, for scripts (admin CLI, browser tests) that attach to a running stack.
  await writeFile(
    join(localDir, 'stack.json'),
    `${JSON.stringify(
      {
        pid: process.pid,
        apiUrl,
        h5Url,
        dynamodbEndpoint: dynamodb.endpoint,
        s3Endpoint: s3.endpoint,
        tableName: env.TABLE_NAME,
        bucketName: env.BUCKET_NAME,
      },
      null,
      2,
    )}\n`,
  );

  const lines = [
    '',
    '智享客服 is running (local stage)',
    `  H5 app       ${h5Url}`,
    `  API          ${apiUrl}   (${running.gateway.routes.length} routes from serverless.yml)`,
    `  Live chat    ${running.gateway.liveChatUrl.replace('127.0.0.1', 'localhost')}   (WebSocket API + its Management API)`,
    `  DynamoDB     ${dynamodb.endpoint}   table ${env.TABLE_NAME}`,
    `  S3 (s3rver)  ${s3.endpoint}   bucket ${env.BUCKET_NAME}`,
    `  SMS outbox   ${relative(repoRoot, env.SMS_OUTBOX_FILE ?? '')}   (verification codes land here: tail -f it)`,
  ];
  const { signIns, binding } = seeded;
  if (signIns && signIns.length > 0) {
    lines.push('  Demo sign-ins (H5 sign-in page → 演示账号, local stage only):');
    for (const entry of signIns) lines.push(`    - ${describeSignIn(entry)}`);
  }
  if (binding) {
    lines.push(
      `  Identity binding (fictional data): 姓名 ${binding.name} · 身份证号 ${binding.idNumber} · 手机 ${binding.phone}; the SMS code is in the outbox above`,
    );
  }
  // Every scheduled function of serverless.yml, as EventBridge would run it (rates every minute).
  running.stopSchedules = startLocalSchedules({ ymlPath: serverlessYmlPath, log: say });
  lines.push(
    `  WeChat outbox ${relative(repoRoot, env.WECHAT_OUTBOX_FILE ?? '')}   (subscribe messages; \`npm run admin -- --stage local outbox\` prints both)`,
    '  Scheduled jobs run here: the outboxes, callback reminders and complaint escalation every minute, renewal notices on the hour; `npm run admin -- --stage local send-renewal-notices` runs those now',
  );
  lines.push('  Ctrl-C stops everything.', '', `ready in ${process.uptime().toFixed(1)} s`);
  console.log(lines.join('\n'));
}

main().catch(async (error: unknown) => {
  const { code, port } = error as { code?: string; port?: number };
  if (code === 'EADDRINUSE') {
    console.error(
      `[start] failed: port ${port} is already in use — is another npm start running? ` +
        'Choose other ports with API_PORT, H5_PORT, DYNAMODB_PORT, S3_PORT.',
    );
    await stopAll(1);
  }
  console.error(`[start] failed: ${(error as Error).stack ?? String(error)}`);
  await stopAll(1);
});

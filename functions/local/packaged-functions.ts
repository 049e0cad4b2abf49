import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import AdmZip from 'adm-zip';
import { repoRoot } from './local-paths';

/**
 * What `npm run package` wrote to `.serverless/` — one zip per function and the service state
 * with each function's handler and events — and how to load a zip the way Lambda does: unzipped
 * into an empty folder, its handler imported by Node 22 in a process of its own that finds nothing
 * but the zip, the AWS SDK v3 the `nodejs22.x` runtime provides (serverless.yml leaves @aws-sdk/*
 * and @smithy/* out of the bundles) and, on a machine that is not Lambda's platform, this
 * machine's build of the native packages the zip carries for Lambda's. Shared by
 * check-packaged-functions.ts (`npm run check:packaged`) and bench/bundle-size.ts.
 */

export const packageDir = join(repoRoot, '.serverless');
const projectNode = join(repoRoot, 'node_modules', '.bin', 'node');
const runner = join(repoRoot, 'functions', 'local', 'packaged-function-runner.mjs');
/** The experimental features Lambda's nodejs22.x runtime turns off (see its Node.js docs). */
const LAMBDA_NODE_FLAGS = ['--no-experimental-require-module', '--no-experimental-detect-module'];
/** What the nodejs22.x runtime provides besides Node: the AWS SDK v3 and its Smithy packages. */
const RUNTIME_PROVIDED_SCOPES = ['@aws-sdk', '@smithy'];
const KIB = 1024;

export type FunctionKind = 'http' | 'schedule' | 'websocket' | 'none';

export interface PackagedFunction {
  name: string;
  /** `path/to/module.export`, as Lambda reads it. */
  handler: string;
  zip: string;
  memorySize: number;
  kind: FunctionKind;
  /** HTTP API routes (`GET /policies/{policyNo}`), WebSocket route keys or schedule expressions. */
  triggers: string[];
}

export interface PackagedService {
  functions: PackagedFunction[];
  /** Zips in .serverless/ that no function deploys. */
  strayZips: string[];
  /** Lambda's architecture as Node names it (`arm64`, `x64`). */
  architecture: string;
}

interface StateEvent {
  httpApi?: string | { method: string; path: string };
  websocket?: string | { route: string };
  schedule?: string | { rate: string | string[] };
}

interface ServiceState {
  service: {
    provider: { architecture?: string };
    functions: Record<
      string,
      { handler: string; memory?: number; events?: StateEvent[]; package?: { artifact?: string } }
    >;
  };
}

function triggersOf(events: StateEvent[]): Pick<PackagedFunction, 'kind' | 'triggers'> {
  const http = events.flatMap(({ httpApi }) =>
    httpApi === undefined
      ? []
      : [typeof httpApi === 'string' ? httpApi : `${httpApi.method.toUpperCase()} ${httpApi.path}`],
  );
  if (http.length > 0) return { kind: 'http', triggers: http };
  const websocket = events.flatMap(({ websocket }) =>
    websocket === undefined ? [] : [typeof websocket === 'string' ? websocket : websocket.route],
  );
  if (websocket.length > 0) return { kind: 'websocket', triggers: websocket };
  const schedule = events.flatMap(({ schedule }) =>
    schedule === undefined ? [] : [typeof schedule === 'string' ? schedule : String(schedule.rate)],
  );
  if (schedule.length > 0) return { kind: 'schedule', triggers: schedule };
  return { kind: 'none', triggers: [] };
}

/** The functions of the last `npm run package`, from `.serverless/serverless-state.json`. */
export function readPackagedService(dir = packageDir): PackagedService {
  const stateFile = join(dir, 'serverless-state.json');
  if (!existsSync(stateFile))
    throw new Error(`${relative(repoRoot, stateFile)} is missing: run npm run package`);
  const state = JSON.parse(readFileSync(stateFile, 'utf8')) as ServiceState;
  const functions = Object.entries(state.service.functions)
    .map(([name, spec]) => ({
      name,
      handler: spec.handler,
      zip: join(repoRoot, spec.package?.artifact ?? join(relative(repoRoot, dir), `${name}.zip`)),
      memorySize: spec.memory ?? 1024,
      ...triggersOf(spec.events ?? []),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const deployed = new Set(functions.map((fn) => fn.zip));
  const strayZips = readdirSync(dir)
    .filter((file) => file.endsWith('.zip'))
    .map((file) => join(dir, file))
    .filter((zip) => !deployed.has(zip));
  const architecture = state.service.provider.architecture === 'arm64' ? 'arm64' : 'x64';
  return { functions, strayZips, architecture };
}

/** `npm run package` (offline: osls package --stage prod); returns how long it took in ms. */
export function packageService(): number {
  const started = performance.now();
  const run = spawnSync('npm', ['run', '-s', 'package'], { cwd: repoRoot, stdio: 'inherit' });
  if (run.status !== 0) throw new Error(`npm run package failed (exit ${run.status ?? run.signal})`);
  return performance.now() - started;
}

export interface UnzippedFunction {
  /** The folder Lambda would call LAMBDA_TASK_ROOT. */
  taskRoot: string;
  /** The function's own JavaScript: the .mjs files of the zip, uncompressed. */
  jsKiB: number;
  zipKiB: number;
  /** Paths inside the zip. */
  entries: string[];
}

/** Unzips `zip` into `taskRoot`, which must not exist yet or be empty. */
function unzipFunction(zip: string, taskRoot: string): UnzippedFunction {
  mkdirSync(taskRoot, { recursive: true });
  if (readdirSync(taskRoot).length > 0) throw new Error(`${taskRoot} is not empty`);
  const archive = new AdmZip(zip);
  archive.extractAllTo(taskRoot, true);
  const files = archive.getEntries().filter((entry) => !entry.isDirectory);
  const jsBytes = files
    .filter((entry) => entry.entryName.endsWith('.mjs'))
    .reduce((sum, entry) => sum + entry.header.size, 0);
  return {
    taskRoot,
    jsKiB: jsBytes / KIB,
    zipKiB: statSync(zip).size / KIB,
    entries: files.map((entry) => entry.entryName),
  };
}

/**
 * Fails unless no folder above `dir` holds a node_modules: Node would search it for the packages
 * a handler imports, and a handler must find them in its zip.
 */
function assertNoNodeModulesAbove(dir: string): void {
  for (let parent = dirname(dir); ; parent = dirname(parent)) {
    if (existsSync(join(parent, 'node_modules')))
      throw new Error(
        `${join(parent, 'node_modules')} exists: handlers under ${dir} could load packages from it`,
      );
    if (dirname(parent) === parent) return;
  }
}

function linkPackage(name: string, into: string): void {
  const target = join(into, 'node_modules', name);
  if (existsSync(target)) return;
  mkdirSync(dirname(target), { recursive: true });
  symlinkSync(join(repoRoot, 'node_modules', name), target, 'dir');
}

/**
 * Puts the AWS SDK v3 where Node finds it from every function folder under `root` (root/node_modules:
 * links to this repository's @aws-sdk/* and @smithy/* packages, and nothing else), as the nodejs22.x
 * runtime does from outside the task root. Returns the SDK version provided.
 */
function provideRuntimeSdk(root: string): string {
  for (const scope of RUNTIME_PROVIDED_SCOPES) {
    for (const name of readdirSync(join(repoRoot, 'node_modules', scope)))
      linkPackage(`${scope}/${name}`, root);
  }
  const client = join(repoRoot, 'node_modules', '@aws-sdk', 'client-dynamodb', 'package.json');
  return (JSON.parse(readFileSync(client, 'utf8')) as { version: string }).version;
}

/** The native packages of a zip (napi-rs names: `<package>-<platform>-<arch>[-<libc>]`). */
function nativePackagesOf(entries: string[]): string[] {
  const packages = entries
    .filter((entry) => entry.endsWith('.node'))
    .map((entry) => /^(?:.*\/)?node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(entry)?.[1] ?? entry);
  return [...new Set(packages)];
}

const ELF_MACHINE: Record<string, number> = { arm64: 0xb7, x64: 0x3e };

/** Problems with the zip's native binaries: each must be an ELF file for Lambda's architecture. */
function checkNativeBinaries(unzipped: UnzippedFunction, architecture: string): string[] {
  return unzipped.entries
    .filter((entry) => entry.endsWith('.node'))
    .flatMap((entry) => {
      const header = readFileSync(join(unzipped.taskRoot, entry)).subarray(0, 20);
      const machine = header.length === 20 ? header.readUInt16LE(18) : -1;
      return header.subarray(0, 4).toString('latin1') === '\x7fELF' && machine === ELF_MACHINE[architecture]
        ? []
        : [
            `${entry} is not an ELF binary for Lambda's ${architecture} (e_machine 0x${machine.toString(16)})`,
          ];
    });
}

/**
 * On a machine that is not Lambda's platform the zip's native binaries cannot load: links this
 * machine's build of each one (the same package for `${process.platform}-${process.arch}`) into
 * `functionDir/node_modules`, above the task root. Returns the packages linked, and a problem for
 * each one this machine has no build of.
 */
function provideHostNatives(
  unzipped: UnzippedFunction,
  functionDir: string,
  architecture: string,
): { linked: string[]; problems: string[] } {
  const lambdaPlatform = `linux-${architecture}`;
  const hostPlatform = `${process.platform}-${process.arch}`;
  const linked: string[] = [];
  const problems: string[] = [];
  if (lambdaPlatform === hostPlatform) return { linked, problems };
  for (const name of nativePackagesOf(unzipped.entries)) {
    const hostName = name.replace(lambdaPlatform, hostPlatform);
    if (hostName === name || !existsSync(join(repoRoot, 'node_modules', hostName))) {
      problems.push(`${name}: this machine (${hostPlatform}) has no build of it to load in its place`);
      continue;
    }
    linkPackage(hostName, functionDir);
    linked.push(hostName);
  }
  return { linked, problems };
}

export interface LoadingRoot {
  /** An empty temporary folder; function folders go inside it. */
  root: string;
  /** The AWS SDK v3 version provided to every function, as the runtime provides its own. */
  sdkVersion: string;
  remove(): void;
}

/** A temporary folder to unpack functions in, with only the runtime's AWS SDK above them. */
export function createLoadingRoot(prefix: string): LoadingRoot {
  const root = mkdtempSync(join(tmpdir(), prefix));
  try {
    assertNoNodeModulesAbove(root);
    return {
      root,
      sdkVersion: provideRuntimeSdk(root),
      remove: () => rmSync(root, { recursive: true, force: true }),
    };
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
}

export interface UnpackedFunction {
  unzipped: UnzippedFunction;
  /** Packages of this machine loaded in place of the zip's native packages for Lambda's platform. */
  hostNatives: string[];
  /** Native binaries not built for Lambda's architecture, or with no stand-in on this machine. */
  problems: string[];
  remove(): void;
}

/** Unzips a function into `root/<name>/task` and makes it loadable on this machine. */
export function unpackFunction(fn: PackagedFunction, root: string, architecture: string): UnpackedFunction {
  const functionDir = join(root, fn.name);
  const remove = () => rmSync(functionDir, { recursive: true, force: true });
  try {
    const unzipped = unzipFunction(fn.zip, join(functionDir, 'task'));
    const natives = provideHostNatives(unzipped, functionDir, architecture);
    return {
      unzipped,
      hostNatives: natives.linked,
      problems: [...checkNativeBinaries(unzipped, architecture), ...natives.problems],
      remove,
    };
  } catch (error) {
    remove();
    throw error;
  }
}

export interface LoadOutcome {
  /** From the child process's start until the handler module was imported (Node start + import). */
  coldImportMs?: number;
  /** The `import()` alone. */
  importMs?: number;
  /** What the handler returned, when it was invoked and resolved. */
  result?: unknown;
  error?: { name: string; message: string; code?: string; stack?: string };
  /** The last lines the process wrote (its logs), for failures. */
  output: string;
}

export interface LoadOptions {
  taskRoot: string;
  handler: string;
  functionName: string;
  memorySize?: number;
  env: Record<string, string>;
  /** Invoked with this event after the import; without one the process ends once imported. */
  event?: unknown;
  timeoutMs?: number;
}

function handlerModule(taskRoot: string, handler: string): { file: string; exportName: string } {
  const dot = handler.lastIndexOf('.');
  const base = handler.slice(0, dot);
  const extension = ['.mjs', '.js', '.cjs'].find((ext) => existsSync(join(taskRoot, base + ext)));
  return { file: join(taskRoot, base + (extension ?? '.mjs')), exportName: handler.slice(dot + 1) };
}

/**
 * Imports a function's handler in a new Node 22 process whose cwd is the task root and whose
 * environment is `env` plus what Lambda sets (LAMBDA_TASK_ROOT, the function's name and memory,
 * TZ) and nothing of this process's; invokes it with `event` when given.
 */
export function loadPackagedHandler(options: LoadOptions): Promise<LoadOutcome> {
  const { taskRoot, functionName, event, memorySize = 1024, timeoutMs = 30_000 } = options;
  const { file, exportName } = handlerModule(taskRoot, options.handler);
  const env = {
    ...options.env,
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: dirname(taskRoot),
    TZ: 'UTC',
    LAMBDA_TASK_ROOT: taskRoot,
    // Not AWS_LAMBDA_FUNCTION_NAME: it means "inside AWS Lambda", where the local stage and its
    // sandbox providers (which this check runs with) are refused (functions/src/platform/config.ts).
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(memorySize),
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs22.x',
  };
  const child: ChildProcess = spawn(projectNode, [...LAMBDA_NODE_FLAGS, runner, file, exportName], {
    cwd: taskRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-4000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  return new Promise((resolveLoad) => {
    const outcome: LoadOutcome = { output: '' };
    let settled = false;
    const finish = (error?: LoadOutcome['error']) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (child.exitCode === null) child.kill('SIGKILL');
      resolveLoad({ ...outcome, ...(error && !outcome.error ? { error } : {}), output });
    };
    const timer = setTimeout(
      () => finish({ name: 'Timeout', message: `no answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
    child.on('message', (message: { type: string } & Omit<LoadOutcome, 'output'>) => {
      if (message.type === 'imported') {
        Object.assign(outcome, message);
        if (message.error || event === undefined) return finish();
        child.send({ event, functionName, memorySize, timeoutMs });
      } else {
        Object.assign(outcome, message);
        finish();
      }
    });
    // The runner reports before it exits; an end with nothing reported is a crash.
    child.on('close', (code, signal) =>
      finish({ name: 'Exit', message: `the process ended (${code ?? signal}) without an answer` }),
    );
    child.on('error', (error) => finish({ name: error.name, message: error.message }));
  });
}

export interface Budget {
  /** Which budget applies: `default` or the heavy part that earns a function its own. */
  name: 'default' | 'documents' | 'native' | 'pinyin' | 'verifying';
  /**
   * The most the function's own JS (the .mjs files of its zip) may weigh: `npm run check:packaged`
   * fails above it, so a heavy module leaking into a function that does not call it (pdf-lib,
   * pinyin-pro, jieba: each ≥ 400 KiB) fails the check.
   */
  jsKiB: number;
  /** The goal for the median cold import as a multiple of an empty handler's (bench:bundles). */
  coldImportRatio: number;
  why: string;
}

/**
 * Every function: own JS ≤ 300 KiB, cold import ≤ 2× an empty handler. A function earns its own
 * budget only by shipping a heavy part of its own, and the budget is 300 KiB plus that part: the
 * document font's functions (PDF rendering and sealing: pdf-lib, fontkit and the signing
 * libraries), a native addon (the assistant's jieba segmenter, beside pinyin-pro), pinyin-pro's
 * dictionary (product search) or node-forge (the public verify function).
 */
export const BUDGETS: Record<Budget['name'], Budget> = {
  default: {
    name: 'default',
    jsKiB: 300,
    coldImportRatio: 2,
    why: 'every function',
  },
  documents: {
    name: 'documents',
    jsKiB: 2_100,
    coldImportRatio: 8,
    why:
      'ships the document font: 300 KiB + pdf-lib, @pdf-lib/fontkit, @signpdf and node-forge (1,772 KiB minified); ' +
      '2× + their own import (≈ 360 ms, ≈ 6× an empty handler)',
  },
  native: {
    name: 'native',
    jsKiB: 820,
    coldImportRatio: 3,
    why:
      'ships a native addon (jieba): its binary and dictionaries sit in node_modules, outside the own JS; ' +
      "300 KiB + the classifier's examples and " +
      "OpenCC's traditional → simplified dictionaries (69 KiB)",
  },
  pinyin: {
    name: 'pinyin',
    jsKiB: 750,
    coldImportRatio: 3,
    why:
      "product search: 300 KiB + pinyin-pro's dictionary (448 KiB minified), loaded only for products stored " +
      'without syllables (a dynamic import), + the generated readings a query is read with (52 KiB)',
  },
  verifying: {
    name: 'verifying',
    jsKiB: 600,
    coldImportRatio: 3,
    why: "the public verify function checks a PDF's CAdES signature with node-forge: 300 KiB + ≈ 300 KiB minified",
  },
};

/** Functions whose heavy part is a library rather than a file in their zip. */
const LIBRARY_BUDGETS: Record<string, Budget> = {
  searchProducts: BUDGETS.pinyin,
  verifyDocument: BUDGETS.verifying,
};

export function budgetFor(unzipped: Pick<UnzippedFunction, 'entries'>, functionName?: string): Budget {
  if (unzipped.entries.some((entry) => entry.startsWith('functions/assets/fonts/') && entry.endsWith('.ttf')))
    return BUDGETS.documents;
  if (unzipped.entries.some((entry) => entry.endsWith('.node'))) return BUDGETS.native;
  return (functionName && LIBRARY_BUDGETS[functionName]) || BUDGETS.default;
}

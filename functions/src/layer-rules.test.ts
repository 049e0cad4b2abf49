import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * The layer rules of ARCHITECTURE.md, read from the import statements of every source file:
 * the domain (shared/) imports no infrastructure; use cases import no adapters and no wiring;
 * handlers import only their own context's wiring and use cases (and the HTTP and job wrappers); no
 * Lambda function reaches the whole-system composition; nothing imports in a circle.
 */
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SKIP = new Set(['node_modules', 'dist', '.local', 'artifacts', '.serverless', '.esbuild']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    if (SKIP.has(name)) return [];
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mjs)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

interface Import {
  specifier: string;
  typeOnly: boolean;
  /** The names it takes (`import { a, type B }` → a, B). */
  names: string[];
  /** The repository-relative file it resolves to, for relative and workspace imports. */
  target: string | null;
}

const IMPORT =
  /(?:^|\n)\s*(import|export)\s+(type\s+)?(?:[\w*\s{},$]*?\s+from\s+)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

function resolveFile(base: string): string | null {
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, join(base, 'index.ts')]) {
    if (existsSync(candidate) && statSync(candidate).isFile()) return relative(root, candidate);
  }
  return null;
}

function importsOf(file: string): Import[] {
  const text = readFileSync(join(root, file), 'utf8');
  const found: Import[] = [];
  for (const match of text.matchAll(IMPORT)) {
    const specifier = match[3] ?? match[4]!;
    const braces = match[0].match(/\{([^}]*)\}/)?.[1];
    const allTypes = braces?.split(',').every((n) => !n.trim() || /^type\s/.test(n.trim())) ?? false;
    const typeOnly =
      Boolean(match[2]) || (match[1] === 'import' && allTypes && !match[0].includes('import('));
    let target: string | null = null;
    if (specifier.startsWith('.')) target = resolveFile(resolve(dirname(join(root, file)), specifier));
    else if (specifier.startsWith('@zhixiang/shared/'))
      target = resolveFile(join(root, 'shared/src', specifier.slice('@zhixiang/shared/'.length)));
    const names = (braces ?? '')
      .split(',')
      .map(
        (n) =>
          n
            .trim()
            .replace(/^type\s+/, '')
            .split(/\s+as\s+/)[0] ?? '',
      )
      .filter(Boolean);
    found.push({ specifier, typeOnly, names, target });
  }
  return found;
}

const files = ['shared', 'functions', 'e2e', 'miniprogram/src', 'bench'].flatMap((dir) =>
  sourceFiles(join(root, dir)).map((path) => relative(root, path)),
);
const graph = new Map(files.map((file) => [file, importsOf(file)]));
const isTest = (file: string) => /\.test\.tsx?$/.test(file);
const contextOf = (file: string) => /^functions\/src\/([\w-]+)\//.exec(file)?.[1];

function violations(select: (file: string) => boolean, rule: (file: string, imported: Import) => boolean) {
  return [...graph]
    .filter(([file]) => select(file))
    .flatMap(([file, imports]) =>
      imports.filter((i) => rule(file, i)).map((i) => `${file} → ${i.specifier}`),
    );
}

describe('layer rules', () => {
  it('finds the source it checks', () => {
    expect(files.filter((f) => /^functions\/src\/[\w-]+\/handlers\//.test(f)).length).toBeGreaterThan(80);
    expect(files.filter((f) => f.startsWith('shared/src/')).length).toBeGreaterThan(50);
  });

  it('shared/ imports no AWS SDK, no Taro and no Node module', () => {
    const infrastructure =
      /^(@aws-sdk\/|@aws-lambda-powertools\/|@middy\/|@tarojs\/|node:|fs$|path$|crypto$)/;
    expect(
      violations(
        (file) => file.startsWith('shared/src/'),
        (_, i) => infrastructure.test(i.specifier),
      ),
    ).toEqual([]);
  });

  it('the functions load nothing of the AWS SDK: AWS is reached over platform/aws (types and util-dynamodb aside)', () => {
    // The one exception: an administrator's machine without credentials in its environment loads
    // the SDK's credential chain, on first use (platform/aws/credentials.ts).
    const allowed = new Set(['@aws-sdk/util-dynamodb', '@aws-sdk/credential-provider-node']);
    expect(
      violations(
        (file) => file.startsWith('functions/src/') && !isTest(file),
        (_, i) => !i.typeOnly && /^(@aws-sdk\/|@smithy\/)/.test(i.specifier) && !allowed.has(i.specifier),
      ),
    ).toEqual([]);
  });

  it('use cases import no adapters, no wiring and not the whole system', () => {
    const forbidden =
      /(\/adapters\/|\/wiring(-[\w-]+)?$|^functions\/src\/system\.ts$|^functions\/src\/platform\/(?!process\.ts|config\.ts|concurrency\.ts|http\/|outbox\/))/;
    expect(
      violations(
        (file) => /^functions\/src\/[\w-]+\/use-cases\//.test(file) && !isTest(file),
        (_, i) => !i.typeOnly && i.target !== null && forbidden.test(i.target),
      ),
    ).toEqual([]);
  });

  it("handlers import only their own context's wiring, use cases and routes, and the HTTP and job wrappers", () => {
    expect(
      violations(
        (file) => /^functions\/src\/[\w-]+\/handlers\//.test(file) && !isTest(file),
        (file, i) => {
          // The whole contract would bundle every context's schemas: a handler takes its own context's routes.
          if (i.specifier === '@zhixiang/shared/api/routes') return true;
          // And its own route by name: the context's record would build every request schema of it.
          if (i.target?.endsWith('/routes.ts') && i.names.some((n) => n.endsWith('Routes'))) return true;
          if (!i.target || i.target.startsWith('shared/src/')) return false;
          const own = `functions/src/${contextOf(file)}/`;
          const ownPart =
            i.target.startsWith(`${own}use-cases/`) ||
            /^wiring(-[\w-]+)?\.ts$/.test(i.target.slice(own.length));
          return (
            !(i.target.startsWith(own) && ownPart) &&
            !i.target.startsWith('functions/src/platform/http/') &&
            !i.target.startsWith('functions/src/platform/jobs/')
          );
        },
      ),
    ).toEqual([]);
  });

  it('the platform imports no context: contexts build on it, never the other way round', () => {
    expect(
      violations(
        (file) => file.startsWith('functions/src/platform/') && !isTest(file),
        (_, i) => i.target !== null && /^functions\/src\/(?!platform\/)[\w-]+\//.test(i.target),
      ),
    ).toEqual([]);
  });

  it('no Lambda function reaches the whole-system composition', () => {
    const reaches = (start: string) => {
      const seen = new Set<string>();
      const stack = [start];
      while (stack.length) {
        const file = stack.pop()!;
        if (seen.has(file)) continue;
        seen.add(file);
        for (const i of graph.get(file) ?? []) if (i.target && !i.typeOnly) stack.push(i.target);
      }
      return seen.has('functions/src/system.ts');
    };
    expect(
      files.filter((f) => /^functions\/src\/[\w-]+\/handlers\//.test(f) && !isTest(f)).filter(reaches),
    ).toEqual([]);
  });

  it('nothing imports in a circle (type-only imports included)', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const path: string[] = [];
    const visit = (file: string) => {
      state.set(file, 'open');
      path.push(file);
      for (const i of graph.get(file) ?? []) {
        if (!i.target || !graph.has(i.target)) continue;
        if (state.get(i.target) === 'open')
          cycles.push([...path.slice(path.indexOf(i.target)), i.target].join(' → '));
        else if (!state.has(i.target)) visit(i.target);
      }
      path.pop();
      state.set(file, 'done');
    };
    for (const file of files) if (!state.has(file)) visit(file);
    expect(cycles).toEqual([]);
  });
});

describe('the architecture as documented', () => {
  const architecture = readFileSync(join(root, 'ARCHITECTURE.md'), 'utf8');
  const contexts = readdirSync(join(root, 'functions/src')).filter(
    (name) =>
      statSync(join(root, 'functions/src', name)).isDirectory() && !['platform', 'seed'].includes(name),
  );

  it('names every context folder of functions/src in ARCHITECTURE.md, and no folder that is gone', () => {
    expect(contexts.length).toBeGreaterThanOrEqual(10);
    expect(contexts.filter((context) => !architecture.includes(`\`${context}/\``))).toEqual([]);
    const table = architecture.split('### The contexts')[1]?.split('\n### ')[0] ?? '';
    const documented = [...table.matchAll(/^\| [\w ]+ \| `([\w-]+)\/` \|/gm)].map((m) => m[1]);
    expect(documented.length).toBe(contexts.length);
    expect(documented.filter((context) => !contexts.includes(context!))).toEqual([]);
  });

  it('gives every context the same shape: handlers, use cases, wiring and its functions', () => {
    const incomplete = contexts.filter((context) =>
      ['handlers', 'use-cases', 'wiring.ts', 'functions.yml'].some(
        (part) => !existsSync(join(root, 'functions/src', context, part)),
      ),
    );
    expect(incomplete).toEqual([]);
  });

  it('speaks of features and rules in code, never of issue numbers', () => {
    const tagged = files.filter((file) => /\bissue \d+/i.test(readFileSync(join(root, file), 'utf8')));
    expect(tagged).toEqual([]);
  });
});

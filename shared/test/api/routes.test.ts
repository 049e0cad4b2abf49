import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RouteSpec } from '../../src/api/route-spec';
import { routes } from '../../src/api/routes';

/**
 * Each bounded context declares its routes in `shared/src/<context>/routes.ts`; the contract is
 * their spread. A spread silently keeps the last of two equal names, so the contexts are read
 * here one by one: no route name and no method + path is declared twice, and every context's
 * routes reach the contract as the context declares them.
 */
const sourceDir = new URL('../../src/', import.meta.url);
// `api/routes.ts` is the spread itself.
const contextFolders = readdirSync(sourceDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name !== 'api')
  .filter((entry) => readdirSync(new URL(entry.name, sourceDir)).includes('routes.ts'))
  .map((entry) => entry.name);

const modules = await Promise.all(
  contextFolders.map(async (context) => ({
    context,
    exports: (await import(new URL(`${context}/routes.ts`, sourceDir).href)) as Record<string, unknown>,
  })),
);

const declared: Array<{ context: string; name: string; spec: RouteSpec }> = modules.flatMap(
  ({ context, exports }) =>
    Object.entries(exports)
      .filter(([exported]) => exported.endsWith('Routes'))
      .flatMap(([, record]) =>
        Object.entries(record as Record<string, RouteSpec>).map(([name, spec]) => ({ context, name, spec })),
      ),
);

/** The keys given more than once, each with the contexts that give it. */
function repeated(keys: Array<{ key: string; context: string }>): Record<string, string[]> {
  const contexts = new Map<string, string[]>();
  for (const { key, context } of keys) contexts.set(key, [...(contexts.get(key) ?? []), context]);
  return Object.fromEntries([...contexts].filter(([, given]) => given.length > 1));
}

describe('the routes of the bounded contexts', () => {
  it('never declare the same route name twice', () => {
    expect(repeated(declared.map(({ name, context }) => ({ key: name, context })))).toEqual({});
  });

  it('never declare the same method and path twice', () => {
    expect(
      repeated(declared.map(({ spec, context }) => ({ key: `${spec.method} ${spec.path}`, context }))),
    ).toEqual({});
  });

  it("each is its own export `fooRoute` (what a handler imports) and its record's `foo`, nothing else", () => {
    for (const { context, exports } of modules) {
      const single = Object.keys(exports).filter((exported) => exported.endsWith('Route'));
      const inRecord = declared.filter((route) => route.context === context);
      expect(single.sort(), context).toEqual(inRecord.map(({ name }) => `${name}Route`).sort());
      for (const { name, spec } of inRecord) expect(exports[`${name}Route`], name).toBe(spec);
    }
  });

  it('all reach the contract, each as its context declares it', () => {
    expect(Object.keys(routes).sort()).toEqual(declared.map(({ name }) => name).sort());
    for (const { name, spec } of declared) expect(routes[name as keyof typeof routes], name).toBe(spec);
  });
});

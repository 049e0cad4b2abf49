// An esbuild plugin (serverless.yml, custom.esbuild.plugins): lets every Lambda bundle leave out
// the zod schemas its code never reaches, so a function builds at cold start only the schemas it
// can use, not every schema of every module it imports for one helper.
//
// zod marks its schema builders `@__NO_SIDE_EFFECTS__`, but esbuild does not carry that through
// our `import * as z from 'zod/mini'` (nor through zod's `export *`), so a schema that nothing
// uses stays in the bundle and is built at import. This plugin writes `/* @__PURE__ */` before
// each call `z.<builder>(` in our TypeScript (shared/src, functions/src), for exactly zod/mini's
// schema and check builders (read from zod's files, so a zod upgrade keeps the list true;
// `z.config`, `z.parse` and the like are not among them and keep their effect). The
// annotation covers the whole call chain it starts, `z.string().check(z.regex(…))` included (each
// method of a zod mini schema builds a new one), and a chain ending in `.parse(config)` too: a
// bundle that never reads that value does not check it either (the tests and every function that
// reads it still do). Nothing else changes: a schema that is used is built exactly as before.
//
// A module's own schema helper (`const text = (label) => z.string()…`) is marked where it is
// declared, `/* @__NO_SIDE_EFFECTS__ */`, which esbuild honours within that module; a top-level
// value computed from a config file (a calendar, a rule table) is marked `/* @__PURE__ */` where
// it is computed, so a function that never reads it does not compute it at cold start.
//
// What still keeps an unused schema in a bundle is anything in its arguments that esbuild counts as
// a possible side effect: an object spread (`{ ...fields }`, `...Other.shape`), a property read
// (`Other.shape.id`), a template literal interpolating a name (`\`at most ${MAX}\``), an unmarked
// call (`Object.keys(…)`, `list.join(…)`, `schema.check(…)` on a local). So a schema extends
// another with `z.extend(schema, fields)`, a message naming a constant comes from a local function
// marked `/* @__NO_SIDE_EFFECTS__ */`, and a call on plain data is marked `/* @__PURE__ */`.
import { readdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

/**
 * The names `z.<name>` of zod/mini's builders: every function its `schemas.js` (schema
 * constructors, `check`, `refine`, …) and `checks.js` (length, range, regex, trim, …) export. Each
 * returns a new schema or check and changes nothing else (zod annotates nearly all of them
 * `@__NO_SIDE_EFFECTS__`); parsing, `config` and the registries live in other modules.
 */
export async function pureZodBuilders() {
  const root = dirname(require.resolve('zod/package.json'));
  const names = new Set();
  for (const file of ['v4/mini/schemas.js', 'v4/mini/checks.js']) {
    const source = await readFile(join(root, file), 'utf8');
    for (const [, name] of source.matchAll(/^export function (\w+)/gm)) names.add(name);
    for (const [, list] of source.matchAll(/^export \{([^}]*)\}/gm))
      for (const entry of list.split(',')) {
        const name = entry
          .trim()
          .split(/\s+as\s+/)
          .pop();
        if (name) names.add(name);
      }
  }
  return names;
}

/**
 * Our own schema helpers shared between modules: the functions of shared/src declared
 * `/* @__NO_SIDE_EFFECTS__ *\/ export function name(`. esbuild honours that mark inside the module
 * that declares it only, so their calls in other modules are marked here.
 */
export async function pureSharedHelpers(sharedSrc) {
  const names = new Set();
  for (const file of await readdir(sharedSrc, { recursive: true })) {
    if (!file.endsWith('.ts') || file.endsWith('.test.ts')) continue;
    const source = await readFile(join(sharedSrc, file), 'utf8');
    for (const [, name] of source.matchAll(/\/\* @__NO_SIDE_EFFECTS__ \*\/\s*export function (\w+)/g))
      names.add(name);
  }
  return names;
}

/**
 * The source with `/* @__PURE__ *\/` before each call `z.<builder>(` (builders: zod's, see
 * pureZodBuilders) and before each call of a shared helper (see pureSharedHelpers) it imports.
 */
export function annotatePureBuilders(source, builders, helpers = new Set()) {
  // A helper's own mark makes a bare call to it pure, not a chain on its result
  // (`text('姓名', 30).check(…)`): each helper this module imports or declares is marked at its calls.
  const used = [...helpers].filter((name) =>
    new RegExp(`import \\{[^}]*\\b${name}\\b[^}]*\\} from`).test(source),
  );
  for (const [, fn, arrow] of source.matchAll(
    /\/\* @__NO_SIDE_EFFECTS__ \*\/\s*(?:export )?(?:function (\w+)|const (\w+) =)/g,
  ))
    used.push(fn ?? arrow);
  const helperCall =
    used.length > 0
      ? // A TypeScript call may name its type arguments first: `responds<typeof Schema>()`.
        new RegExp(`(?<!function\\s+)(?<![\\w$.])(?:${used.join('|')})(?:<[^()]*?>)?\\(`, 'g')
      : null;
  const annotate = (code) => {
    const withBuilders = code.replace(/(?<![\w$.])z(\s*)\.(\s*)(\w+)\(/g, (call, _before, _after, name) =>
      builders.has(name) ? `/* @__PURE__ */ ${call}` : call,
    );
    return helperCall ? withBuilders.replace(helperCall, (call) => `/* @__PURE__ */ ${call}`) : withBuilders;
  };
  // Only code is annotated: a mark written inside a comment would end that comment early, and
  // strings and template literals are left as they are.
  return source
    .split(/(\/\/[^\n]*|\/\*[\s\S]*?\*\/|'(?:\\.|[^'\\\n])*'|"(?:\\.|[^"\\\n])*"|`(?:\\.|[^`\\])*`)/)
    .map((part, index) => (index % 2 === 0 ? annotate(part) : part))
    .join('');
}

const OUR_TYPESCRIPT = /[\\/](shared|functions)[\\/]src[\\/].*\.ts$/;

/** The plugin; serverless-esbuild loads this file's default export (a list of plugins). */
export const pureSchemasPlugin = {
  name: 'pure-zod-schemas',
  setup(build) {
    const builders = pureZodBuilders();
    const helpers = pureSharedHelpers(fileURLToPath(new URL('../shared/src', import.meta.url)));
    build.onLoad({ filter: OUR_TYPESCRIPT }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      return { contents: annotatePureBuilders(source, await builders, await helpers), loader: 'ts' };
    });
  },
};

export default [pureSchemasPlugin];

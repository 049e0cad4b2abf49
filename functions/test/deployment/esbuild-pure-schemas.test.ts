import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import {
  annotatePureBuilders,
  pureSchemasPlugin,
  pureSharedHelpers,
  pureZodBuilders,
} from '../../../scripts/esbuild-pure-schemas.mjs';

const PURE = '/* @__PURE__ */';

describe('the pure-schemas build plugin', () => {
  it("takes zod/mini's schema and check builders, never parse, config or the registries", async () => {
    const builders = await pureZodBuilders();
    for (const name of [
      'object',
      'strictObject',
      'string',
      'int',
      'enum',
      'regex',
      'minLength',
      'trim',
      'extend',
    ])
      expect(builders.has(name), name).toBe(true);
    for (const name of ['config', 'parse', 'safeParse', 'decode', 'globalRegistry', 'registry'])
      expect(builders.has(name), name).toBe(false);
  });

  it('marks each builder call, chains and multi-line chains included, and nothing else', async () => {
    const builders = await pureZodBuilders();
    const source = [
      "const a = z.string().check(z.regex(/^a$/, 'a'));",
      'const b = z\n  .number()\n  .check(z.int());',
      'z.config(z.locales.zhCN());',
      'const c = other.z.string();',
      'const d = schema.parse(value);',
    ].join('\n');
    const out = annotatePureBuilders(source, builders);
    expect(out).toContain(`const a = ${PURE} z.string().check(${PURE} z.regex(`);
    expect(out).toContain(`const b = ${PURE} z\n  .number()\n  .check(${PURE} z.int());`);
    expect(out).toContain('\nz.config(z.locales.zhCN());');
    expect(out).toContain('const c = other.z.string();');
    expect(out).toContain('const d = schema.parse(value);');
  });

  it('marks the calls of the shared helpers a module imports and of its own, not their declarations', async () => {
    const helpers = await pureSharedHelpers(resolve('shared/src'));
    expect([...helpers]).toEqual(expect.arrayContaining(['singleLine', 'isoDaySchema']));
    const source = [
      "import { singleLine } from '../format/input';",
      '/* @__NO_SIDE_EFFECTS__ */',
      'const text = (max: number) => z.string().check(z.maxLength(max));',
      '/* @__NO_SIDE_EFFECTS__ */',
      'function day(label: string) {',
      '  return isoDaySchema(label);',
      '}',
      "const name = text(30).check(singleLine('姓名'));",
      "const when = day('日期');",
    ].join('\n');
    const out = annotatePureBuilders(source, new Set(), helpers);
    expect(out).toContain(`const name = ${PURE} text(30).check(${PURE} singleLine('姓名'));`);
    expect(out).toContain(`const when = ${PURE} day('日期');`);
    expect(out).toContain('function day(label: string) {');
    // isoDaySchema is not imported here: some other function of that name is not assumed pure.
    expect(out).toContain('  return isoDaySchema(label);');
  });

  it('marks a call that names its type arguments, and nothing inside comments or strings', async () => {
    const helpers = new Set(['responds']);
    const source = [
      "import { responds } from '../api/route-spec';",
      '/** A route answers `responds<typeof ViewSchema>()`, as z.string() would. */',
      'export const getRoute = { method: "GET", response: responds<typeof ViewSchema>() };',
      '// z.object() in a line comment',
      "const message = 'call z.string() here';",
    ].join('\n');
    const out = annotatePureBuilders(source, await pureZodBuilders(), helpers);
    expect(out).toContain(`response: ${PURE} responds<typeof ViewSchema>() }`);
    expect(out).toContain('/** A route answers `responds<typeof ViewSchema>()`, as z.string() would. */');
    expect(out).toContain('// z.object() in a line comment');
    expect(out).toContain("const message = 'call z.string() here';");
  });

  describe('in a bundle', () => {
    const root = mkdtempSync(join(tmpdir(), 'pure-schemas-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));

    it('leaves out the schemas and config values nothing uses, keeps the used ones whole', async () => {
      const src = join(root, 'shared', 'src');
      mkdirSync(src, { recursive: true });
      writeFileSync(
        join(src, 'schemas.ts'),
        [
          "import * as z from 'zod/mini';",
          "export const UsedSchema = z.object({ id: z.string().check(z.regex(/^U\\d+$/, 'USED_RULE')) });",
          "export const UnusedSchema = z.object({ code: z.string().check(z.minLength(1, 'UNUSED_RULE')) });",
          "export const unusedConfig = /* @__PURE__ */ UnusedSchema.parse({ code: 'x' });",
        ].join('\n'),
      );
      writeFileSync(
        join(src, 'entry.ts'),
        "import { UsedSchema } from './schemas';\nexport const handler = (v: unknown) => UsedSchema.parse(v);\n",
      );
      const result = await build({
        entryPoints: [join(src, 'entry.ts')],
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'node',
        nodePaths: [resolve('node_modules')],
        plugins: [pureSchemasPlugin],
        logLevel: 'silent',
      });
      const bundle = result.outputFiles[0]!.text;
      expect(bundle).toContain('USED_RULE');
      expect(bundle).not.toContain('UNUSED_RULE');
    });
  });
});

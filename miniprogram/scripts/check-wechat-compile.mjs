// Compiles every .wxml and .wxss of the weapp build with WeChat's own compilers (wcc / wcsc from
// the miniprogram-compiler package), as the WeChat client would: output it rejects fails here.
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const wcc = require('miniprogram-compiler/src/wcc');
const wcsc = require('miniprogram-compiler/src/wcsc');

const root = fileURLToPath(new URL(`../${process.argv[2] ?? 'dist/weapp'}`, import.meta.url));

function listFiles(dir, extension) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') found.push(...listFiles(path, extension));
    } else if (entry.name.endsWith(extension)) {
      found.push(relative(root, path).split(sep).join('/'));
    }
  }
  return found.sort();
}

const withoutExtension = (file) => file.slice(0, file.lastIndexOf('.'));
const wxml = listFiles(root, '.wxml');
const wxs = listFiles(root, '.wxs');
const wxss = listFiles(root, '.wxss');
if (wxml.length === 0 || wxss.length === 0) {
  console.error(`no .wxml or .wxss files under ${root}: build the weapp first (npm run build:weapp)`);
  process.exit(1);
}

let failed = false;
const maxBuffer = 64 * 1024 * 1024;

try {
  const output = wcc(root, wxml.map(withoutExtension), wxs, { maxBuffer });
  console.log(
    `wcc: ${wxml.length} .wxml and ${wxs.length} .wxs files compiled (${output.length} bytes of JS)`,
  );
} catch (error) {
  failed = true;
  console.error(`wcc rejected the build:\n${error.message}`);
}

// All stylesheets in one call, as the WeChat tools do: @import targets must be in the same list.
const all = wcsc(root, wxss.map(withoutExtension), { maxBuffer });
if (all instanceof Error) {
  failed = true;
  console.error(`wcsc rejected the stylesheets together:\n${all.message}`);
} else {
  console.log(`wcsc: ${wxss.length} .wxss files compiled`);
}

process.exit(failed ? 1 : 0);

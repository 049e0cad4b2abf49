// Compiles every .wxml and .wxss of the weapp build with WeChat's own compilers (wcc / wcsc from
// the miniprogram-compiler package), as the WeChat client would: output it rejects fails here.
import { createRequire } from 'node:module';
import { listFiles, weappRoot } from './weapp/files.mjs';

const require = createRequire(import.meta.url);
const wcc = require('miniprogram-compiler/src/wcc');
const wcsc = require('miniprogram-compiler/src/wcsc');

const root = weappRoot(process.argv[2]);

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

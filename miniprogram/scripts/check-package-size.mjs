// Package-size budget of the weapp build, read from the built app.json: the main package is
// everything outside the subpackage roots. WeChat's limits are 2 MiB per package and 20/30 MiB
// in total; the main package keeps headroom because every tab page must live there.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const MiB = 1024 * 1024;
const BUDGET = { main: 1.5 * MiB, subpackage: 2 * MiB, total: 30 * MiB };
// Files the WeChat tools do not upload with the code package.
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json', 'build-target.json']);

const root = fileURLToPath(new URL(`../${process.argv[2] ?? 'dist/weapp'}`, import.meta.url));
const appJson = JSON.parse(readFileSync(join(root, 'app.json'), 'utf8'));
const subpackageRoots = (appJson.subPackages ?? appJson.subpackages ?? []).map((pkg) =>
  pkg.root.replace(/\/+$/, ''),
);

function walk(dir) {
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(path));
    else files.push(path);
  }
  return files;
}

const sizes = new Map([['main', 0], ...subpackageRoots.map((r) => [r, 0])]);
for (const file of walk(root)) {
  const path = relative(root, file).split(sep).join('/');
  if (NOT_UPLOADED.has(path) || path.endsWith('.map') || path.endsWith('.LICENSE.txt')) continue;
  const owner = subpackageRoots.find((r) => path.startsWith(`${r}/`)) ?? 'main';
  sizes.set(owner, (sizes.get(owner) ?? 0) + statSync(file).size);
}

const format = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
let failed = false;
let total = 0;
for (const [name, bytes] of sizes) {
  total += bytes;
  const limit = name === 'main' ? BUDGET.main : BUDGET.subpackage;
  const over = bytes > limit;
  failed ||= over;
  console.log(
    `${over ? '✗' : '✓'} ${name === 'main' ? 'main package' : `subpackage ${name}`}: ${format(bytes)} (budget ${format(limit)})`,
  );
}
const totalOver = total > BUDGET.total;
failed ||= totalOver;
console.log(`${totalOver ? '✗' : '✓'} total: ${format(total)} (budget ${format(BUDGET.total)})`);
if (failed) {
  console.error('package-size budget exceeded');
  process.exit(1);
}

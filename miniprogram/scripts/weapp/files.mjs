// The weapp build's files, for the checks in this folder.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** dist/weapp, or the folder given as the first argument (relative to the mini program). */
export function weappRoot(argument) {
  return fileURLToPath(new URL(`../../${argument ?? 'dist/weapp'}`, import.meta.url));
}

/** Every file under root with that extension, as sorted forward-slash paths relative to root. */
export function listFiles(root, extension, dir = root) {
  const found = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') found.push(...listFiles(root, extension, path));
    } else if (entry.name.endsWith(extension)) {
      found.push(relative(root, path).split(sep).join('/'));
    }
  }
  return found.sort();
}

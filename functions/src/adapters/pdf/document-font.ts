import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The font every PDF document embeds: Noto Sans SC (OFL-1.1, licence beside it), subsetted to
 * GB 2312 + extra-characters.txt and re-saved with 4-byte glyph padding by
 * functions/local/prepare-document-font.ts at install and packaging time (never downloaded).
 * serverless.yml ships the folder with the functions that render (`package.patterns`), so the
 * same relative path works from the repository root locally and from LAMBDA_TASK_ROOT deployed.
 */
export const DOCUMENT_FONT_RELATIVE_PATH = 'functions/assets/fonts/NotoSansSC-Regular.documents.ttf';

export function documentFontPath(root = process.env.LAMBDA_TASK_ROOT ?? process.cwd()): string {
  return join(root, DOCUMENT_FONT_RELATIVE_PATH);
}

let cached: Uint8Array | undefined;

/** The font's bytes, read once per process. */
export function documentFontBytes(): Uint8Array {
  if (!cached) {
    const path = documentFontPath();
    try {
      cached = readFileSync(path);
    } catch (error) {
      throw new Error(
        `document font missing at ${path}: run \`npx tsx functions/local/prepare-document-font.ts\` (npm ci does it)`,
        { cause: error },
      );
    }
  }
  return cached;
}

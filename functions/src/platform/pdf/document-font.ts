import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The font every PDF document embeds: Noto Sans SC (OFL-1.1, licence beside it), subsetted to
 * GB 2312 + extra-characters.txt and re-saved with 4-byte glyph padding, committed in
 * functions/assets/fonts/ (prepare_document_font.py there regenerates it).
 * serverless.yml ships the file with the functions that render (`package.patterns`), so it sits at
 * the same relative path under LAMBDA_TASK_ROOT; the local stage sets DOCUMENT_FONT_FILE to the
 * absolute path (tests and journeys run from other folders).
 */
export const DOCUMENT_FONT_RELATIVE_PATH = 'functions/assets/fonts/NotoSansSC-Regular.documents.ttf';

export function documentFontPath(): string {
  return (
    process.env.DOCUMENT_FONT_FILE ??
    join(process.env.LAMBDA_TASK_ROOT ?? process.cwd(), DOCUMENT_FONT_RELATIVE_PATH)
  );
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
        `document font missing at ${path}: restore it with \`git checkout -- functions/assets/fonts\``,
        { cause: error },
      );
    }
  }
  return cached;
}

import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DOCUMENT_FONT_RELATIVE_PATH } from '../src/platform/pdf/document-font';
import { repoRoot } from './local-paths';

/**
 * Builds the PDF documents' font from the npm package's static Noto Sans SC with Debian's
 * python3-fonttools (functions/assets/fonts/prepare_document_font.py says what and why), and puts
 * the OFL licence beside it. Runs at install (prepare-local-stack.ts), before packaging
 * (`npm run package`), and from the tests' global setup; does nothing when the output is newer
 * than its inputs.
 */
const require = createRequire(import.meta.url);
const fontsDir = join(repoRoot, 'functions', 'assets', 'fonts');

export function ensureDocumentFont(): string {
  const packageDir = dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
  const source = join(packageDir, '400Regular', 'NotoSansSC_400Regular.ttf');
  const script = join(fontsDir, 'prepare_document_font.py');
  const extra = join(fontsDir, 'extra-characters.txt');
  const output = join(repoRoot, DOCUMENT_FONT_RELATIVE_PATH);
  const licence = join(fontsDir, 'OFL.txt');
  const newest = Math.max(...[source, script, extra].map((file) => statSync(file).mtimeMs));
  if (!existsSync(output) || statSync(output).mtimeMs < newest) {
    // Debian's python3 has python3-fonttools; a pyenv or venv python on PATH may not.
    const python = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';
    const run = spawnSync(python, [script, source, extra, output], { encoding: 'utf8' });
    if (run.status !== 0)
      throw new Error(
        `preparing the document font failed (needs python3-fonttools: apt-get install python3-fonttools): ${run.stderr || run.error?.message}`,
      );
  }
  copyFileSync(join(packageDir, 'LICENSE_FONT'), licence);
  return output;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const output = ensureDocumentFont();
  console.log(
    `document font ready: ${output} (${Math.round(statSync(output).size / 1024)} KiB, ${Math.round(performance.now() - started)} ms)`,
  );
}

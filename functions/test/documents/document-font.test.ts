import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../local/local-paths';
import { DOCUMENT_FONT_RELATIVE_PATH } from '../../src/platform/pdf/document-font';

/**
 * The committed document font is what prepare_document_font.py makes of extra-characters.txt:
 * a character added there without regenerating the font, or a font saved without 4-byte glyph
 * padding (which @pdf-lib/fontkit's subsetter turns into blank glyphs), fails here.
 */
const fontFile = join(repoRoot, DOCUMENT_FONT_RELATIVE_PATH);
const font = fontkit.create(readFileSync(fontFile));

const extraCharacters = readFileSync(join(dirname(fontFile), 'extra-characters.txt'), 'utf8')
  .split('\n')
  .filter((line) => !line.startsWith('#'))
  .flatMap((line) => [...line.trim()]);

describe('the committed document font', () => {
  it('has a glyph for printable ASCII, ¥, — and every character of extra-characters.txt', () => {
    const ascii = Array.from({ length: 0x7f - 0x20 }, (_, i) => String.fromCodePoint(0x20 + i));
    const wanted = [...ascii, '¥', '—', ...extraCharacters, '保', '单', '￥'];
    expect(wanted.filter((char) => !font.hasGlyphForCodePoint(char.codePointAt(0)!))).toEqual([]);
  });

  it('pads every glyph to 4 bytes', () => {
    const { offsets } = (font as unknown as { loca: { offsets: number[] } }).loca;
    expect(offsets.length).toBeGreaterThan(7000);
    expect(offsets.filter((offset) => offset % 4 !== 0)).toEqual([]);
  });

  it('ships with its OFL licence beside it', () => {
    expect(existsSync(join(dirname(fontFile), 'OFL.txt'))).toBe(true);
  });
});

import * as z from 'zod/mini';
import { isRealDate } from './dates';

/**
 * Rules every piece of typed input meets, shared by the server's validation and the mini
 * program's forms.
 */

/**
 * Characters no name, address or free text may carry: they are invisible or reorder what is shown,
 * so what a customer or a sealed 批单 displays would differ from what is stored. C0 and C1
 * control characters (line breaks and tabs aside), bidirectional controls (U+061C, U+200E,
 * U+200F, U+202A–U+202E, U+2066–U+2069), zero-width and invisible characters (U+200B, U+2060–U+2064,
 * U+FEFF), line and paragraph separators, and lone surrogates.
 */
const UNSAFE_CHARACTER =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u061C\u200B\u200E\u200F\u2028-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function hasUnsafeCharacters(text: string): boolean {
  return UNSAFE_CHARACTER.test(text);
}

export const UNSAFE_CHARACTERS_MESSAGE = '含有不可见的控制字符或文字方向控制符，请删除后重新输入';

/**
 * Names and addresses are one line on a sealed 批单: a line break or tab there is refused too
 * (free text may have them).
 */
/* @__NO_SIDE_EFFECTS__ */
export function singleLine(label: string) {
  return z.refine<string>((text) => !/[\t\n\r]/.test(text), `${label}应为一行文字，不能含换行或制表符`);
}

/** A calendar day as `YYYY-MM-DD`, refusing days the calendar lacks (2026-02-30). */
/* @__NO_SIDE_EFFECTS__ */
export function isoDaySchema(label = '日期') {
  return z
    .string(`${label}应为 YYYY-MM-DD 格式的文字`)
    .check(
      z.regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`),
      z.refine(isRealDate, `${label}不存在，请检查年、月、日`),
    );
}

/**
 * What the customer types, turned into integer units without floating point: yuan → cents and
 * percent → basis points are both "a decimal with at most two places, times 100", done on the
 * digits of the string.
 */
export type Parsed = { ok: true; value: number } | { ok: false; message: string };

const MAX_INTEGER_DIGITS = 12;

function parseHundredths(text: string, what: { name: string; example: string }): Parsed | null {
  const cleaned = text.replace(/[\s,，¥￥%]/g, '').replace(/。/g, '.');
  if (cleaned === '') return null;
  const match = /^(\d*)(?:\.(\d*))?$/.exec(cleaned);
  if (!match || (match[1] === '' && (match[2] ?? '') === ''))
    return { ok: false, message: `请输入数字${what.name}，例如 ${what.example}` };
  const whole = (match[1] ?? '').replace(/^0+(?=\d)/, '');
  const fraction = match[2] ?? '';
  if (fraction.length > 2) return { ok: false, message: `${what.name}最多保留两位小数` };
  if (whole.length > MAX_INTEGER_DIGITS) return { ok: false, message: `${what.name}过大，请核对` };
  return { ok: true, value: Number(whole || '0') * 100 + Number(fraction.padEnd(2, '0')) };
}

/** "12,345.67" → 1234567 cents; null while empty. */
export function parseYuanToCents(text: string): Parsed | null {
  return parseHundredths(text, { name: '金额', example: '12345.67' });
}

/** "33.33" (or "33.33%") → 3333 basis points; null while empty. */
export function parsePercentToBasisPoints(text: string): Parsed | null {
  return parseHundredths(text, { name: '比例', example: '50 或 33.33' });
}

/** 1234567 → "12345.67", 1234500 → "12345": the text an input shows for an amount in cents. */
export function centsToInputText(cents: number): string {
  const whole = Math.trunc(cents / 100);
  const fraction = cents % 100;
  return fraction === 0 ? String(whole) : `${whole}.${String(fraction).padStart(2, '0')}`;
}

/** 3333 → "33.33", 5000 → "50". */
export function basisPointsToInputText(basisPoints: number): string {
  return centsToInputText(basisPoints);
}

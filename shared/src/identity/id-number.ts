import { isRealDate } from '../format/dates';

/**
 * Resident ID number rules (GB 11643-1999): 17 digits + check character, where the check is
 * sum(d[i] * W[i]) mod 11 mapped through "10X98765432". Digits 7–14 are the birth date.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
const CHECK_CHARS = '10X98765432';

export type IdNumberCheck =
  | { ok: true; normalized: string; birthDate: string; gender: 'male' | 'female' }
  | { ok: false; message: string };

export function idCheckCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS[sum % 11] ?? '';
}

/** `today` as YYYY-MM-DD (Asia/Shanghai) so the check is deterministic in tests. */
export function checkIdNumber(raw: string, today: string): IdNumberCheck {
  const id = raw.trim().toUpperCase();
  if (id.length !== 18) return { ok: false, message: `身份证号码应为 18 位，当前为 ${id.length} 位` };
  if (!/^\d{17}[\dX]$/.test(id))
    return { ok: false, message: '身份证号码前 17 位应为数字，最后一位为数字或 X' };
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isRealDate(birth)) return { ok: false, message: '身份证号码中的出生日期无效' };
  if (birth > today || birth < '1900-01-01')
    return { ok: false, message: '身份证号码中的出生日期不在合理范围内' };
  if (idCheckCharacter(id.slice(0, 17)) !== id[17])
    return { ok: false, message: '身份证号码校验位不正确，请核对后重新输入' };
  return { ok: true, normalized: id, birthDate: birth, gender: Number(id[16]) % 2 === 1 ? 'male' : 'female' };
}

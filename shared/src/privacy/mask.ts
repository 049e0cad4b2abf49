/**
 * Masking of personal data for every response and log line. Raw values never leave the server
 * except to the field cipher.
 */
/**
 * An ID or document number: the first and last four characters of a resident ID card (18), the
 * first and last two of a shorter document number (a passport or permit, 8–11), so that at least
 * half of any number is hidden; shorter than 6, all of it.
 */
export function maskIdNumber(id: string): string {
  const kept = id.length >= 15 ? 4 : id.length >= 6 ? 2 : 0;
  if (kept === 0) return '*'.repeat(id.length);
  return `${id.slice(0, kept)}${'*'.repeat(id.length - 2 * kept)}${id.slice(-kept)}`;
}

export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}

export function maskBankAccount(account: string): string {
  const digits = account.replace(/\s+/g, '');
  return `**** **** **** ${digits.slice(-4)}`;
}

/** Patterns the log redactor looks for in free text (ID numbers and mainland mobile numbers). */
export const SENSITIVE_PATTERNS: readonly RegExp[] = [
  /(?<!\d)\d{17}[\dXx](?!\d)/g,
  /(?<!\d)1[3-9]\d{9}(?!\d)/g,
  /(?<!\d)\d{16,19}(?!\d)/g,
];

/**
 * Bearer credentials that travel in URLs and must never reach a log: a letter link's token in its
 * path (it opens the letter without sign-in), tokens and signatures in query strings (the live
 * chat's `?token=` access token), and anything shaped like a JWT or a signed link token.
 */
const URL_CREDENTIALS: readonly [RegExp, string][] = [
  [/(\/letter-links\/)[^/?#\s"']+/g, '$1[redacted]'],
  [/([?&](?:token|access_?token|refresh_?token|signature|msg_signature|sig)=)[^&#\s"']+/gi, '$1[redacted]'],
  [/\beyJ[\w-]+\.[\w-]+(?:\.[\w-]+)?/g, '[redacted-token]'],
];

export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of URL_CREDENTIALS) out = out.replace(pattern, replacement);
  for (const pattern of SENSITIVE_PATTERNS)
    out = out.replace(pattern, (m) => (m.length === 11 ? maskPhone(m) : maskIdNumber(m)));
  return out;
}

/** An e-mail address: its first character and its domain (z***@example.com). */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at <= 0) return '*'.repeat(email.length);
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

/**
 * Free text (an address) where a person may read it in another's place: the first few characters
 * (the city), the rest hidden; text already masked stays as it is.
 */
export function maskFreeText(value: string): string {
  const chars = [...value];
  if (chars.length <= 2) return '*'.repeat(chars.length);
  if (chars.includes('*')) return value;
  const keep = Math.min(6, Math.floor(chars.length / 3));
  return `${chars.slice(0, keep).join('')}${'*'.repeat(Math.min(8, chars.length - keep))}`;
}

const digitsOf = (text: string) => text.replace(/\D/g, '');

/**
 * Personal data a person writes into a chat beyond what `SENSITIVE_PATTERNS` finds (numbers that
 * can be nothing else, safe for every log line): e-mail addresses; ID card, mobile and bank card
 * numbers written in groups or with +86; passport and permit numbers (one or two capital letters
 * and 7–10 digits: 护照 E12345678 / EA1234567, 港澳通行证 C12345678, 回乡证 H1234567801); and
 * street addresses (a road or street with its number, and the rooms after it).
 */
const PERSONAL_PATTERNS: readonly [RegExp, (match: string) => string][] = [
  [/[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+/g, maskEmail],
  [
    /(?<![\dA-Za-z])\d{6}[ -]\d{4}[ -]?\d{4}[ -]\d{3}[\dXx](?![\dA-Za-z])/g,
    (m) => maskIdNumber(digitsOf(m.slice(0, -1)) + m.slice(-1)),
  ],
  [/(?<![\d+])(?:\+?86[ -]?)?1[3-9]\d(?:[ -]?\d{4}){2}(?!\d)/g, (m) => maskPhone(digitsOf(m).slice(-11))],
  [/(?<!\d)\d{4}(?:[ -]\d{4}){3}(?:[ -]?\d{1,3})?(?!\d)/g, maskBankAccount],
  [/(?<![A-Za-z0-9])[A-Z]{1,2}\d{7,10}(?![A-Za-z0-9])/g, maskIdNumber],
  [
    /[\u4e00-\u9fa5A-Za-z0-9]{0,16}?(?:路|街|大道|巷|胡同|村)\d+(?:号|弄)(?:[\dA-Za-z-]+(?:号楼|号|弄|栋|幢|座|单元|楼|层|室))*/g,
    maskFreeText,
  ],
];

/**
 * Free text a person reads in another's place (an executive listening in on a chat): everything
 * `redactText` hides, and the patterns above; then each of the known values (the customer's own
 * address or e-mail on file, written exactly) hidden wherever it appears. A policy number, an
 * amount or a date stays readable.
 */
export function redactPersonalText(
  text: string,
  known: {
    addresses?: readonly (string | null | undefined)[];
    emails?: readonly (string | null | undefined)[];
  } = {},
): string {
  let out = text;
  for (const address of known.addresses ?? [])
    if (address && [...address].length >= 4) out = out.split(address).join(maskFreeText(address));
  for (const email of known.emails ?? []) if (email) out = out.split(email).join(maskEmail(email));
  for (const [pattern, mask] of PERSONAL_PATTERNS) out = out.replace(pattern, mask);
  return redactText(out);
}

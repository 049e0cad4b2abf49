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

import { Logger } from '@aws-lambda-powertools/logger';
import { maskBankAccount, maskIdNumber, maskPhone, redactText } from '@zhixiang/shared/privacy/mask';

/**
 * Keys whose values are personal data whatever they look like. Free text is also scanned
 * (redactText) because an upstream error message or an echoed request can carry an ID number.
 */
const MASK_BY_KEY: Record<string, (value: string) => string> = {
  idnumber: maskIdNumber,
  phone: maskPhone,
  mobile: maskPhone,
  phonenumber: maskPhone,
  bankaccount: maskBankAccount,
  accountnumber: maskBankAccount,
};
const DROP_KEYS = new Set([
  'jscode',
  'sessionkey',
  'secret',
  'authorization',
  'refreshtoken',
  'accesstoken',
  'password',
  // Bearer tokens of letter links and the live chat's handshake.
  'token',
]);
/** `code` is an error code (`VALIDATION_FAILED`, `LimitExceeded.X`) or a credential (SMS code, wx.login code). */
const ERROR_CODE_SHAPE = /^[A-Z][A-Za-z0-9_.]*$/;

/** JSON.stringify replacer applied to every log line: masks, drops secrets, redacts free text. */
export function redactLogValue(key: string, value: unknown): unknown {
  const normalizedKey = key.toLowerCase().replace(/[_-]/g, '');
  if (DROP_KEYS.has(normalizedKey) && typeof value === 'string') return '[redacted]';
  if (normalizedKey === 'code' && typeof value === 'string' && !ERROR_CODE_SHAPE.test(value))
    return '[redacted]';
  if (typeof value !== 'string') return value;
  const mask = MASK_BY_KEY[normalizedKey];
  return mask ? mask(value) : redactText(value);
}

/** A structured JSON logger whose every line passes through the redactor. */
export function createLogger(
  options: { logLevel?: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR' | 'SILENT' } = {},
): Logger {
  return new Logger({
    serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'zhixiang-kefu',
    jsonReplacerFn: redactLogValue,
    ...options,
  });
}

let rootLogger: Logger | undefined;

/** The process-wide logger; one structured JSON line per call, personal data never raw. */
export function getLogger(): Logger {
  rootLogger ??= createLogger();
  return rootLogger;
}

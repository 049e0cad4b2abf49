import * as z from 'zod/mini';
import { AUTHORISATION_ID } from '../authorisations/schemas';
import { isRealDate } from '../format/dates';
import { checkIdNumber } from './id-number';

/**
 * ID-card photos and what is read from them (ID-card OCR): the upload contract, the validity
 * period of the back side, and the checks of a read card against the customer record.
 */

/** WeChat's OCR takes images under 2 MB; we hold uploads to the same limit. */
export const MAX_ID_IMAGE_BYTES = 2 * 1024 * 1024;
/** A short selfie video for staff review (≈ 10 s at phone quality). */
export const MAX_SELFIE_VIDEO_BYTES = 20 * 1024 * 1024;
/** How long a presigned upload URL works. */
export const UPLOAD_URL_SECONDS = 300;

export const UPLOAD_KINDS = ['id_card_front', 'id_card_back', 'selfie_video'] as const;
export type UploadKind = (typeof UPLOAD_KINDS)[number];
export const UPLOAD_KIND_LABELS: Record<UploadKind, string> = {
  id_card_front: '身份证人像面',
  id_card_back: '身份证国徽面',
  selfie_video: '自拍视频',
};

const customerId = z.string().check(z.regex(/^[\w-]{1,64}$/, '客户编号格式不正确'));
const uploadId = z.string().check(z.regex(/^[\w-]{8,64}$/, '上传编号格式不正确'));

export const CreateUploadRequestSchema = z.strictObject({
  kind: z.enum(UPLOAD_KINDS),
  customerId: z.optional(customerId),
  /** A trustee uploading their own document for 人工审核, for what they do on this authorisation. */
  authorisationId: z.optional(
    z.string('授权编号应为文字').check(z.regex(AUTHORISATION_ID, '授权编号格式不正确')),
  ),
});
export const UploadTicketSchema = z.object({
  uploadId: z.string(),
  kind: z.enum(UPLOAD_KINDS),
  /** PUT the file's bytes here with the given Content-Type, before `expiresAt`. */
  uploadUrl: z.string(),
  contentType: z.string(),
  maxBytes: z.number(),
  expiresAt: z.number(),
});
export type UploadTicket = z.infer<typeof UploadTicketSchema>;

export const CheckIdCardRequestSchema = z.strictObject({
  frontUploadId: uploadId,
  backUploadId: uploadId,
  customerId: z.optional(customerId),
});

export const ID_CARD_CHECKS = [
  'image',
  'idNumber',
  'birthDate',
  'validity',
  'name',
  'idNumberMatch',
] as const;
export type IdCardCheckName = (typeof ID_CARD_CHECKS)[number];

export const IdCardCheckSchema = z.object({
  check: z.enum(ID_CARD_CHECKS),
  label: z.string(),
  /** `skipped`: the local reader cannot read Chinese names; WeChat's OCR can. */
  status: z.enum(['passed', 'failed', 'skipped']),
  message: z.string(),
});
export type IdCardCheck = z.infer<typeof IdCardCheckSchema>;

/**
 * Reading a renewed ID card on its own (the home's expiry to-do), not as a step of a verification:
 * the passed check records the new card's validity, and the to-do goes.
 */
export const ID_DOCUMENT_UPDATE_PURPOSE = 'id_document_update';

export const IdCardResultSchema = z.object({
  checkId: z.string(),
  passed: z.boolean(),
  /** Masked as everywhere else; the raw number never travels back. */
  idNumberMasked: z.nullable(z.string()),
  nameRead: z.nullable(z.string()),
  validUntil: z.nullable(z.string()),
  checks: z.array(IdCardCheckSchema),
});
export type IdCardResult = z.infer<typeof IdCardResultSchema>;

/** `image/jpeg` or `image/png` by the file's first bytes, whatever its name or declared type says. */
export function imageTypeOf(head: Uint8Array): 'image/jpeg' | 'image/png' | null {
  if (head.length >= 3 && head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return 'image/jpeg';
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (head.length >= 8 && png.every((byte, i) => head[i] === byte)) return 'image/png';
  return null;
}

/**
 * MP4 / QuickTime (`ftyp` box at offset 4), what phone cameras record, or WebM (EBML header), what
 * browsers record on the H5 channel.
 */
export function videoTypeOf(head: Uint8Array): 'video/mp4' | 'video/webm' | null {
  if (head.length >= 8 && String.fromCharCode(...head.slice(4, 8)) === 'ftyp') return 'video/mp4';
  if (head.length >= 4 && head[0] === 0x1a && head[1] === 0x45 && head[2] === 0xdf && head[3] === 0xa3)
    return 'video/webm';
  return null;
}

export interface Validity {
  from: string;
  /** null = 长期 (long-term card). */
  until: string | null;
}

/**
 * The back side's 有效期限 as printed (`2015.03.12-2035.03.12`, `2015.03.12-长期`) or as WeChat's OCR
 * returns it (`20150312-20350312`); null when it is not a real period.
 */
export function parseValidity(text: string): Validity | null {
  const match =
    /(\d{4})[.\-/年]?(\d{2})[.\-/月]?(\d{2})日?\s*[-—~至]\s*(?:(\d{4})[.\-/年]?(\d{2})[.\-/月]?(\d{2})日?|(长期))/.exec(
      text,
    );
  if (!match) return null;
  const from = `${match[1]}-${match[2]}-${match[3]}`;
  if (!isRealDate(from)) return null;
  if (match[7]) return { from, until: null };
  const until = `${match[4]}-${match[5]}-${match[6]}`;
  if (!isRealDate(until) || until <= from) return null;
  return { from, until };
}

/** The first 18-character ID number in OCR text (spaces inside it tolerated). */
export function findIdNumber(text: string): string | null {
  const compact = text.toUpperCase().replace(/[\s·.]/g, '');
  return /(?<!\d)\d{17}[\dX](?!\d)/.exec(compact)?.[0] ?? null;
}

export interface IdCardReading {
  name: string | null;
  idNumber: string | null;
  validity: Validity | null;
}

/**
 * The checks of a read card: GB 11643 checksum and birth date, the card not expired, and the name
 * and number against the customer (`nameMatches` / `numberMatches` are computed by the caller —
 * the number through the blind index). Messages name the field that differs and never echo the
 * stored value.
 */
export function checkIdCardReading(
  reading: IdCardReading,
  today: string,
  match: { nameMatches: boolean | null; numberMatches: boolean },
): IdCardCheck[] {
  const checks: IdCardCheck[] = [];
  const number = reading.idNumber ? checkIdNumber(reading.idNumber, today) : null;
  if (!reading.idNumber) {
    checks.push(failed('idNumber', '身份证号码', '未能识别身份证号码，请在光线充足处对准证件重新拍摄人像面'));
  } else if (number && !number.ok) {
    const isBirth = number.message.includes('出生日期');
    checks.push(
      isBirth
        ? passed('idNumber', '身份证号码', '号码为 18 位')
        : failed('idNumber', '身份证号码', `${number.message}（如为识别误差，请重新拍摄）`),
    );
    if (isBirth) checks.push(failed('birthDate', '出生日期', number.message));
  } else {
    checks.push(passed('idNumber', '身份证号码', '校验位正确（GB 11643）'));
    checks.push(passed('birthDate', '出生日期', '号码中的出生日期有效'));
  }
  if (!reading.validity) {
    checks.push(failed('validity', '有效期限', '未能识别证件有效期限，请重新拍摄国徽面'));
  } else if (reading.validity.until !== null && reading.validity.until < today) {
    checks.push(failed('validity', '有效期限', `证件已于 ${reading.validity.until} 过期，请使用有效证件`));
  } else if (reading.validity.from > today) {
    checks.push(failed('validity', '有效期限', '证件有效期起始日期晚于今天，请核对证件'));
  } else {
    checks.push(
      passed(
        'validity',
        '有效期限',
        reading.validity.until ? `有效至 ${reading.validity.until}` : '长期有效',
      ),
    );
  }
  if (match.nameMatches === null) {
    checks.push({
      check: 'name',
      label: '姓名',
      status: 'skipped',
      message: '本地识别不读取中文姓名，姓名未比对',
    });
  } else {
    checks.push(
      match.nameMatches
        ? passed('name', '姓名', '与客户资料一致')
        : failed('name', '姓名', '证件姓名与客户资料不一致'),
    );
  }
  if (number?.ok) {
    checks.push(
      match.numberMatches
        ? passed('idNumberMatch', '证件号码比对', '与客户资料一致')
        : failed('idNumberMatch', '证件号码比对', '证件号码与客户资料不一致'),
    );
  }
  return checks;
}

function passed(check: IdCardCheckName, label: string, message: string): IdCardCheck {
  return { check, label, status: 'passed', message };
}
function failed(check: IdCardCheckName, label: string, message: string): IdCardCheck {
  return { check, label, status: 'failed', message };
}

import * as z from 'zod/mini';
import { imageTypeOf } from '../identity/id-card';
import type { UploadRule } from './checked-file';

/**
 * Files attached to a record (a complaint's photos, a rectification's closure evidence): uploaded
 * by the device with a presigned PUT to a staging key of the uploader's own, checked by the server
 * (size, type by the first bytes), then kept under the record with what the check found. A record
 * only ever lists attachments that passed the check.
 */
export const ATTACHMENT_TYPE_LABELS = {
  'image/jpeg': 'JPG 照片',
  'image/png': 'PNG 图片',
  'image/heic': 'HEIC 照片',
  'application/pdf': 'PDF 文件',
} as const;
export type AttachmentType = keyof typeof ATTACHMENT_TYPE_LABELS;

/** How long a presigned upload or viewing link lives. */
export const ATTACHMENT_UPLOAD_SECONDS = 15 * 60;
export const ATTACHMENT_VIEW_SECONDS = 5 * 60;

/** HEIF brands of the `ftyp` box phone cameras write (iPhone: heic; others mif1 / heix). */
const HEIC_BRANDS = new Set(['heic', 'heix', 'hevc', 'hevx', 'heim', 'heis', 'mif1', 'msf1']);

/** A HEIC / HEIF photo by its `ftyp` box and major brand, whatever its name says. */
export function heicTypeOf(head: Uint8Array): 'image/heic' | null {
  if (head.length < 12 || String.fromCharCode(...head.slice(4, 8)) !== 'ftyp') return null;
  return HEIC_BRANDS.has(String.fromCharCode(...head.slice(8, 12))) ? 'image/heic' : null;
}

/** A PDF by its header (`%PDF-`). */
export function pdfTypeOf(head: Uint8Array): 'application/pdf' | null {
  return head.length >= 5 && String.fromCharCode(...head.slice(0, 5)) === '%PDF-' ? 'application/pdf' : null;
}

/** JPEG, PNG or HEIC: a complaint's photos. */
export function photoTypeOf(head: Uint8Array): 'image/jpeg' | 'image/png' | 'image/heic' | null {
  return imageTypeOf(head) ?? heicTypeOf(head);
}

/** PDF, JPEG or PNG: a rectification's closure evidence. */
export function evidenceTypeOf(head: Uint8Array): 'application/pdf' | 'image/jpeg' | 'image/png' | null {
  return pdfTypeOf(head) ?? imageTypeOf(head);
}

/** What the server hands out for one upload: PUT the file's bytes to `uploadUrl` before `expiresAt`. */
export const UploadTicketSchema = z.object({
  uploadId: z.string(),
  uploadUrl: z.string(),
  contentType: z.string(),
  maxBytes: z.int(),
  expiresAt: z.string(),
});
export type UploadTicket = z.infer<typeof UploadTicketSchema>;

/** The upload ids a request attaches: each a UUID, at most `max`, none twice. */
/* @__NO_SIDE_EFFECTS__ */
export function uploadIdsSchema(what: string, max: number) {
  return z.optional(
    z
      .array(
        z
          .string(`${what}的上传编号应为文字`)
          .check(z.regex(/^[0-9a-f-]{36}$/, `${what}的上传编号格式不正确`)),
        `${what}应为上传编号的列表`,
      )
      .check(
        z.maxLength(max, `${what}最多 ${max} 个`),
        z.refine((ids) => new Set(ids).size === ids.length, `同一${what}不能重复添加`),
      ),
  );
}

/** An attachment as a record keeps it: where, what the check found, and its SHA-256. */
export interface StoredAttachment {
  key: string;
  contentType: AttachmentType;
  size: number;
  sha256: string;
  uploadedAt: string;
}

/** An attachment as a reader sees it (no key): its number on the record, type and size. */
export const AttachmentSchema = z.object({
  fileNo: z.int(),
  contentType: z.enum(
    /* @__PURE__ */ Object.keys(ATTACHMENT_TYPE_LABELS) as [AttachmentType, ...AttachmentType[]],
  ),
  typeLabel: z.string(),
  size: z.int(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/** An attachment with a short-lived link to view it. */
export const AttachmentLinkSchema = z.extend(AttachmentSchema, {
  url: z.string(),
  expiresAt: z.string(),
});
export const AttachmentLinksSchema = z.object({ files: z.array(AttachmentLinkSchema) });
export type AttachmentLinks = z.infer<typeof AttachmentLinksSchema>;

export function toAttachments(stored: readonly StoredAttachment[] | undefined): Attachment[] {
  return (stored ?? []).map((a, i) => ({
    fileNo: i + 1,
    contentType: a.contentType,
    typeLabel: ATTACHMENT_TYPE_LABELS[a.contentType],
    size: a.size,
  }));
}

/** `5 MB`, `10 MB`: a limit as the messages say it. */
export const megabytes = (bytes: number) => `${bytes / 1024 / 1024} MB`;

/** The check of one of several files (`which`: 「第 2 张照片」), each refusal naming it. */
export function numberedUploadRule<T extends string>(
  which: string,
  rule: { maxBytes: number; typeOf(bytes: Uint8Array): T | null; field: string; types: string },
): UploadRule<T> {
  return {
    maxBytes: rule.maxBytes,
    typeOf: rule.typeOf,
    field: rule.field,
    notUploaded: `${which}尚未上传完成，请重新上传`,
    tooLarge: `${which}超过 ${megabytes(rule.maxBytes)}，请压缩后重新上传`,
    wrongType: `${which}不是 ${rule.types} 格式，请重新选择`,
  };
}

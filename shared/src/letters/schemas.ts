import * as z from 'zod/mini';
import { LETTER_DELIVERIES, LETTER_TYPES, NOTICE_CHANNELS } from './model';

/** The e-letters (电子信函) API contract: 我的信函, a letter, its link, subscriptions. */

export const letterId = z.string().check(z.regex(/^LT\d{8}[A-Z0-9]{8}$/, '信函编号格式不正确'));
export const LetterPathSchema = z.object({ letterId });
export const LetterTypePathSchema = z.object({
  customerId: z.string().check(z.regex(/^[0-9A-Za-z_-]{1,64}$/, '客户编号格式不正确')),
  letterType: z.enum(LETTER_TYPES, '不支持的信函类型'),
});
/** A link token: base64url payload `.` base64url HMAC. */
export const LetterLinkPathSchema = z.object({
  token: z.string().check(z.regex(/^[\w-]{10,400}\.[\w-]{43}$/, '链接无效')),
});

export const PaperSavedSchema = z.object({
  delivered: z.number(),
  letters: z.number(),
  sheets: z.number(),
  trees: z.number(),
  sheetsPerTree: z.number(),
  source: z.string(),
});

export const LetterSummarySchema = z.object({
  letterId: z.string(),
  letterType: z.enum(LETTER_TYPES),
  title: z.string(),
  policyNo: z.string(),
  issuedAt: z.string(),
  read: z.boolean(),
  paperCopy: z.boolean(),
});
export type LetterSummary = z.infer<typeof LetterSummarySchema>;

export const LetterListResponseSchema = z.object({
  letters: z.array(LetterSummarySchema),
  unread: z.number(),
  paperSaved: PaperSavedSchema,
});
export type LetterListResponse = z.infer<typeof LetterListResponseSchema>;

export const LetterDetailSchema = z.extend(LetterSummarySchema, {
  greeting: z.string(),
  paragraphs: z.array(z.string()),
  facts: z.array(z.tuple([z.string(), z.string()])),
  /** The e-endorsement the letter confirms: the letter links to it (我的批单). */
  documentId: z.nullable(z.string()),
  /** Presigned GET of the PDF, five minutes. */
  pdfUrl: z.string(),
  pages: z.number(),
});
export type LetterDetail = z.infer<typeof LetterDetailSchema>;

const channels = z.array(z.enum(NOTICE_CHANNELS, '不支持的通知渠道')).check(
  z.maxLength(3),
  z.refine((list) => new Set(list).size === list.length, '通知渠道不能重复'),
);

export const UpdateLetterSubscriptionRequestSchema = z
  .strictObject({ delivery: z.enum(LETTER_DELIVERIES, '请选择信函接收方式'), channels })
  .check(
    z.refine((s) => s.delivery === 'paper' || s.channels.length > 0, {
      message: '选择电子信函时请至少选择一个通知渠道',
      path: ['channels'],
    }),
  );

export const LetterSubscriptionSchema = z.object({
  letterType: z.enum(LETTER_TYPES),
  name: z.string(),
  delivery: z.enum(LETTER_DELIVERIES),
  channels: z.array(z.enum(NOTICE_CHANNELS)),
  /** ISO time of the last change, null for the default (paper). */
  updatedAt: z.nullable(z.string()),
  updatedBy: z.nullable(z.string()),
});
export type LetterSubscription = z.infer<typeof LetterSubscriptionSchema>;
export const LetterSubscriptionsResponseSchema = z.object({
  subscriptions: z.array(LetterSubscriptionSchema),
});

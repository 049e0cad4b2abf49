import paperSavingJson from '../../../config/paper-saving.json';

/**
 * E-letters (电子信函): the letters the insurer sends a customer, the customer's choice of how to
 * receive each type, and the "protect a tree" figures. Plain domain: no AWS, no Taro.
 */
export const LETTER_TYPES = [
  'endorsement_confirmation',
  'dividend_statement',
  'pre_debit_notice',
  'debit_success_notice',
  'debit_failure_notice',
  'anniversary_report',
  'lapse_warning',
  'loan_interest_reminder',
  'complaint_decision',
  'authorisation_decision',
] as const;
export type LetterType = (typeof LETTER_TYPES)[number];

export const LETTER_TYPE_NAMES: Record<LetterType, string> = {
  endorsement_confirmation: '保全批单确认函',
  dividend_statement: '红利通知书',
  pre_debit_notice: '扣款预通知',
  debit_success_notice: '扣款成功通知',
  debit_failure_notice: '扣款失败通知',
  anniversary_report: '保单周年报告',
  lapse_warning: '失效预警通知',
  loan_interest_reminder: '保单贷款利息提醒',
  complaint_decision: '投诉处理决定书',
  authorisation_decision: '录像授权审核结果通知书',
};

/**
 * How a letter type reaches the customer. Every letter is issued as an e-letter into 我的信函;
 * the delivery decides whether a paper copy is mailed too (`electronic` stops it — what the postal
 * run reads) and whether the e-letter is announced (`paper`: no announcements). Without a
 * subscription the customer gets what is really delivered: `electronic_and_paper`, unannounced.
 */
export const LETTER_DELIVERIES = ['paper', 'electronic', 'electronic_and_paper'] as const;
export type LetterDelivery = (typeof LETTER_DELIVERIES)[number];
export const DEFAULT_LETTER_DELIVERY: LetterDelivery = 'electronic_and_paper';
export const LETTER_DELIVERY_NAMES: Record<LetterDelivery, string> = {
  paper: '纸质信函（不推送电子版）',
  electronic: '仅电子信函（停寄纸质）',
  electronic_and_paper: '电子 + 纸质信函',
};

/** Channels that announce an e-letter (and carry renewal notices), in the customer's order. */
export const NOTICE_CHANNELS = ['wechat', 'sms', 'email'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];
export const NOTICE_CHANNEL_NAMES: Record<NoticeChannel, string> = {
  wechat: '微信订阅消息',
  sms: '短信链接',
  email: '电子邮件',
};

/** Who changed a subscription: recorded with the time on every change. */
export type ChangeSource = 'customer' | 'agent' | 'staff' | 'admin';

export interface LetterSubscriptionRecord {
  customerId: string;
  letterType: LetterType;
  delivery: LetterDelivery;
  channels: NoticeChannel[];
  updatedAt: number;
  updatedBy: { source: ChangeSource; userId: string };
}

/** What a letter says, as its template composed it: the PDF and the in-app view show the same. */
export interface LetterContent {
  title: string;
  greeting: string;
  paragraphs: string[];
  facts: [label: string, value: string][];
}

export interface LetterRecord {
  letterId: string;
  customerId: string;
  policyNo: string;
  letterType: LetterType;
  title: string;
  /** What the PDF says, kept for the in-app view. */
  content: LetterContent;
  /** S3 key of the rendered PDF. */
  fileKey: string;
  pages: number;
  /** A paper copy is due (the subscription asked for paper, or there is none): the postal run's list. */
  paperCopy: boolean;
  /** The source document (e.g. the signed e-endorsement) the letter encloses, if any. */
  documentId: string | null;
  issuedAt: number;
  readAt: number | null;
}

/**
 * What a customer without a subscription gets, as delivered: the e-letter in 我的信函 and the
 * paper copy by mail, with no announcements.
 */
export function defaultSubscription(customerId: string, letterType: LetterType): LetterSubscriptionRecord {
  return {
    customerId,
    letterType,
    delivery: DEFAULT_LETTER_DELIVERY,
    channels: [],
    updatedAt: 0,
    updatedBy: { source: 'admin', userId: 'default' },
  };
}

export interface PaperSavingSettings {
  sheetsPerLetterPage: number;
  sheetsPerTree: number;
  /** Where the conversion factor comes from, shown beside the figure. */
  source: string;
}

export const paperSavingSettings: PaperSavingSettings = paperSavingJson;

export interface PaperSaved {
  /** E-letters delivered to 我的信函, with or without a paper copy. */
  delivered: number;
  /** Of those, the ones whose paper copy was not mailed: what the figures count. */
  letters: number;
  sheets: number;
  /** Equivalent trees, two decimals. */
  trees: number;
  sheetsPerTree: number;
  source: string;
}

/**
 * "Protect a tree" (护一棵树), counted from the delivered e-letters: the paper not printed for those
 * without a paper copy (an e-letter whose paper copy was mailed as well saved nothing).
 */
export function paperSaved(
  letters: readonly Pick<LetterRecord, 'pages' | 'paperCopy'>[],
  settings: PaperSavingSettings = paperSavingSettings,
): PaperSaved {
  const electronicOnly = letters.filter((letter) => !letter.paperCopy);
  const sheets = electronicOnly.reduce((sum, letter) => sum + letter.pages * settings.sheetsPerLetterPage, 0);
  return {
    delivered: letters.length,
    letters: electronicOnly.length,
    sheets,
    trees: Math.round((sheets / settings.sheetsPerTree) * 100) / 100,
    sheetsPerTree: settings.sheetsPerTree,
    source: settings.source,
  };
}

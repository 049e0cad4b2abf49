import noticeTemplatesJson from '../../../config/notice-templates.json';
import { COLLECTION_ENDORSEMENT_TYPES } from '../endorsement/application';
import { ENDORSEMENT_TYPE_LABELS, type EndorsementType } from '../endorsement/types';
import { formatShanghaiMonthDayTimeCn, todayInShanghai } from '../format/dates';
import { formatYuan } from '../format/money';
import type { SubscribeTemplate } from '../notices/subscribe-message';
import type { EventRecord, RegistrationState } from '../ports/events';
import type { MessageSubject, NotificationKind } from './model';

/**
 * What each moment tells the customer: the message centre's title and short text, the WeChat
 * subscribe message (its template from config/notice-templates.json `notificationMessages`, the
 * field values shaped by `subscribeMessageData`), the SMS, and the subject the message opens.
 */
export type NotificationTemplateName = 'application_result' | 'money_status' | 'event_status';
export const notificationTemplates = noticeTemplatesJson.notificationMessages as Record<
  NotificationTemplateName,
  SubscribeTemplate
>;

/**
 * The templates the mini program asks consent for when the customer submits an application (one
 * tap, at most 5): the review's result, and the money steps that follow it.
 */
export function applicationTemplateIds(): string[] {
  return [notificationTemplates.application_result.templateId, notificationTemplates.money_status.templateId];
}

/**
 * The template the mini program asks consent for when the customer registers for a club event or
 * joins its waiting list: the offer of a freed seat and the reminder before the session.
 */
export function eventTemplateIds(): string[] {
  return [notificationTemplates.event_status.templateId];
}

/** The endorsement outbox's events that tell the customer something. */
export const NOTIFYING_EVENT_TYPES = [
  'endorsement.approved',
  'endorsement.rejected',
  'payment.received',
  'payment.expired',
  'debit.requested',
  'debit.failed',
  'payout.paid',
  'payout.failed',
] as const;
export type NotifyingEventType = (typeof NOTIFYING_EVENT_TYPES)[number];

/** An application's domain event as the notifier reads it (the outbox item's fields). */
export interface ApplicationEvent {
  eventId: string;
  type: NotifyingEventType;
  at: number;
  applicationId: string;
  policyNo: string;
  holderId: string;
  /** Set by the endorsement engine's events; a payout event may leave it out. */
  endorsementType?: EndorsementType | null;
  amountCents: number | null;
  /** The reviewer's reason of a rejection, the bank's of a failed payout. */
  reason?: string | null;
}

export function isNotifyingEvent(type: string): type is NotifyingEventType {
  return (NOTIFYING_EVENT_TYPES as readonly string[]).includes(type);
}

/** A notification as the notifier takes it: the message, and what each push channel carries. */
export interface Notification {
  /** One message per source (the outbox event, the renewal notice): the key of exactly once. */
  sourceKey: string;
  customerId: string;
  /** The policy it concerns: its notice preference gives the channels. */
  policyNo: string | null;
  kind: NotificationKind;
  title: string;
  text: string;
  subject: MessageSubject;
  /** The subscribe message: its template, the page it opens and the values of its fields. */
  wechat: { template: SubscribeTemplate; page: string; values: Record<string, string> };
  /** The SMS: a letter's signed link, or the title and short text. */
  sms:
    | { template: 'letter_link'; code: string; link: string }
    | { template: 'notification'; code: string; text: string };
}

/** The short text's limit in the list and in the SMS. */
export const MAX_TEXT_CHARS = 70;

export function shortText(text: string, max = MAX_TEXT_CHARS): string {
  const chars = Array.from(text);
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

/** The mini program page of an application, as WeChat's `page` wants it (no leading slash). */
export function applicationPage(applicationId: string): string {
  return `packages/endorsements/application/index?applicationId=${encodeURIComponent(applicationId)}`;
}

function matterOf(event: ApplicationEvent): string {
  return event.endorsementType ? ENDORSEMENT_TYPE_LABELS[event.endorsementType] : '保全申请';
}

const money = (cents: number | null) => (cents === null ? '' : formatYuan(cents));

/** The message of one application event. */
export function applicationNotification(event: ApplicationEvent): Notification {
  const matter = matterOf(event);
  const date = todayInShanghai(new Date(event.at));
  const reason = event.reason?.trim() || '未说明原因';
  const base = {
    sourceKey: `${event.type}:${event.eventId}`,
    customerId: event.holderId,
    policyNo: event.policyNo,
    subject: { kind: 'application', applicationId: event.applicationId } as const,
  };
  const told = (
    kind: NotificationKind,
    title: string,
    text: string,
    template: NotificationTemplateName,
    values: Record<string, string>,
  ): Notification => {
    const short = shortText(text);
    return {
      ...base,
      kind,
      title,
      text: short,
      wechat: {
        template: notificationTemplates[template],
        page: applicationPage(event.applicationId),
        values: { matter, ...values },
      },
      sms: { template: 'notification', code: title, text: short },
    };
  };
  switch (event.type) {
    case 'endorsement.approved': {
      const awaitsPayment =
        event.endorsementType !== undefined &&
        event.endorsementType !== null &&
        COLLECTION_ENDORSEMENT_TYPES.includes(event.endorsementType);
      const note = awaitsPayment ? '请在小程序内完成微信支付' : '变更已生效';
      return told(
        'application_approved',
        `${matter}申请已审核通过`,
        awaitsPayment
          ? `保单 ${event.policyNo} 的${matter}申请已通过审核，请在小程序内完成微信支付，款项到账后变更生效`
          : `保单 ${event.policyNo} 的${matter}申请已通过审核，变更已生效`,
        'application_result',
        { result: '审核通过', note, date },
      );
    }
    case 'endorsement.rejected':
      return told(
        'application_rejected',
        `${matter}申请未通过审核`,
        `保单 ${event.policyNo} 的${matter}申请未通过审核。审核意见：${reason}`,
        'application_result',
        { result: '审核未通过', note: reason, date },
      );
    case 'payment.received':
      return told(
        'payment_received',
        '还款已到账',
        `已收到您为保单 ${event.policyNo} 支付的${money(event.amountCents)}，${matter}已生效`,
        'money_status',
        { result: '支付成功', note: `${matter}已生效`, amount: String(event.amountCents ?? 0) },
      );
    case 'payment.expired':
      return told(
        'payment_expired',
        '支付单已超时关闭',
        `保单 ${event.policyNo} 的${matter}${money(event.amountCents)}未在有效期内支付，支付单已关闭；申请仍为待支付，可重新发起支付`,
        'money_status',
        { result: '超时未支付', note: '申请仍待支付，可重新发起', amount: String(event.amountCents ?? 0) },
      );
    case 'debit.requested':
      return told(
        'debit_requested',
        '已发起续期账户扣款',
        `保单 ${event.policyNo} 的${matter}${money(event.amountCents)}将从您的续期账户扣款，通常在 1 个工作日内完成，扣款结果将另行通知`,
        'money_status',
        { result: '扣款中', note: '通常 1 个工作日内完成', amount: String(event.amountCents ?? 0) },
      );
    case 'debit.failed':
      return told(
        'debit_failed',
        '续期账户扣款失败',
        `保单 ${event.policyNo} 的${matter}${money(event.amountCents)}续期账户扣款失败（${reason}），申请仍为待支付，可在申请页改用微信支付`,
        'money_status',
        { result: '扣款失败', note: reason, amount: String(event.amountCents ?? 0) },
      );
    case 'payout.paid':
      return told(
        'payout_paid',
        '款项已到账',
        `保单 ${event.policyNo} 的${matter}款项${money(event.amountCents)}已付至您的收款账户`,
        'money_status',
        { result: '已到账', note: '请留意收款账户入账', amount: String(event.amountCents ?? 0) },
      );
    case 'payout.failed':
      return told(
        'payout_failed',
        '付款失败，请更换收款账户',
        `保单 ${event.policyNo} 的${matter}款项${money(event.amountCents)}付款失败（${reason}），请在申请页更换本人收款账户`,
        'money_status',
        { result: '付款失败', note: reason, amount: String(event.amountCents ?? 0) },
      );
  }
}

/** The mini program page of a club event, where the customer's registration is (accept an offer there). */
export function eventPage(eventId: string): string {
  return `packages/events/detail/index?eventId=${encodeURIComponent(eventId)}`;
}

/** What the event notices read of the event. */
export type NoticeEvent = Pick<EventRecord, 'eventId' | 'title' | 'venues' | 'sessions' | 'whatToBring'>;
/** What the event notices read of the customer's registration. */
export type NoticeRegistration = Pick<
  RegistrationState,
  'eventId' | 'personKey' | 'sessionId' | 'offerExpiresAt' | 'registeredAt'
> & { customerId: string };

function sessionOf(event: NoticeEvent, registration: NoticeRegistration) {
  const session = event.sessions.find((s) => s.sessionId === registration.sessionId);
  if (!session) throw new Error(`session ${registration.sessionId} of event ${event.eventId} not found`);
  const venue = event.venues.find((v) => v.venueId === session.venueId) ?? null;
  return { session, venue };
}

/** The event's title in a short text: shortened, so the time and what to do always fit. */
const titleInText = (event: NoticeEvent) => shortText(event.title, 14);

function eventNotification(
  event: NoticeEvent,
  registration: NoticeRegistration,
  startsAt: string,
  told: {
    sourceKey: string;
    kind: NotificationKind;
    title: string;
    text: string;
    state: string;
    note: string;
  },
): Notification {
  const short = shortText(told.text);
  return {
    sourceKey: told.sourceKey,
    customerId: registration.customerId,
    policyNo: null,
    kind: told.kind,
    title: told.title,
    text: short,
    subject: { kind: 'event_registration', eventId: event.eventId },
    wechat: {
      template: notificationTemplates.event_status,
      page: eventPage(event.eventId),
      values: { title: event.title, startsAt, state: told.state, note: told.note },
    },
    sms: { template: 'notification', code: told.title, text: short },
  };
}

/**
 * The offer of a freed seat to the head of a session's waiting list: the event, the session's
 * start and until when the seat is kept, leading to the event's page where the customer accepts.
 * One message per offer: its source is the registration and the offer's expiry.
 */
export function eventOfferNotification(event: NoticeEvent, registration: NoticeRegistration): Notification {
  const { session } = sessionOf(event, registration);
  const expiresAt = registration.offerExpiresAt;
  if (!expiresAt)
    throw new Error(`registration ${registration.personKey} of ${event.eventId} holds no offer`);
  const until = formatShanghaiMonthDayTimeCn(expiresAt);
  return eventNotification(event, registration, session.startsAt, {
    sourceKey: `event.offer:${event.eventId}:${registration.personKey}:${expiresAt}`,
    kind: 'event_offer',
    title: '活动候补名额已为您保留',
    text: `「${titleInText(event)}」${formatShanghaiMonthDayTimeCn(session.startsAt)}场的候补名额已为您保留，请于 ${until} 前到活动页确认，逾期将顺延`,
    state: '名额待确认',
    note: `请于${until}前确认`,
  });
}

/**
 * The reminder before a session the customer holds a seat in: when and where, and what to bring.
 * One message per registration and session: a registration moved to another session is reminded
 * of the new one.
 */
export function eventReminderNotification(
  event: NoticeEvent,
  registration: NoticeRegistration,
): Notification {
  const { session, venue } = sessionOf(event, registration);
  const bring = event.whatToBring.trim();
  const place = venue ? `地点：${venue.name}，${venue.address}` : '';
  return eventNotification(event, registration, session.startsAt, {
    sourceKey: `event.reminder:${event.eventId}:${registration.personKey}:${registration.sessionId}:${registration.registeredAt}`,
    kind: 'event_reminder',
    title: '活动即将开始',
    text: [
      `「${titleInText(event)}」将于 ${formatShanghaiMonthDayTimeCn(session.startsAt)} 开始`,
      bring ? `请携带：${bring}` : '',
      place,
    ]
      .filter(Boolean)
      .join('；'),
    state: '即将开始',
    note: venue ? `地点：${venue.name}` : '凭入场码签到入场',
  });
}

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldValue, SubscribeFieldError, subscribeMessageData } from '../../src/notices/subscribe-message';
import {
  eventOfferNotification,
  eventReminderNotification,
  eventTemplateIds,
  MAX_TEXT_CHARS,
  type NoticeEvent,
  type NoticeRegistration,
  notificationTemplates,
} from '../../src/notifications/content';
import { subjectKey } from '../../src/notifications/model';

/** What a club event's offer and reminder tell the customer, within WeChat's and the SMS's limits. */
const event = (overrides: Partial<NoticeEvent> = {}): NoticeEvent => ({
  eventId: 'EV-DEMO-RUN',
  title: '太活力·滨江亲子欢乐跑',
  venues: [{ venueId: 'V1', name: '徐汇滨江跑道', address: '上海市徐汇区龙腾大道2350号' }],
  sessions: [
    {
      sessionId: 'S1',
      venueId: 'V1',
      startsAt: '2026-12-12T01:00:00.000Z',
      endsAt: '2026-12-12T04:00:00.000Z',
      capacity: 30,
    },
  ],
  whatToBring: '运动鞋、饮用水',
  ...overrides,
});
const registration = (overrides: Partial<NoticeRegistration> = {}): NoticeRegistration => ({
  eventId: 'EV-DEMO-RUN',
  personKey: 'C001',
  customerId: 'C001',
  sessionId: 'S1',
  offerExpiresAt: '2026-12-07T02:00:00.000Z',
  registeredAt: '2026-12-05T02:00:00.000Z',
  ...overrides,
});

describe('club event notifications', () => {
  it('tells an offer with the session and until when the seat is kept, opening the event', () => {
    const told = eventOfferNotification(event(), registration());
    expect(told).toMatchObject({
      sourceKey: 'event.offer:EV-DEMO-RUN:C001:2026-12-07T02:00:00.000Z',
      customerId: 'C001',
      policyNo: null,
      kind: 'event_offer',
      title: '活动候补名额已为您保留',
      subject: { kind: 'event_registration', eventId: 'EV-DEMO-RUN' },
      sms: { template: 'notification', code: '活动候补名额已为您保留' },
    });
    expect(told.text).toBe(
      '「太活力·滨江亲子欢乐跑」12月12日 09:00场的候补名额已为您保留，请于 12月7日 10:00 前到活动页确认，逾期将顺延',
    );
    expect(told.wechat.page).toBe('packages/events/detail/index?eventId=EV-DEMO-RUN');
    expect(subscribeMessageData(told.wechat.template, told.wechat.values)).toEqual({
      thing1: { value: '太活力·滨江亲子欢乐跑' },
      time2: { value: '2026年12月12日 09:00' },
      phrase3: { value: '名额待确认' },
      thing4: { value: '请于12月7日 10:00前确认' },
    });
    expect(subjectKey(told.subject)).toBe('event_registration:EV-DEMO-RUN');
  });

  it('reminds of the session: when, what to bring, where; once per registration and session', () => {
    const told = eventReminderNotification(event(), registration({ offerExpiresAt: null }));
    expect(told).toMatchObject({
      sourceKey: 'event.reminder:EV-DEMO-RUN:C001:S1:2026-12-05T02:00:00.000Z',
      kind: 'event_reminder',
      title: '活动即将开始',
      subject: { kind: 'event_registration', eventId: 'EV-DEMO-RUN' },
    });
    expect(told.text).toBe(
      '「太活力·滨江亲子欢乐跑」将于 12月12日 09:00 开始；请携带：运动鞋、饮用水；地点：徐汇滨江跑道，上海市徐汇区龙腾大道2350号',
    );
    expect(subscribeMessageData(told.wechat.template, told.wechat.values)).toEqual({
      thing1: { value: '太活力·滨江亲子欢乐跑' },
      time2: { value: '2026年12月12日 09:00' },
      phrase3: { value: '即将开始' },
      thing4: { value: '地点：徐汇滨江跑道' },
    });
    // Moved to another session: another reminder.
    const moved = eventReminderNotification(
      event({
        sessions: [...event().sessions, { ...event().sessions[0]!, sessionId: 'S2' }],
      }),
      registration({ sessionId: 'S2' }),
    );
    expect(moved.sourceKey).not.toBe(told.sourceKey);
  });

  it('keeps every text and field within the limits, whatever the event says', () => {
    const text = (max: number) =>
      fc.string({ minLength: 1, maxLength: max, unit: 'grapheme' }).filter((s) => s.trim().length > 0);
    fc.assert(
      fc.property(
        text(40),
        text(200),
        text(40),
        text(200),
        fc.integer({ min: Date.parse('2026-01-01'), max: Date.parse('2029-01-01') }),
        (title, whatToBring, venueName, address, startMs) => {
          const startsAt = new Date(startMs).toISOString();
          const e = event({
            title,
            whatToBring,
            venues: [{ venueId: 'V1', name: venueName, address }],
            sessions: [{ ...event().sessions[0]!, startsAt }],
          });
          const r = registration({ offerExpiresAt: new Date(startMs - 3_600_000).toISOString() });
          const offer = eventOfferNotification(e, r);
          // The offer's deadline is never cut off.
          expect(offer.text).toMatch(/前到活动页确认，逾期将顺延$/);
          for (const told of [offer, eventReminderNotification(e, r)]) {
            expect(() => subscribeMessageData(told.wechat.template, told.wechat.values)).not.toThrow();
            expect(Array.from(told.text).length).toBeLessThanOrEqual(MAX_TEXT_CHARS);
            for (const { value } of Object.values(
              subscribeMessageData(told.wechat.template, told.wechat.values),
            ))
              expect(Array.from(value).length).toBeLessThanOrEqual(20);
          }
        },
      ),
    );
  });

  it('shapes a time field as the Shanghai day and time, and refuses what is not an instant', () => {
    expect(fieldValue('time2', 'time', '2026-12-31T16:30:00.000Z')).toBe('2027年01月01日 00:30');
    expect(() => fieldValue('time2', 'time', '明天上午')).toThrow(SubscribeFieldError);
  });

  it('asks consent for the event template in one tap', () => {
    expect(eventTemplateIds()).toEqual([notificationTemplates.event_status.templateId]);
  });
});

import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { CallbackSlotsResponse } from '@zhixiang/shared/callback/schemas';
import { weekdayOf } from '@zhixiang/shared/callback/window';
import { formatDateCn } from '@zhixiang/shared/format/dates';
import { useState } from 'react';
import { JourneyRating } from '../../../components/journey-rating';
import { PageContainer } from '../../../components/page-container';
import { Button } from '../../../components/ui';
import { usePageData } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const dayLabel = (date: string) => `${formatDateCn(date).slice(5)} ${WEEKDAYS[weekdayOf(date)]}`;

type Slot = CallbackSlotsResponse['slots'][number];

function groupByDate(slots: Slot[]): Array<[string, Slot[]]> {
  const days = new Map<string, Slot[]>();
  for (const slot of slots) days.set(slot.date, [...(days.get(slot.date) ?? []), slot]);
  return [...days.entries()];
}

/** The customer picks, moves or cancels the time of their new policy's callback (回访). */
/** The offered slots with the booked one among them (marked as current even when it is full). */
function withCurrent(slots: Slot[], booking: CallbackSlotsResponse['booking']): Slot[] {
  if (!booking || slots.some((slot) => slot.slotId === booking.slotId)) return slots;
  const current = {
    slotId: booking.slotId,
    date: booking.date,
    start: booking.start,
    end: booking.end,
    seatsLeft: 0,
  };
  return [...slots, current].sort((a, b) => `${a.date}${a.start}`.localeCompare(`${b.date}${b.start}`));
}

export default function CallbackBookPage() {
  const { params } = useRouter();
  const policyNo = decodeURIComponent(params.policyNo ?? '');
  const data = usePageData(() => api.listCallbackSlots(policyNo));
  const [moving, setMoving] = useState(false);
  const [busy, setBusy] = useState(false);

  // Refusals (e.g. 该时段已约满) are shown by the API client's toast; the page reloads either way.
  const act = async (work: () => Promise<unknown>, done: string) => {
    setBusy(true);
    try {
      await work();
      setMoving(false);
      void Taro.showToast({ title: done, icon: 'success' });
    } catch {
      // already shown
    } finally {
      setBusy(false);
      await data.reload();
    }
  };

  return (
    <PageContainer data={data} errorTitle="暂时无法预约回访">
      {(view) => {
        const booking = view.booking;
        const active = booking?.status === 'booked';
        const finished = booking?.status === 'completed' || booking?.status === 'problem';
        // One tap on a slot asks first: booking or moving a call is not undone by accident.
        const pick = async (slot: Slot) => {
          const when = `${dayLabel(slot.date)} ${slot.start}–${slot.end}`;
          const { confirm } = await Taro.showModal({
            title: active ? '确认改约' : '确认预约',
            content:
              active && booking
                ? `由 ${dayLabel(booking.date)} ${booking.start}–${booking.end} 改为 ${when}？`
                : `预约 ${when} 接听回访电话？`,
            confirmText: '确定',
            cancelText: '再想想',
          });
          if (!confirm) return;
          await (active && booking
            ? act(
                () => api.rescheduleCallback(policyNo, { slotId: slot.slotId, version: booking.version }),
                '已改约',
              )
            : act(() => api.bookCallbackSlot(policyNo, { slotId: slot.slotId }), '预约成功'));
        };
        return (
          <View>
            <View className="zx-notice">
              新单回访须在犹豫期内完成（截至 {formatDateCn(view.coolingOffEndDate)}
              ）。请选择方便接听电话的时间，我们会在回访前 30 分钟提醒您。
            </View>
            {active && booking ? (
              <View className="zx-card" data-testid="callback-booking">
                <Text className="zx-card__title">
                  已预约：{dayLabel(booking.date)} {booking.start}–{booking.end}
                </Text>
                <View>还可改约 {booking.reschedulesLeft} 次</View>
                <Button
                  type="primary"
                  fill="outline"
                  disabled={busy || booking.reschedulesLeft === 0}
                  onClick={() => setMoving(!moving)}
                >
                  {moving ? '不改了' : '改约'}
                </Button>
                <Button
                  fill="outline"
                  disabled={busy}
                  onClick={() => void act(() => api.cancelCallback(policyNo), '已取消')}
                >
                  取消预约
                </Button>
              </View>
            ) : null}
            {finished ? (
              <View className="zx-card" data-testid="callback-finished">
                {booking?.status === 'completed'
                  ? '回访已完成，感谢您的配合。'
                  : '您的回访答复已转交专人跟进，我们会尽快与您联系。'}
                <Button
                  block
                  data-testid="callback-back-to-policy"
                  onClick={() => void Taro.redirectTo({ url: pageUrls.policyDetail(policyNo) })}
                >
                  返回保单
                </Button>
              </View>
            ) : null}
            {booking?.status === 'completed' ? (
              <JourneyRating journey="callback" subjectId={policyNo} />
            ) : null}
            {!finished && (!active || moving) ? (
              <View data-testid="callback-slots">
                {view.slots.length === 0 ? (
                  <View className="zx-notice" data-testid="no-slots">
                    犹豫期结束前已没有可预约的时段，您可以在线自助完成回访。
                  </View>
                ) : (
                  groupByDate(withCurrent(view.slots, active ? booking : null)).map(([date, slots]) => (
                    <View key={date} className="zx-card">
                      <Text className="zx-card__title">{dayLabel(date)}</Text>
                      {slots.map((slot) => {
                        const current = active && booking?.slotId === slot.slotId;
                        return (
                          <Button
                            key={slot.slotId}
                            size="small"
                            fill={current ? 'solid' : 'outline'}
                            type={current ? 'primary' : 'default'}
                            disabled={busy || current}
                            data-testid={current ? 'callback-slot-current' : 'callback-slot'}
                            onClick={() => void pick(slot)}
                          >
                            {slot.start}–{slot.end}（{current ? '当前预约' : `余 ${slot.seatsLeft}`}）
                          </Button>
                        );
                      })}
                    </View>
                  ))
                )}
              </View>
            ) : null}
            {!finished ? (
              <Button
                type="primary"
                fill={view.suggestOnlineCallback ? 'solid' : 'outline'}
                onClick={() => void Taro.navigateTo({ url: pageUrls.onlineCallback(policyNo) })}
              >
                在线自助回访
              </Button>
            ) : null}
          </View>
        );
      }}
    </PageContainer>
  );
}

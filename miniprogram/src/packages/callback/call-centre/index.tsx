import { Text, View } from '@tarojs/components';
import { weekdayOf } from '@zhixiang/shared/callback/window';
import { addDays, formatDateCn, todayInShanghai } from '@zhixiang/shared/format/dates';
import { useRef, useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { Button } from '../../../components/ui';
import { usePageData } from '../../../hooks/use-page-data';
import { api } from '../../../services/api';
import { BookingOutcome } from './booking-outcome';
import { FollowUpQueue } from './follow-up-queue';
import { ScheduleEditor } from './schedule-editor';
import './index.scss';

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/**
 * Staff: the call centre's day. 外呼 lists the day's callbacks of the staff member's branch subtree
 * slot by slot (customers masked) and records each call's outcome; 排班 lays out and adjusts slots;
 * 问题件 is the branch's queue of problem cases to follow up.
 */
export default function CallCentrePage() {
  // The shown day lives in a ref as well, so a reload right after a change loads the new day.
  const date = useRef(todayInShanghai());
  const [mode, setMode] = useState<'calls' | 'schedule' | 'followUps'>('calls');
  const day = usePageData(() => api.listCallbackBookings({ query: { date: date.current } }));
  const showDay = (offset: number) => {
    date.current = addDays(date.current, offset);
    void day.reload();
  };

  return (
    <PageContainer data={day} refreshable errorTitle="暂时无法加载回访安排">
      {(view) => {
        const withBookings = view.slots.filter((slot) => slot.bookings.length > 0);
        return (
          <View className="zx-call-centre">
            <View className="zx-card zx-call-centre__day">
              <Button size="small" fill="outline" onClick={() => showDay(-1)}>
                前一天
              </Button>
              <Text className="zx-call-centre__date" data-testid="call-centre-date">
                {formatDateCn(view.date)} {WEEKDAYS[weekdayOf(view.date)]}
              </Text>
              <Button size="small" fill="outline" onClick={() => showDay(1)}>
                后一天
              </Button>
            </View>
            <View className="zx-call-centre__tabs">
              <Button
                size="small"
                type={mode === 'calls' ? 'primary' : 'default'}
                onClick={() => setMode('calls')}
              >
                外呼
              </Button>
              <Button
                size="small"
                type={mode === 'schedule' ? 'primary' : 'default'}
                onClick={() => setMode('schedule')}
              >
                排班
              </Button>
              <Button
                size="small"
                type={mode === 'followUps' ? 'primary' : 'default'}
                onClick={() => setMode('followUps')}
              >
                问题件
              </Button>
            </View>
            {mode === 'followUps' ? <FollowUpQueue /> : null}
            {mode === 'schedule' ? (
              <ScheduleEditor date={view.date} slots={view.slots} onChanged={day.reload} />
            ) : null}
            {mode === 'calls' ? (
              <View data-testid="call-centre-calls">
                {withBookings.length === 0 && view.online.length === 0 ? (
                  <View className="zx-notice">当天没有本机构的回访预约</View>
                ) : null}
                {withBookings.map((slot) => (
                  <View key={slot.slotId} className="zx-card" data-testid="call-centre-slot">
                    <Text className="zx-card__title">
                      {slot.start}–{slot.end}（已约 {slot.booked}/{slot.seats}）
                    </Text>
                    {slot.bookings.map((booking) => (
                      <BookingOutcome key={booking.policyNo} booking={booking} onRecorded={day.reload} />
                    ))}
                  </View>
                ))}
                {view.online.length > 0 ? (
                  <View className="zx-card" data-testid="call-centre-online">
                    <Text className="zx-card__title">在线自助回访</Text>
                    {view.online.map((booking) => (
                      <BookingOutcome key={booking.policyNo} booking={booking} onRecorded={day.reload} />
                    ))}
                  </View>
                ) : null}
              </View>
            ) : null}
          </View>
        );
      }}
    </PageContainer>
  );
}

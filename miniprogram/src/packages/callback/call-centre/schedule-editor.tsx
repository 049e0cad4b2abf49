import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { callCentreSettings } from '@zhixiang/shared/callback/call-centre-settings';
import type { CallbackDayResponse } from '@zhixiang/shared/callback/schemas';
import { addDays } from '@zhixiang/shared/format/dates';
import { useState } from 'react';
import { Button } from '../../../components/ui';
import { api } from '../../../services/api';

type Slot = CallbackDayResponse['slots'][number];

const HOURS = /^([01]\d|2[0-3]):(00|30)$/;

function Field(props: {
  label: string;
  value: string;
  placeholder: string;
  onInput: (value: string) => void;
}) {
  return (
    <View className="zx-field">
      <Text className="zx-field__label">{props.label}</Text>
      <Input
        className="zx-field__input"
        placeholder={props.placeholder}
        value={props.value}
        onInput={(event) => props.onInput(event.detail.value)}
      />
    </View>
  );
}

/**
 * Staff: lays out slots over a date range from opening hours (defaults from
 * config/call-centre.json; days that already have slots keep them), and adjusts the shown day's
 * slots: seats up or down (never below the booked count — the server refuses) and open or close.
 */
export function ScheduleEditor({
  date,
  slots,
  onChanged,
}: {
  date: string;
  slots: Slot[];
  onChanged: () => Promise<void>;
}) {
  const { openingHours, seatsPerSlot } = callCentreSettings;
  const [plan, setPlan] = useState({
    from: date,
    to: addDays(date, 6),
    weekdayOpen: openingHours.weekdays?.open ?? '',
    weekdayClose: openingHours.weekdays?.close ?? '',
    weekendOpen: openingHours.weekends?.open ?? '',
    weekendClose: openingHours.weekends?.close ?? '',
    seats: String(seatsPerSlot),
  });
  const [busy, setBusy] = useState(false);
  const set = (key: keyof typeof plan) => (value: string) => setPlan({ ...plan, [key]: value.trim() });
  const hours = (open: string, close: string) => (open === '' && close === '' ? null : { open, close });

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    try {
      const done = await work();
      void Taro.showToast({ title: done, icon: 'none' });
      await onChanged();
    } catch {
      // the API client has shown the message; the form keeps its values
    } finally {
      setBusy(false);
    }
  };

  const create = () => {
    const invalid = [plan.weekdayOpen, plan.weekdayClose, plan.weekendOpen, plan.weekendClose].some(
      (value) => value !== '' && !HOURS.test(value),
    );
    if (invalid) {
      void Taro.showToast({ title: '时间应为整点或半点，如 09:00、17:30', icon: 'none' });
      return;
    }
    void run(async () => {
      const result = await api.createCallbackSlots({
        from: plan.from,
        to: plan.to,
        weekdays: hours(plan.weekdayOpen, plan.weekdayClose),
        weekends: hours(plan.weekendOpen, plan.weekendClose),
        seats: Number(plan.seats),
      });
      return `新建 ${result.created} 个时段，已存在 ${result.existing} 个`;
    });
  };

  return (
    <View data-testid="schedule-editor">
      <View className="zx-card">
        <Text className="zx-card__title">按模板排班</Text>
        <Field label="开始日期" placeholder="YYYY-MM-DD" value={plan.from} onInput={set('from')} />
        <Field label="结束日期" placeholder="YYYY-MM-DD" value={plan.to} onInput={set('to')} />
        <Field
          label="工作日开始"
          placeholder="09:00（留空为休息）"
          value={plan.weekdayOpen}
          onInput={set('weekdayOpen')}
        />
        <Field
          label="工作日结束"
          placeholder="17:00"
          value={plan.weekdayClose}
          onInput={set('weekdayClose')}
        />
        <Field
          label="周末开始"
          placeholder="10:00（留空为休息）"
          value={plan.weekendOpen}
          onInput={set('weekendOpen')}
        />
        <Field label="周末结束" placeholder="16:00" value={plan.weekendClose} onInput={set('weekendClose')} />
        <Field label="每时段席位" placeholder="3" value={plan.seats} onInput={set('seats')} />
        <Button type="primary" block disabled={busy} onClick={create}>
          生成时段
        </Button>
      </View>
      <View className="zx-card">
        <Text className="zx-card__title">当天时段</Text>
        {slots.length === 0 ? <View className="zx-muted">当天尚未排班</View> : null}
        {slots.map((slot) => (
          <View key={slot.slotId} className="zx-call-centre__slot" data-testid="schedule-slot">
            <Text className={slot.open ? '' : 'zx-muted'}>
              {slot.start}–{slot.end} 席位 {slot.seats} 已约 {slot.booked}
              {slot.open ? '' : '（已关闭）'}
            </Text>
            <View>
              <Button
                size="small"
                fill="outline"
                disabled={busy || slot.seats <= slot.booked}
                onClick={() =>
                  void run(async () => {
                    await api.updateCallbackSlot(slot.slotId, { seats: slot.seats - 1 });
                    return '已减少席位';
                  })
                }
              >
                −
              </Button>
              <Button
                size="small"
                fill="outline"
                disabled={busy}
                onClick={() =>
                  void run(async () => {
                    await api.updateCallbackSlot(slot.slotId, { seats: slot.seats + 1 });
                    return '已增加席位';
                  })
                }
              >
                ＋
              </Button>
              <Button
                size="small"
                type={slot.open ? 'danger' : 'primary'}
                fill="outline"
                disabled={busy}
                onClick={() =>
                  void run(async () => {
                    await api.updateCallbackSlot(slot.slotId, { open: !slot.open });
                    return slot.open ? '已关闭时段' : '已开放时段';
                  })
                }
              >
                {slot.open ? '关闭' : '开放'}
              </Button>
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}

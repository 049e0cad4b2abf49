import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  BOOKING_STATUS_LABELS,
  CALLBACK_POINT_LABELS,
  CALLBACK_POINTS,
  type CallbackDayResponse,
  type CallbackPoint,
  DISPUTES_SALE_LABEL,
} from '@zhixiang/shared/callback/schemas';
import { useState } from 'react';
import { Button, Tag } from '../../../components/ui';
import { api } from '../../../services/api';

type StaffBooking = CallbackDayResponse['online'][number];

const STATUS_TAG = {
  booked: 'primary',
  completed: 'success',
  problem: 'danger',
  unreachable: 'warning',
  cancelled: 'default',
} as const;

/**
 * One callback on the staff day view, and the call's outcome: 回访完成 asks for each of the seven
 * points to be ticked, 问题件 for what the customer said (and whether they dispute the sale: a
 * complaint 销售误导 is then opened for them); 未接通 frees the policy to book again
 * (the customer gets an SMS). What was ticked or typed stays if the request fails.
 */
export function BookingOutcome({
  booking,
  onRecorded,
}: {
  booking: StaffBooking;
  onRecorded: () => Promise<void>;
}) {
  const [form, setForm] = useState<'completed' | 'problem' | null>(null);
  const [points, setPoints] = useState<Partial<Record<CallbackPoint, boolean>>>({});
  const [note, setNote] = useState('');
  const [disputesSale, setDisputesSale] = useState(false);
  const [busy, setBusy] = useState(false);
  const allTicked = CALLBACK_POINTS.every((p) => points[p]);

  const record = async (body: Parameters<typeof api.recordCallbackOutcome>[1], done: string) => {
    setBusy(true);
    try {
      await api.recordCallbackOutcome(booking.policyNo, body);
      setForm(null);
      void Taro.showToast({ title: done, icon: 'success' });
      await onRecorded();
    } catch {
      // the API client has shown the message; the form keeps what was entered
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="zx-call-centre__booking" data-testid={`staff-booking-${booking.policyNo}`}>
      <View className="zx-call-centre__who">
        <Text>
          {booking.customerNameMasked} {booking.phoneMasked}
        </Text>
        <Tag type={STATUS_TAG[booking.status]}>{BOOKING_STATUS_LABELS[booking.status]}</Tag>
      </View>
      <Text className="zx-muted">
        {booking.productName} · 保单 {booking.policyNo}
        {booking.rescheduleCount > 0 ? ` · 已改约 ${booking.rescheduleCount} 次` : ''}
      </Text>
      {booking.status === 'booked' ? (
        <View className="zx-call-centre__actions">
          <Button
            size="small"
            type="primary"
            disabled={busy}
            onClick={() => setForm(form === 'completed' ? null : 'completed')}
          >
            回访完成
          </Button>
          <Button
            size="small"
            fill="outline"
            disabled={busy}
            onClick={() => void record({ outcome: 'unreachable' }, '已记录未接通')}
          >
            未接通
          </Button>
          <Button
            size="small"
            type="danger"
            fill="outline"
            disabled={busy}
            onClick={() => setForm(form === 'problem' ? null : 'problem')}
          >
            问题件
          </Button>
        </View>
      ) : null}
      {form === 'completed' ? (
        <View className="zx-call-centre__form" data-testid="outcome-points">
          <Text className="zx-muted">请逐项与客户确认：</Text>
          {CALLBACK_POINTS.map((point, index) => (
            <View
              key={point}
              className={`zx-call-centre__point${points[point] ? ' zx-call-centre__point--checked' : ''}`}
              onClick={() => setPoints({ ...points, [point]: !points[point] })}
            >
              {points[point] ? '☑' : '☐'} {index + 1}. {CALLBACK_POINT_LABELS[point]}
            </View>
          ))}
          <Button
            type="primary"
            block
            disabled={busy || !allTicked}
            onClick={() =>
              void record(
                { outcome: 'completed', points: Object.fromEntries(CALLBACK_POINTS.map((p) => [p, true])) },
                '已记录回访完成',
              )
            }
          >
            {allTicked ? '确认回访完成' : '请逐项确认七个要点'}
          </Button>
        </View>
      ) : null}
      {form === 'problem' ? (
        <View className="zx-call-centre__form" data-testid="outcome-problem">
          <Textarea
            className="zx-call-centre__note"
            maxlength={500}
            placeholder="请填写问题说明，例如：客户表示投保单非本人签名"
            value={note}
            onInput={(event) => setNote(event.detail.value)}
          />
          <View
            className={`zx-call-centre__point${disputesSale ? ' zx-call-centre__point--checked' : ''}`}
            data-testid="outcome-disputes-sale"
            onClick={() => setDisputesSale(!disputesSale)}
          >
            {disputesSale ? '☑' : '☐'} {DISPUTES_SALE_LABEL}（将自动登记销售误导投诉）
          </View>
          <Button
            type="danger"
            block
            disabled={busy || note.trim() === ''}
            onClick={() =>
              void record(
                { outcome: 'problem', note, ...(disputesSale ? { disputesSale: true } : {}) },
                disputesSale ? '已转问题件并登记投诉' : '已转问题件',
              )
            }
          >
            转问题件
          </Button>
        </View>
      ) : null}
    </View>
  );
}

import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { PLEDGE_KINDS, type PledgeKind, type PledgeView } from '@zhixiang/shared/events/schemas';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import { formatYuan } from '@zhixiang/shared/format/money';
import { useState } from 'react';
import { Button } from '../../components/ui';
import { useBusyAction } from '../../hooks/use-busy-action';
import { usePageData } from '../../hooks/use-page-data';
import { parseYuanToCents } from '../../lib/money-text';
import { api } from '../../services/api';

const KINDS = Object.keys(PLEDGE_KINDS) as PledgeKind[];
/** What the amount counts, as the form asks for it (money is typed in yuan, sent in cents). */
const AMOUNT_PROMPTS: Record<PledgeKind, string> = {
  money: '捐款金额（元）',
  goods: '捐物数量（件）',
  books: '捐书数量（册）',
  volunteer: '志愿支教时长（小时）',
};

export function pledgeText(p: Pick<PledgeView, 'kind' | 'kindLabel' | 'amount' | 'unit'>): string {
  return p.kind === 'money'
    ? `${p.kindLabel} ${formatYuan(p.amount)}`
    : `${p.kindLabel} ${p.amount} ${p.unit}`;
}

interface PledgeDraft {
  kind: PledgeKind;
  amount: string;
  note: string;
}
const draftKey = (eventId: string) => `event-pledge-draft-${eventId}`;

/**
 * 太有爱 认捐: the person's own pledges to the event and a form to pledge money, goods, books or
 * volunteer teaching hours. What is typed is kept on the device until the pledge is recorded.
 */
export function PledgeCard({ eventId }: { eventId: string }) {
  const mine = usePageData(() => api.listMyEventPledges(eventId));
  const [draft, setDraft] = useState<PledgeDraft>(() => {
    const stored = Taro.getStorageSync(draftKey(eventId)) as PledgeDraft | '' | undefined;
    return stored ? stored : { kind: 'books', amount: '', note: '' };
  });
  const [error, setError] = useState('');
  const { busy, run } = useBusyAction(() => undefined);
  const update = (change: Partial<PledgeDraft>) => {
    const next = { ...draft, ...change };
    setDraft(next);
    Taro.setStorageSync(draftKey(eventId), next);
    setError('');
  };
  const amount = (): number | string => {
    if (draft.kind === 'money') {
      const parsed = parseYuanToCents(draft.amount);
      if (!parsed) return '请填写捐款金额';
      return parsed.ok ? parsed.value : parsed.message;
    }
    const value = Number(draft.amount.trim());
    return draft.amount.trim() && Number.isInteger(value)
      ? value
      : `请填写整数的${AMOUNT_PROMPTS[draft.kind]}`;
  };
  const submit = () => {
    const value = amount();
    if (typeof value === 'string') return setError(value);
    if (!draft.note.trim()) return setError('请填写认捐说明，如捐赠的物品或可支教的时间');
    return run(async () => {
      try {
        const pledge = await api.recordEventPledge(eventId, {
          kind: draft.kind,
          amount: value,
          note: draft.note.trim(),
        });
        Taro.removeStorageSync(draftKey(eventId));
        setDraft({ kind: draft.kind, amount: '', note: '' });
        void Taro.showToast({ title: `已认捐：${pledgeText(pledge)}`, icon: 'none' });
        await mine.reload();
      } catch (failure) {
        setError((failure as Error).message);
      }
    });
  };
  const pledges = mine.state.status === 'ready' ? mine.state.data.pledges : [];
  return (
    <View className="zx-card" data-testid="pledge-card">
      <Text className="zx-card__title">我要认捐</Text>
      {pledges.map((p) => (
        <Text key={p.pledgedAt} className="zx-muted" data-testid="my-pledge">
          {formatShanghaiDateTime(p.pledgedAt)} {pledgeText(p)} · {p.note}
        </Text>
      ))}
      <View className="zx-events__chips">
        {KINDS.map((kind) => (
          <View
            key={kind}
            data-testid={`pledge-kind-${kind}`}
            className={`zx-events__chip${draft.kind === kind ? ' zx-events__chip--selected' : ''}`}
            onClick={() => update({ kind })}
          >
            {PLEDGE_KINDS[kind]}
          </View>
        ))}
      </View>
      <Input
        className="zx-events__input"
        data-testid="pledge-amount"
        type="digit"
        placeholder={AMOUNT_PROMPTS[draft.kind]}
        value={draft.amount}
        onInput={(e) => update({ amount: e.detail.value })}
      />
      <Input
        className="zx-events__input"
        data-testid="pledge-note"
        placeholder="认捐说明，如：儿童绘本 20 册"
        value={draft.note}
        onInput={(e) => update({ note: e.detail.value })}
      />
      {error ? <Text className="zx-events__error">{error}</Text> : null}
      <View className="zx-events__actions">
        <Button type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
          确认认捐
        </Button>
      </View>
    </View>
  );
}

import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type CallbackFollowUp, DISPUTES_SALE_LABEL } from '@zhixiang/shared/callback/schemas';
import { useEffect, useState } from 'react';
import { Button, Tag } from '../../../components/ui';
import { api } from '../../../services/api';

const SOURCE_LABELS = { call: '电话回访', online: '在线自助回访' } as const;

function FollowUpCard({ followUp, onResolved }: { followUp: CallbackFollowUp; onResolved: () => void }) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const resolve = async () => {
    setBusy(true);
    try {
      await api.resolveCallbackFollowUp(followUp.policyNo, { note });
      void Taro.showToast({ title: '已办结', icon: 'success' });
      onResolved();
    } catch {
      // the API client has shown the message; the note stays
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="zx-card" data-testid={`follow-up-${followUp.policyNo}`}>
      <View className="zx-call-centre__who">
        <Text>
          {followUp.customerNameMasked} {followUp.phoneMasked}
        </Text>
        <Tag type="danger">{SOURCE_LABELS[followUp.source]}</Tag>
      </View>
      <Text className="zx-muted">
        {followUp.productName} · 保单 {followUp.policyNo}
      </Text>
      {followUp.disputesSale ? (
        <Text className="zx-muted" data-testid="follow-up-disputes-sale">
          {DISPUTES_SALE_LABEL}，已登记销售误导投诉
        </Text>
      ) : null}
      <View className="zx-call-centre__form">{followUp.note}</View>
      <Textarea
        className="zx-call-centre__note"
        maxlength={500}
        placeholder="处理结果，例如：已上门核实，客户确认为本人签名"
        value={note}
        onInput={(event) => setNote(event.detail.value)}
      />
      <Button type="primary" block disabled={busy || note.trim() === ''} onClick={() => void resolve()}>
        办结
      </Button>
    </View>
  );
}

/**
 * Staff: the open problem cases (问题件) of their branch subtree, oldest first, each closed with
 * what was done. Loaded when the tab opens, so the day view stays one request.
 */
export function FollowUpQueue() {
  const [followUps, setFollowUps] = useState<CallbackFollowUp[] | null>(null);
  const [failed, setFailed] = useState(false);
  const load = async () => {
    try {
      setFollowUps((await api.listCallbackFollowUps()).followUps);
      setFailed(false);
    } catch {
      setFailed(true);
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: load once when the tab opens
  useEffect(() => {
    void load();
  }, []);

  if (failed)
    return (
      <View className="zx-notice">
        问题件加载失败
        <Button size="small" fill="outline" onClick={() => void load()}>
          重试
        </Button>
      </View>
    );
  if (!followUps) return <View className="zx-muted">正在加载问题件…</View>;
  return (
    <View data-testid="follow-up-queue">
      {followUps.length === 0 ? <View className="zx-notice">本机构暂无待处理的问题件</View> : null}
      {followUps.map((followUp) => (
        <FollowUpCard
          key={followUp.policyNo}
          followUp={followUp}
          onResolved={() => setFollowUps(followUps.filter((f) => f.policyNo !== followUp.policyNo))}
        />
      ))}
    </View>
  );
}

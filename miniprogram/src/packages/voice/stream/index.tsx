import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import type {
  EscalatedComplaintPush,
  StandardAlertPush,
  VoiceCluster,
  VoiceEscalation,
  VoiceItemView,
  VoiceListeningLog,
} from '@zhixiang/shared/voice/schemas';
import { useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { Button, Tag } from '../../../components/ui';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { useWideLayout } from '../../../hooks/use-wide-layout';
import { pageUrls } from '../../../lib/navigation';
import { getSession } from '../../../lib/session';
import { api } from '../../../services/api';
import { ApiError } from '../../../services/request';
import { useVoiceLive } from '../use-voice-live';
import '../voice.scss';

const TREND: Record<VoiceCluster['trend'], string> = {
  new: '本周新出现',
  up: '较上周上升',
  down: '较上周下降',
  flat: '与上周持平',
};

function Trail({ escalations }: { escalations: readonly VoiceEscalation[] }) {
  return (
    <>
      {escalations.map((e) => (
        <Text key={`${e.fromPath}-${e.at}`} className="zx-voice__trail" data-testid="voice-trail">
          {formatShanghaiDateTime(e.at)} {e.byName}（{e.fromName}）上报至{e.toName}：{e.note}
        </Text>
      ))}
    </>
  );
}

/** 今日聆听记录: who listened to which branch's voice today, and how long (the regulator's evidence). */
function ListeningLog() {
  const [log, setLog] = useState<VoiceListeningLog | null>(null);
  if (!log)
    return (
      <Button size="small" fill="none" onClick={() => void api.getVoiceListeningLog().then(setLog)}>
        查看今日聆听记录
      </Button>
    );
  return (
    <View className="zx-card" data-testid="voice-listening-log">
      <Text className="zx-card__title">今日聆听记录（{log.day}）</Text>
      {log.sessions.length === 0 ? <Text className="zx-muted">暂无</Text> : null}
      {log.sessions.map((s) => (
        <Text key={`${s.userName}-${s.startedAt}`} className="zx-muted" data-testid="voice-listening-session">
          {formatShanghaiDateTime(s.startedAt)} {s.userName}（{s.roleLabel}）
          {s.handoffId ? `旁听人工客服对话（${s.scopeName}）` : `聆听${s.scopeName}`} ·{' '}
          {s.endedAt ? (s.seconds < 60 ? `${s.seconds} 秒` : `${Math.round(s.seconds / 60)} 分钟`) : '进行中'}
        </Text>
      ))}
    </View>
  );
}

/**
 * 客户之声 for staff and executives: the week's pain points of their branch subtree (each theme's
 * count and trend, and its reporting trail), then the items themselves, all or only those reported
 * to their level; new items arrive live over the WebSocket (高管聆听) at the top of the list. A 中支 or
 * 分公司 types one note and reports an item or a theme to the level above (逐级上报); a complaint that
 * escalates to the reader's level, and a service-standard alert (临近超时预警, 超时升级) that goes to it,
 * arrive live at the top (an alert opens 服务标准看板, whose 预警与升级 card lists it). In the H5 build
 * at pad or PC width the pain points and the items sit side by side.
 */
export default function VoiceStreamPage() {
  const [onlyMine, setOnlyMine] = useState(false);
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const data = usePageData(async () => {
    const [clusters, items] = await Promise.all([
      api.listVoiceClusters(),
      api.listVoiceItems(onlyMine ? { query: { reported: 'mine' } } : undefined),
    ]);
    return { clusters, items };
  });
  useReloadOnShow(data);
  const wide = useWideLayout();
  const role = getSession()?.me.role;
  const canListenIn = role === 'executive' || role === 'admin';
  const [live, setLive] = useState<VoiceItemView[]>([]);
  const [escalated, setEscalated] = useState<EscalatedComplaintPush[]>([]);
  const [alerts, setAlerts] = useState<StandardAlertPush[]>([]);
  const listening = useVoiceLive(
    (item) => setLive((items) => [item, ...items.filter((i) => i.itemId !== item.itemId)]),
    (complaint) =>
      setEscalated((shown) => [complaint, ...shown.filter((c) => c.complaintId !== complaint.complaintId)]),
    () => {
      setLive([]);
      void data.reload();
    },
    // A retried push carries the same key: shown once.
    (alert) => setAlerts((shown) => [alert, ...shown.filter((a) => a.alertKey !== alert.alertKey)]),
  );

  const report = async (send: () => Promise<unknown>) => {
    if (note.trim().length < 2) {
      setError('请先填写上报说明（至少 2 个字）');
      return;
    }
    try {
      await send();
      setNote('');
      void Taro.showToast({ title: '已上报', icon: 'success' });
      await data.reload();
    } catch (failure) {
      if (failure instanceof ApiError && failure.field) setError(failure.message);
    }
  };
  /** The list as loaded, under the items pushed since (the pushed ones are new: none is reported yet). */
  const shown = (loaded: readonly VoiceItemView[]) => [
    ...(onlyMine ? [] : live.filter((l) => !loaded.some((i) => i.itemId === l.itemId))),
    ...loaded,
  ];
  const reportItem = (item: VoiceItemView) => report(() => api.escalateVoiceItem(item.itemId, { note }));
  const reportCluster = (week: string, cluster: VoiceCluster) =>
    report(() => api.escalateVoiceCluster({ week, theme: cluster.theme, note }));

  return (
    <PageContainer data={data} refreshable errorTitle="暂时无法查看客户之声">
      {({ clusters, items }) => (
        <View className={`zx-voice${wide ? ' zx-voice--wide' : ''}`} data-testid="voice-stream">
          <Text className="zx-muted" data-testid="voice-listening">
            {listening ? `实时聆听中：${listening}及下属机构` : '实时推送未连接，下拉可刷新'}
          </Text>
          {escalated.map((c) => (
            <View
              key={c.complaintId}
              className="zx-card"
              data-testid="voice-escalated-complaint"
              onClick={() => void Taro.navigateTo({ url: pageUrls.complaintDetail(c.complaintId) })}
            >
              <View className="zx-voice__row">
                <Text className="zx-card__title">投诉超时升级 · {c.categoryLabel}</Text>
                <Tag type="danger">{c.severityLabel}</Tag>
              </View>
              <Text className="zx-muted">
                {c.complaintId}：{c.clockLabels.join('、')}已超时，{formatShanghaiDateTime(c.at)} 由
                {c.fromName}
                升级至{c.toName}
              </Text>
            </View>
          ))}
          {alerts.map((a) => (
            <View
              key={a.alertKey}
              className="zx-card"
              data-testid="voice-standard-alert"
              onClick={() => void Taro.navigateTo({ url: pageUrls.standardsDashboard })}
            >
              <View className="zx-voice__row">
                <Text className="zx-card__title">
                  服务标准{a.levelLabel} · {a.journeyLabel}
                </Text>
                <Tag type={a.level === 0 ? 'warning' : 'danger'}>{a.escalatedToName}</Tag>
              </View>
              <Text className="zx-muted">
                {a.standardName}：{a.branchName}
                {a.policyNo ? `保单 ${a.policyNo} ` : ''}的个案（{formatShanghaiDateTime(a.startAt)} 开始），
                {formatShanghaiDateTime(a.raisedAt)} 报至{a.escalatedToName}
              </Text>
            </View>
          ))}
          <ListeningLog />
          {canListenIn ? (
            <Button
              size="small"
              fill="none"
              data-testid="voice-handoffs-entry"
              onClick={() => void Taro.navigateTo({ url: pageUrls.voiceHandoffs })}
            >
              人工客服旁听
            </Button>
          ) : null}
          <Button
            size="small"
            fill="none"
            data-testid="voice-rectifications"
            onClick={() => void Taro.navigateTo({ url: pageUrls.voiceRectifications })}
          >
            整改任务
          </Button>
          <Text className="zx-voice__label">上报说明</Text>
          <Textarea
            className="zx-voice__textarea"
            data-testid="voice-note"
            maxlength={500}
            placeholder="上报前写明原因与建议，上级可见"
            value={note}
            onInput={(event) => {
              setNote(event.detail.value);
              setError('');
            }}
          />
          {error ? <Text className="zx-voice__error">{error}</Text> : null}

          <View className="zx-voice__columns">
            <View className="zx-voice__column">
              <Text className="zx-voice__label">本周痛点（{clusters.week} 起）</Text>
              {clusters.clusters.length === 0 ? <Text className="zx-muted">本周暂无客户之声</Text> : null}
              {clusters.clusters.map((c) => (
                <View key={c.theme} className="zx-card" data-testid="voice-cluster">
                  <View className="zx-voice__row">
                    <Text className="zx-card__title">
                      {c.label} · {c.count} 条
                    </Text>
                    <Tag type={c.trend === 'up' || c.trend === 'new' ? 'danger' : 'default'}>
                      {TREND[c.trend]}（上周 {c.previousCount}）
                    </Tag>
                  </View>
                  <Trail escalations={c.escalations} />
                  <View className="zx-voice__row">
                    <Button size="small" fill="outline" onClick={() => void reportCluster(clusters.week, c)}>
                      上报该主题
                    </Button>
                    <Button
                      size="small"
                      fill="none"
                      onClick={() =>
                        void Taro.navigateTo({
                          url: pageUrls.newVoiceRectification({
                            week: clusters.week,
                            theme: c.theme,
                            label: c.label,
                          }),
                        })
                      }
                    >
                      发起整改
                    </Button>
                  </View>
                </View>
              ))}
            </View>

            <View className="zx-voice__column">
              <View className="zx-voice__chips">
                {[
                  ['all', '全部'],
                  ['mine', '上报给本机构的'],
                ].map(([key, label]) => (
                  <View
                    key={key}
                    data-testid={`voice-filter-${key}`}
                    className={`zx-voice__chip${(key === 'mine') === onlyMine ? ' zx-voice__chip--selected' : ''}`}
                    onClick={() => {
                      setOnlyMine(key === 'mine');
                      void data.reload();
                    }}
                  >
                    {label}
                  </View>
                ))}
              </View>
              {shown(items.items).length === 0 ? <Text className="zx-muted">暂无</Text> : null}
              {shown(items.items).map((item) => (
                <View key={item.itemId} className="zx-card" data-testid="voice-item">
                  <View className="zx-voice__row">
                    <Text className="zx-card__title">
                      {item.customerLabel} · {item.journeyLabel}
                    </Text>
                    <Tag type="primary">{item.sourceLabel}</Tag>
                  </View>
                  <Text className="zx-muted">{item.text}</Text>
                  <Text className="zx-muted">
                    {item.themes.map((t) => t.label).join('、') || '未归类'} · {item.branchName} ·{' '}
                    {formatShanghaiDateTime(item.at)}
                  </Text>
                  {item.escalations.length > 0 ? (
                    <Text className="zx-muted">当前上报至：{item.reportedToName}</Text>
                  ) : null}
                  <Trail escalations={item.escalations} />
                  <View className="zx-voice__row">
                    <Button size="small" fill="outline" onClick={() => void reportItem(item)}>
                      上报上级
                    </Button>
                    <Button
                      size="small"
                      fill="none"
                      onClick={() =>
                        void Taro.navigateTo({ url: pageUrls.newVoiceRectification({ itemId: item.itemId }) })
                      }
                    >
                      发起整改
                    </Button>
                  </View>
                </View>
              ))}
            </View>
          </View>
        </View>
      )}
    </PageContainer>
  );
}

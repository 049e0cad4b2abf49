import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  LETTER_DELIVERIES,
  LETTER_DELIVERY_NAMES,
  type LetterDelivery,
  NOTICE_CHANNEL_NAMES,
  NOTICE_CHANNELS,
  type NoticeChannel,
} from '@zhixiang/shared/letters/model';
import type { NoticePreferenceInput } from '@zhixiang/shared/notices/schemas';
import { useEffect, useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { Button } from '../../../components/ui';
import { usePageData } from '../../../hooks/use-page-data';
import { getSession } from '../../../lib/session';
import { api } from '../../../services/api';
import { ApiError } from '../../../services/request';
import '../components/letters.scss';

const DEFAULT_CHANNELS: NoticeChannel[] = ['wechat', 'sms'];

/**
 * Subscriptions per letter type (one tap each) and the renewal notice preferences for all the
 * customer's policies: lead days, channels in order, quiet hours, the success notice; and the
 * WeChat consent tap for the pre-debit and success templates together.
 */
export default function LetterSettingsPage() {
  const customerId = getSession()?.me.customerId ?? '';
  const data = usePageData(async () => {
    const [subscriptions, preferences, policies] = await Promise.all([
      api.listLetterSubscriptions(customerId),
      api.getNoticePreferences(customerId),
      api.listMyPolicies(),
    ]);
    // Renewal notices concern the premiums the customer pays: policies they hold, still due.
    const payable = policies.policies.filter((p) => p.viewerRole === 'holder' && p.nextDueDate);
    return { subscriptions: subscriptions.subscriptions, preferences, payable };
  }, Boolean(customerId));
  return (
    <PageContainer data={data} errorTitle="暂时无法查看设置">
      {(view) => (
        <View className="zx-letters">
          <Subscriptions customerId={customerId} initial={view.subscriptions} />
          <NoticePreferences
            customerId={customerId}
            preferences={view.preferences}
            policies={view.payable.map((p) => ({ policyNo: p.policyNo, productName: p.productName }))}
          />
        </View>
      )}
    </PageContainer>
  );
}

const CHOSEN: Record<LetterDelivery, string> = {
  paper: '已改为纸质信函',
  electronic: '已停寄纸质信函',
  electronic_and_paper: '已订阅电子信函',
};

type Subscription = Awaited<ReturnType<typeof api.listLetterSubscriptions>>['subscriptions'][number];

function Subscriptions({ customerId, initial }: { customerId: string; initial: Subscription[] }) {
  const [subscriptions, setSubscriptions] = useState(initial);
  const [saving, setSaving] = useState<string | null>(null);
  async function choose(subscription: Subscription, delivery: LetterDelivery) {
    setSaving(subscription.letterType);
    try {
      const channels = subscription.channels.length > 0 ? subscription.channels : DEFAULT_CHANNELS;
      const saved = await api.updateLetterSubscription(customerId, subscription.letterType, {
        delivery,
        channels,
      });
      setSubscriptions((list) => list.map((s) => (s.letterType === saved.letterType ? saved : s)));
      void Taro.showToast({ title: CHOSEN[delivery], icon: 'success' });
    } finally {
      setSaving(null);
    }
  }
  return (
    <View className="zx-card" data-testid="letter-subscriptions">
      <Text className="zx-card__title">电子信函订阅</Text>
      <Text className="zx-muted" data-testid="subscription-rule">
        每封信函都存入「我的信函」。未设置时为“电子 +
        纸质信函”：电子版存入「我的信函」但不推送通知，纸质信函照常邮寄；选择“仅电子信函”即停寄纸质，并计入节约用纸。
      </Text>
      {subscriptions.map((subscription) => (
        <View
          key={subscription.letterType}
          className="zx-letters__field"
          data-testid={`subscription-${subscription.letterType}`}
        >
          <Text>
            {subscription.name}
            {subscription.updatedBy === null ? <Text className="zx-muted">（默认，未推送）</Text> : null}
          </Text>
          <View className="zx-letters__choices">
            {LETTER_DELIVERIES.map((delivery) => (
              <View
                key={delivery}
                className={`zx-letters__choice ${subscription.delivery === delivery ? 'zx-letters__choice--on' : ''}`}
                data-testid={`delivery-${subscription.letterType}-${delivery}`}
                onClick={() => {
                  // The default may be chosen explicitly: that turns its announcements on.
                  if (saving || (subscription.delivery === delivery && subscription.updatedBy !== null))
                    return;
                  void choose(subscription, delivery);
                }}
              >
                {saving === subscription.letterType && subscription.delivery !== delivery
                  ? '…'
                  : LETTER_DELIVERY_NAMES[delivery]}
              </View>
            ))}
          </View>
        </View>
      ))}
    </View>
  );
}

type Preference = NoticePreferenceInput;
type Preferences = Awaited<ReturnType<typeof api.getNoticePreferences>>;

/** For all policies, or one policy (its own preference wins); the form starts from what applies. */
function NoticePreferences(props: {
  customerId: string;
  preferences: Preferences;
  policies: { policyNo: string; productName: string }[];
}) {
  const [saved, setSaved] = useState(props.preferences.preferences);
  const [scope, setScope] = useState('all');
  const all = saved.find((p) => p.scope === 'all') ?? saved[0]!;
  const current = saved.find((p) => p.scope === scope) ?? { ...all, scope };
  return (
    <View>
      {props.policies.length > 0 ? (
        <View className="zx-card" data-testid="notice-scope">
          <Text className="zx-card__title">通知设置适用于</Text>
          <View className="zx-letters__choices">
            {[{ policyNo: 'all', productName: '全部保单' }, ...props.policies].map((policy) => (
              <View
                key={policy.policyNo}
                className={`zx-letters__choice ${scope === policy.policyNo ? 'zx-letters__choice--on' : ''}`}
                onClick={() => setScope(policy.policyNo)}
              >
                {policy.policyNo === 'all'
                  ? policy.productName
                  : `${policy.productName} 尾号${policy.policyNo.slice(-4)}`}
                {policy.policyNo !== 'all' && saved.some((p) => p.scope === policy.policyNo) ? ' ✓' : ''}
              </View>
            ))}
          </View>
        </View>
      ) : null}
      <NoticePreferenceForm
        key={scope}
        customerId={props.customerId}
        initial={{ ...current, scope }}
        templateIds={props.preferences.subscribeTemplateIds}
        credits={props.preferences.wechatCredits}
        onSaved={(next) => setSaved(next.preferences)}
      />
    </View>
  );
}

/** How long WeChat's message push usually takes to report a subscribe dialog's taps. */
const CREDIT_PUSH_DELAY_MS = 3000;

function NoticePreferenceForm(props: {
  customerId: string;
  initial: Preference;
  templateIds: string[];
  credits: Record<string, number>;
  onSaved: (saved: Preferences) => void;
}) {
  const [form, setForm] = useState<Preference>({
    scope: props.initial.scope,
    leadDays: props.initial.leadDays,
    channels: props.initial.channels,
    quietHours: props.initial.quietHours,
    successNotice: props.initial.successNotice,
  });
  const [leadText, setLeadText] = useState(String(props.initial.leadDays));
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [credits, setCredits] = useState(props.credits);
  useEffect(() => setCredits(props.credits), [props.credits]);

  function toggleChannel(channel: NoticeChannel) {
    setForm((f) => ({
      ...f,
      channels: f.channels.includes(channel)
        ? f.channels.filter((c) => c !== channel)
        : [...f.channels, channel],
    }));
  }

  async function save() {
    setSaving(true);
    setProblem(null);
    try {
      const saved = await api.updateNoticePreference(props.customerId, {
        ...form,
        leadDays: Number(leadText),
      });
      setCredits(saved.wechatCredits);
      props.onSaved(saved);
      void Taro.showToast({ title: '通知设置已保存', icon: 'success' });
    } catch (error) {
      // What was typed stays; the server's message says what to fix.
      setProblem(error instanceof ApiError ? error.message : '保存失败，请稍后再试');
    } finally {
      setSaving(false);
    }
  }

  async function refreshCredits() {
    const preferences = await api.getNoticePreferences(props.customerId);
    setCredits(preferences.wechatCredits);
  }

  async function allowWechat() {
    try {
      let results: Record<string, 'accept' | 'reject'>;
      if (process.env.TARO_ENV === 'weapp') {
        // Consent only from this tap: WeChat shows its own dialog (at most 5 templates at once).
        const answer = (await Taro.requestSubscribeMessage({
          tmplIds: props.templateIds,
          entityIds: [],
        })) as Record<string, string>;
        results = Object.fromEntries(
          props.templateIds.map((id) => [id, answer[id] === 'accept' ? 'accept' : 'reject'] as const),
        );
        const accepted = Object.values(results).includes('accept');
        void Taro.showToast({ title: accepted ? '已允许微信提醒' : '未允许微信提醒', icon: 'none' });
        // WeChat tells the server of the taps by message push, a moment after the dialog closes:
        // read the remaining counts now, and once more shortly after when something was allowed.
        await refreshCredits();
        if (accepted) setTimeout(() => void refreshCredits().catch(() => undefined), CREDIT_PUSH_DELAY_MS);
        return;
      }
      // H5 (local stage): a clearly named stand-in for WeChat's consent dialog.
      const { confirm } = await Taro.showModal({
        title: '模拟订阅消息授权（本地沙箱）',
        content: '允许「扣款预通知」和「扣款成功通知」各发送一次微信提醒？',
        confirmText: '允许',
        cancelText: '拒绝',
      });
      results = Object.fromEntries(
        props.templateIds.map((id) => [id, confirm ? 'accept' : 'reject'] as const),
      );
      await api.recordSandboxSubscribeConsent({ results }, { silent: true });
      await refreshCredits();
    } catch (error) {
      setProblem(error instanceof ApiError ? error.message : '授权未完成，请稍后再试');
    }
  }

  return (
    <View className="zx-card" data-testid="notice-preferences">
      <Text className="zx-card__title">续期扣款通知</Text>
      <View className="zx-letters__field">
        <Text>扣款前几天提醒（1–15 天）：</Text>
        <Input
          className="zx-letters__input"
          type="number"
          value={leadText}
          data-testid="lead-days"
          onInput={(event) => setLeadText(event.detail.value)}
        />
      </View>
      <View className="zx-letters__field">
        <Text>通知渠道（按点选顺序优先）</Text>
        <View className="zx-letters__choices">
          {NOTICE_CHANNELS.map((channel) => {
            const order = form.channels.indexOf(channel);
            return (
              <View
                key={channel}
                className={`zx-letters__choice ${order >= 0 ? 'zx-letters__choice--on' : ''}`}
                data-testid={`channel-${channel}`}
                onClick={() => toggleChannel(channel)}
              >
                {order >= 0 ? `${order + 1}. ` : ''}
                {NOTICE_CHANNEL_NAMES[channel]}
              </View>
            );
          })}
        </View>
      </View>
      <View className="zx-letters__field">
        <Text>免打扰时段：</Text>
        <Input
          className="zx-letters__input"
          value={form.quietHours.start}
          data-testid="quiet-start"
          onInput={(event) =>
            setForm((f) => ({ ...f, quietHours: { ...f.quietHours, start: event.detail.value } }))
          }
        />
        <Text> 至 </Text>
        <Input
          className="zx-letters__input"
          value={form.quietHours.end}
          data-testid="quiet-end"
          onInput={(event) =>
            setForm((f) => ({ ...f, quietHours: { ...f.quietHours, end: event.detail.value } }))
          }
        />
      </View>
      <View className="zx-letters__field">
        <Text>扣款成功后通知我</Text>
        <View className="zx-letters__choices">
          {[true, false].map((value) => (
            <View
              key={String(value)}
              className={`zx-letters__choice ${form.successNotice === value ? 'zx-letters__choice--on' : ''}`}
              data-testid={`success-notice-${value ? 'on' : 'off'}`}
              onClick={() => setForm((f) => ({ ...f, successNotice: value }))}
            >
              {value ? '需要' : '不需要'}
            </View>
          ))}
        </View>
      </View>
      {problem ? (
        <Text className="zx-letters__problem" data-testid="preference-problem">
          {problem}
        </Text>
      ) : null}
      <Button
        type="primary"
        block
        loading={saving}
        data-testid="save-preferences"
        onClick={() => void save()}
      >
        保存通知设置
      </Button>
      <View className="zx-letters__field">
        <Text className="zx-muted">
          微信提醒：每次允许可收到一次提醒。剩余次数：扣款预通知 {credits[props.templateIds[0] ?? ''] ?? 0}{' '}
          次，扣款成功 {credits[props.templateIds[1] ?? ''] ?? 0} 次
        </Text>
        <Button block data-testid="allow-wechat" onClick={() => void allowWechat()}>
          允许微信提醒（扣款预通知 + 扣款成功）
        </Button>
      </View>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { type PolicyService, policyChoices } from '@zhixiang/shared/home/service-hall';
import type { PolicySummary } from '@zhixiang/shared/policy/schemas';
import { useState } from 'react';
import { pageUrls } from '../../lib/navigation';
import { api } from '../../services/api';

interface HallItem {
  key: string;
  icon: string;
  title: string;
  /** Opens the item; an item that needs a policy names the service its picker chooses for. */
  open: (() => void) | { service: PolicyService; pick: (policyNo: string) => string };
}

const go = (url: string) => () => void Taro.navigateTo({ url });

/** 全部服务: every self-service item the system really offers a customer, one tap each. */
const HALL: HallItem[] = [
  {
    key: 'endorsements',
    icon: '保',
    title: '保全服务',
    open: { service: 'endorsements', pick: pageUrls.policyDetail },
  },
  {
    key: 'callback',
    icon: '访',
    title: '预约回访',
    open: { service: 'callback', pick: pageUrls.callbackBooking },
  },
  { key: 'my-endorsements', icon: '申', title: '我的申请', open: go(pageUrls.myEndorsements) },
  { key: 'documents', icon: '批', title: '我的批单', open: go(pageUrls.myDocuments) },
  { key: 'letters', icon: '信', title: '我的信函', open: go(pageUrls.myLetters) },
  { key: 'notice-settings', icon: '通', title: '通知设置', open: go(pageUrls.letterSettings) },
  { key: 'verify-document', icon: '验', title: '批单验真', open: go(pageUrls.verifyDocument) },
  { key: 'products', icon: '品', title: '产品查询', open: go(pageUrls.productSearch) },
  {
    key: 'assistant',
    icon: '客',
    title: '智能客服',
    open: () => void Taro.switchTab({ url: pageUrls.assistant }),
  },
  { key: 'complaint', icon: '诉', title: '投诉建议', open: go(pageUrls.fileComplaint) },
  // For policyholders abroad who cannot come to a counter: authorise a trustee by video.
  { key: 'authorisations', icon: '授', title: '录像授权', open: go(pageUrls.myAuthorisations) },
];

interface Picker {
  item: HallItem & { open: { service: PolicyService; pick: (policyNo: string) => string } };
  policies: PolicySummary[] | null;
  error: string | null;
}

/**
 * The service hall grid. An item that needs a policy opens a picker of the customer's policies:
 * the eligible ones to tap, and each of the others with the reason it is not eligible.
 */
export function ServiceHall() {
  const [picker, setPicker] = useState<Picker | null>(null);

  function open(item: HallItem) {
    if (typeof item.open === 'function') {
      item.open();
      return;
    }
    const pickerItem = item as Picker['item'];
    setPicker({ item: pickerItem, policies: null, error: null });
    api.listMyPolicies().then(
      ({ policies }) => setPicker({ item: pickerItem, policies, error: null }),
      (error: Error) => setPicker({ item: pickerItem, policies: null, error: error.message }),
    );
  }

  return (
    <View className="zx-home__section" data-testid="service-hall">
      <Text className="zx-home__section-title">全部服务</Text>
      <View className="zx-home__hall">
        {HALL.map((item) => (
          <View
            key={item.key}
            className="zx-home__hall-item"
            data-testid={`hall-${item.key}`}
            onClick={() => open(item)}
          >
            <View className="zx-home__hall-icon">{item.icon}</View>
            <Text className="zx-home__hall-title">{item.title}</Text>
          </View>
        ))}
      </View>
      {picker ? <PolicyPicker picker={picker} close={() => setPicker(null)} /> : null}
    </View>
  );
}

function PolicyPicker({ picker, close }: { picker: Picker; close: () => void }) {
  const { item, policies, error } = picker;
  const choices = policies ? policyChoices(item.open.service, policies) : [];
  return (
    <View className="zx-home__picker-mask" onClick={close}>
      <View
        className="zx-home__picker"
        data-testid="policy-picker"
        onClick={(event) => event.stopPropagation()}
      >
        <View className="zx-home__picker-head">
          <Text className="zx-home__section-title">{item.title}：请选择保单</Text>
          <Text className="zx-home__picker-close" onClick={close}>
            关闭
          </Text>
        </View>
        {error ? <Text className="zx-muted">{error}</Text> : null}
        {!policies && !error ? <Text className="zx-muted">正在加载保单…</Text> : null}
        {policies && policies.length === 0 ? <Text className="zx-muted">您名下暂无保单</Text> : null}
        {choices.map(({ policy, eligibility }) => (
          <View
            key={policy.policyNo}
            className={`zx-card zx-home__choice ${eligibility.eligible ? '' : 'zx-home__choice--disabled'}`}
            data-testid="policy-choice"
            data-eligible={eligibility.eligible ? 'yes' : 'no'}
            onClick={() => {
              if (!eligibility.eligible) return;
              close();
              void Taro.navigateTo({ url: item.open.pick(policy.policyNo) });
            }}
          >
            <Text className="zx-home__todo-title">{policy.productName}</Text>
            <Text className="zx-muted">保单号 {policy.policyNo}</Text>
            {eligibility.eligible ? null : (
              <Text className="zx-home__choice-reason" data-testid="choice-reason">
                {eligibility.reason}
              </Text>
            )}
          </View>
        ))}
      </View>
    </View>
  );
}

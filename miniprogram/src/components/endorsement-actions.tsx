import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { EndorsementOptions } from '@zhixiang/shared/endorsement/application';
import { usePageData, useReloadOnShow } from '../hooks/use-page-data';
import { pageUrls } from '../lib/navigation';
import { api } from '../services/api';

/**
 * 保全服务 of one policy: every endorsement type with whether it can be done now and, if not,
 * why; an open application is resumed instead of started again. Shown on the policy detail page
 * and in the agent's workspace; the flows themselves live in the endorsements subpackage.
 */
export function EndorsementActions({ policyNo, title = '保全服务' }: { policyNo: string; title?: string }) {
  const data = usePageData(() => api.getEndorsementOptions(policyNo));
  useReloadOnShow(data);
  const { state } = data;
  return (
    <View className="zx-card" data-testid="endorsement-actions" data-policy-no={policyNo}>
      <Text className="zx-card__title">{title}</Text>
      {state.status === 'loading' ? <Text className="zx-muted">正在查询可办理的业务…</Text> : null}
      {state.status === 'error' ? (
        <Text className="zx-muted" onClick={() => void data.reload()}>
          {state.error.message}（点击重试）
        </Text>
      ) : null}
      {state.status === 'ready' ? <ActionRows options={state.data} /> : null}
    </View>
  );
}

function ActionRows({ options }: { options: EndorsementOptions }) {
  return (
    <View>
      {options.options.map((option) => {
        const open = option.openApplicationId;
        const go = () => {
          if (open) void Taro.navigateTo({ url: pageUrls.endorsementApplication(open) });
          else if (option.available)
            void Taro.navigateTo({ url: pageUrls.endorsementApply(options.policyNo, option.type) });
        };
        return (
          <View
            key={option.type}
            className="zx-row"
            data-testid="endorsement-action"
            data-type={option.type}
            data-available={option.available ? 'yes' : 'no'}
            onClick={go}
          >
            <Text className={option.available || open ? 'zx-row__label zx-primary-text' : 'zx-row__label'}>
              {option.label}
            </Text>
            <Text className="zx-row__value zx-muted">
              {open ? '办理中，继续 ›' : option.available ? '办理 ›' : option.unavailableReason}
            </Text>
          </View>
        );
      })}
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { type ReactNode, useEffect, useState } from 'react';
import type { PageDataState } from '../hooks/use-page-data';
import { goToGate, pageUrls, requiredGate } from '../lib/navigation';
import { themeStyle } from '../lib/theme';
import './page-container.scss';
import { Button } from './ui';

/** Failures a second attempt can fix; a refusal or a missing record will not change on retry. */
const RETRYABLE = new Set([
  'NETWORK',
  'INTERNAL',
  'UPSTREAM_FAILED',
  'RATE_LIMITED',
  'CONFLICT',
  'UNAUTHENTICATED',
]);

export interface EmptyState {
  title: string;
  description?: string;
  action?: { text: string; onClick: () => void };
}

interface PageContainerProps<T> {
  /** Omit for static pages; the container then renders `children` with no data. */
  data?: PageDataState<T>;
  requireSignIn?: boolean;
  /** Lists offer pull-to-refresh; the page config must set `enablePullDownRefresh`. */
  refreshable?: boolean;
  isEmpty?: (data: T) => boolean;
  empty?: EmptyState;
  /** Title of the error state, e.g. 无法查看该保单. */
  errorTitle?: string;
  className?: string;
  children: (data: T) => ReactNode;
}

/** Every page's frame: the sign-in gate, the skeleton, the empty and error states and pull-to-refresh. */
export function PageContainer<T>(props: PageContainerProps<T>) {
  const { data, requireSignIn = true, refreshable = false } = props;
  const [allowed, setAllowed] = useState(() => !requireSignIn || requiredGate() === null);

  useEffect(() => {
    if (!requireSignIn) return;
    const gate = requiredGate();
    if (gate) goToGate(gate);
    else setAllowed(true);
  }, [requireSignIn]);

  usePullDownRefresh(() => {
    if (!refreshable || !data) {
      Taro.stopPullDownRefresh();
      return;
    }
    void data.reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className={`zx-page ${props.className ?? ''}`} style={themeStyle}>
      {allowed ? <PageBody {...props} /> : <PageSkeleton />}
    </View>
  );
}

function PageBody<T>({ data, isEmpty, empty, errorTitle, children }: PageContainerProps<T>) {
  if (!data) return <>{children(undefined as T)}</>;
  const { state, reload } = data;
  if (state.status === 'loading') return <PageSkeleton />;
  if (state.status === 'error') {
    return (
      <View className="zx-state zx-state--error" data-testid="page-error">
        <View className="zx-state__icon">!</View>
        <Text className="zx-state__title">{errorTitle ?? '加载失败'}</Text>
        <Text className="zx-state__description">{state.error.message}</Text>
        {RETRYABLE.has(state.error.code) ? (
          <Button className="zx-state__action" type="primary" size="small" onClick={() => void reload()}>
            重试
          </Button>
        ) : (
          <Button
            className="zx-state__action"
            size="small"
            onClick={() => void Taro.switchTab({ url: pageUrls.home })}
          >
            返回首页
          </Button>
        )}
      </View>
    );
  }
  if (isEmpty?.(state.data) && empty) {
    return (
      <View className="zx-state zx-state--empty" data-testid="page-empty">
        <View className="zx-state__icon">○</View>
        <Text className="zx-state__title">{empty.title}</Text>
        {empty.description ? <Text className="zx-state__description">{empty.description}</Text> : null}
        {empty.action ? (
          <Button className="zx-state__action" type="primary" size="small" onClick={empty.action.onClick}>
            {empty.action.text}
          </Button>
        ) : null}
      </View>
    );
  }
  return <>{children(state.data)}</>;
}

export function PageSkeleton() {
  return (
    <View className="zx-skeleton" data-testid="page-skeleton">
      {[0, 1, 2].map((row) => (
        <View key={row} className="zx-skeleton__card">
          <View className="zx-skeleton__line zx-skeleton__line--short" />
          <View className="zx-skeleton__line" />
          <View className="zx-skeleton__line" />
        </View>
      ))}
    </View>
  );
}

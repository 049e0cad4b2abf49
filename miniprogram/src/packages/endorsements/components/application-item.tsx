import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { EndorsementSummary } from '@zhixiang/shared/endorsement/application';
import { formatDateCn, todayInShanghai } from '@zhixiang/shared/format/dates';
import { Tag } from '../../../components/ui';
import { pageUrls } from '../../../lib/navigation';

const DONE = new Set(['effective', 'document_issued', 'approved']);
const ENDED = new Set(['rejected', 'cancelled']);

/** Newest first: the order of 我的申请 and of every list of applications. */
export function newestFirst<T extends { createdAt: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/**
 * One application in a list: type, state, policy, what comes next; opens the application page, or
 * — in a console laid out side by side — calls `onOpen` and shows as `selected`.
 */
export function ApplicationItem({
  application,
  extra,
  onOpen,
  selected = false,
}: {
  application: EndorsementSummary;
  extra?: string;
  onOpen?: () => void;
  selected?: boolean;
}) {
  const tone = DONE.has(application.status)
    ? 'success'
    : ENDED.has(application.status)
      ? 'default'
      : 'warning';
  return (
    <View
      className={`zx-card ${selected ? 'zx-split__selected' : ''}`}
      data-testid="application-item"
      data-application-id={application.applicationId}
      onClick={() =>
        onOpen
          ? onOpen()
          : void Taro.navigateTo({ url: pageUrls.endorsementApplication(application.applicationId) })
      }
    >
      <View className="zx-endorse__item-head">
        <Text className="zx-card__title">{application.typeLabel}</Text>
        <Tag type={tone}>{application.statusLabel}</Tag>
      </View>
      <Text className="zx-muted zx-endorse__reason">
        {application.productName} · 保单号 {application.policyNo}
      </Text>
      <Text className="zx-muted zx-endorse__reason">
        {formatDateCn(todayInShanghai(new Date(application.createdAt)))} 申请
        {application.preparedBy.role === 'agent' ? ` · 业务员 ${application.preparedBy.name} 代办` : ''}
        {application.preparedBy.role === 'staff' ? ` · 柜面 ${application.preparedBy.name} 代办` : ''}
        {application.nextStep !== 'none' ? ` · ${application.nextStepLabel}` : ''}
      </Text>
      {extra ? <Text className="zx-endorse__reason">{extra}</Text> : null}
    </View>
  );
}

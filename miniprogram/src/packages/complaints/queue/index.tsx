import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import { PageContainer } from '../../../components/page-container';
import { SplitConsole } from '../../../components/split-console';
import { Button, Tag } from '../../../components/ui';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import '../complaints.scss';
import { ComplaintView } from '../detail/complaint-view';

const CLOCK_TAG = { breached: 'danger', warning: 'warning' } as const;

const openScreenPop = () => void Taro.navigateTo({ url: pageUrls.callScreenPop() });
const openReport = () => void Taro.navigateTo({ url: pageUrls.complaintReport });

/**
 * 投诉工单: the open complaints handled in the staff member's branch subtree, with the most pressing
 * clock. At 768 px and wider (H5, staff at a PC) the queue and the selected complaint stand side by
 * side, and a step recorded there reloads the queue.
 */
export default function ComplaintQueuePage() {
  const data = usePageData(() => api.listComplaintQueue());
  useReloadOnShow(data);
  return (
    <PageContainer
      data={data}
      refreshable
      errorTitle="暂时无法查看投诉工单"
      isEmpty={(view) => view.complaints.length === 0}
      empty={{
        title: '暂无待处理的投诉',
        description: '本机构及下属机构的投诉会出现在这里',
        action: { text: '为来电客户登记投诉', onClick: openScreenPop },
      }}
    >
      {(view) => (
        <View className="zx-complaints" data-testid="complaint-queue">
          {/* A caller complains on the phone: the seat opens the call's screen-pop and files from it. */}
          <Button fill="outline" onClick={openScreenPop}>
            为来电客户登记投诉
          </Button>
          <Button fill="outline" onClick={openReport}>
            投诉报表
          </Button>
          <SplitConsole
            items={view.complaints}
            keyOf={(c) => c.complaintId}
            testIdPrefix="complaint-console"
            placeholder="请选择左侧的投诉"
            renderItem={(c, { onSelect, selected }) => (
              <View
                className={`zx-card${selected ? ' zx-split__selected' : ''}`}
                data-testid="complaint-queue-item"
                onClick={() =>
                  onSelect
                    ? onSelect()
                    : void Taro.navigateTo({ url: pageUrls.complaintDetail(c.complaintId) })
                }
              >
                <View className="zx-complaints__row">
                  <Text className="zx-card__title">
                    {c.customerNameMasked} · {c.categoryLabel}
                  </Text>
                  <View>
                    {c.severity === 'urgent' ? <Tag type="danger">{c.severityLabel}</Tag> : null}
                    <Tag type="primary">{c.statusLabel}</Tag>
                  </View>
                </View>
                <Text className="zx-muted">
                  {c.complaintId} · 受理于 {formatShanghaiDateTime(c.receivedAt)}
                </Text>
                <Text className="zx-muted">{c.claimedByName ? `处理人：${c.claimedByName}` : '待认领'}</Text>
                {c.nextDue ? (
                  <View>
                    <Tag type={CLOCK_TAG[c.nextDue.state as keyof typeof CLOCK_TAG] ?? 'default'}>
                      {c.nextDue.label}
                    </Tag>
                    <Text className="zx-muted">
                      {c.nextDue.state === 'breached' ? ' 已超时' : ''}
                      {c.nextDue.dueAt
                        ? ` 时限 ${formatShanghaiDateTime(c.nextDue.dueAt)}`
                        : ' 等待客户中，暂停计时'}
                    </Text>
                  </View>
                ) : null}
              </View>
            )}
            renderDetail={(c) => (
              <ComplaintView complaintId={c.complaintId} onChanged={() => void data.reload()} />
            )}
          />
        </View>
      )}
    </PageContainer>
  );
}

import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import { PageContainer } from '../../../components/page-container';
import { Button, Tag } from '../../../components/ui';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import '../complaints.scss';

/** 我的投诉: the customer's complaints, newest first, each opening its progress timeline. */
export default function MyComplaintsPage() {
  const data = usePageData(() => api.listMyComplaints());
  useReloadOnShow(data);
  const fileNew = () => void Taro.navigateTo({ url: pageUrls.fileComplaint });
  return (
    <PageContainer
      data={data}
      refreshable
      errorTitle="暂时无法查看投诉"
      isEmpty={(view) => view.complaints.length === 0}
      empty={{
        title: '暂无投诉记录',
        description: '对我们的服务不满意？提交投诉后可在这里查看处理进度',
        action: { text: '我要投诉', onClick: fileNew },
      }}
    >
      {(view) => (
        <View className="zx-complaints" data-testid="complaint-list">
          {view.complaints.map((c) => (
            <View
              key={c.complaintId}
              className="zx-card"
              data-testid="complaint-item"
              onClick={() => void Taro.navigateTo({ url: pageUrls.complaintDetail(c.complaintId) })}
            >
              <View className="zx-complaints__row">
                <Text className="zx-card__title">{c.categoryLabel}</Text>
                <Tag type={c.status === 'decided' ? 'success' : 'primary'}>{c.statusLabel}</Tag>
              </View>
              <Text className="zx-muted">投诉编号 {c.complaintId}</Text>
              <Text className="zx-muted">
                保单号 {c.policyNo} · 提交于 {formatShanghaiDateTime(c.receivedAt)}
              </Text>
            </View>
          ))}
          <Button type="primary" block onClick={fileNew}>
            我要投诉
          </Button>
        </View>
      )}
    </PageContainer>
  );
}

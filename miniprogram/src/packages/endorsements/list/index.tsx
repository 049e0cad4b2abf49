import { View } from '@tarojs/components';
import { PageContainer } from '../../../components/page-container';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { api } from '../../../services/api';
import { ApplicationItem, newestFirst } from '../components/application-item';
import '../components/endorsements.scss';

/** 我的申请: the customer's endorsement applications, newest first, each opening its timeline. */
export default function MyEndorsementsPage() {
  const data = usePageData(() => api.listMyEndorsements());
  useReloadOnShow(data);
  return (
    <PageContainer
      data={data}
      refreshable
      errorTitle="暂时无法查看申请"
      isEmpty={(list) => list.applications.length === 0}
      empty={{ title: '暂无申请', description: '在保单详情的“保全服务”中办理变更、贷款、领取等业务' }}
    >
      {(list) => (
        <View data-testid="application-list">
          {newestFirst(list.applications).map((application) => (
            <ApplicationItem key={application.applicationId} application={application} />
          ))}
        </View>
      )}
    </PageContainer>
  );
}

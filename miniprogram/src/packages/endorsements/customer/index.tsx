import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { EndorsementActions } from '../../../components/endorsement-actions';
import { PageContainer } from '../../../components/page-container';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { api } from '../../../services/api';
import { ApplicationItem, newestFirst } from '../components/application-item';
import '../components/endorsements.scss';

const OPEN = new Set(['draft', 'identity_verified', 'signed', 'submitted', 'approved']);

/**
 * The agent's workspace for one assigned customer (保全代办): the customer's applications still in
 * progress, then each policy with the endorsements it allows now. The agent prepares an
 * application here; the customer verifies and signs on this device or through the shared link.
 */
export default function CustomerEndorsementsPage() {
  const { params } = useRouter();
  const customerId = decodeURIComponent(params.customerId ?? '');
  const name = params.name ? decodeURIComponent(params.name) : '';
  const data = usePageData(async () => {
    const [policies, applications] = await Promise.all([
      api.listCustomerPolicies(customerId),
      api.listCustomerEndorsements(customerId),
    ]);
    return { policies: policies.policies, applications: newestFirst(applications.applications) };
  });
  useReloadOnShow(data);
  return (
    <PageContainer data={data} refreshable errorTitle="无法查看该客户的保全业务">
      {({ policies, applications }) => {
        const pending = applications.filter((a) => OPEN.has(a.status));
        return (
          <View data-testid="customer-endorsements">
            <Text className="zx-card__title">{name || '客户'} 的保全业务</Text>
            <View className="zx-card" data-testid="pending-applications">
              <Text className="zx-card__title">办理中的申请（{pending.length}）</Text>
              {pending.length === 0 ? <Text className="zx-muted">暂无办理中的申请</Text> : null}
            </View>
            {pending.map((application) => (
              <ApplicationItem key={application.applicationId} application={application} />
            ))}
            {policies.map((policy) => (
              <EndorsementActions
                key={policy.policyNo}
                policyNo={policy.policyNo}
                title={`${policy.productName} · ${policy.policyNo}`}
              />
            ))}
          </View>
        );
      }}
    </PageContainer>
  );
}

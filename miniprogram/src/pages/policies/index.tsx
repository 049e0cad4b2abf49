import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PolicyListResponse } from '@zhixiang/shared/policy/schemas';
import { PageContainer } from '../../components/page-container';
import { PolicyCard } from '../../components/policy-card';
import { usePageData } from '../../hooks/use-page-data';
import { useSession } from '../../hooks/use-session';
import { pageUrls } from '../../lib/navigation';
import { api } from '../../services/api';

const NO_POLICIES: PolicyListResponse = { policies: [] };

export default function PoliciesPage() {
  const me = useSession()?.me;
  // Unbound customers and non-customers have no policies of their own: skip the call.
  const canList = me?.role === 'customer' && me.customerId !== null;
  const data = usePageData(
    () => (canList ? api.listMyPolicies() : Promise.resolve(NO_POLICIES)),
    me !== undefined,
  );
  const needsBinding = me?.role === 'customer' && me.customerId === null;
  const emptyState = needsBinding
    ? {
        title: '尚未绑定身份',
        description: '绑定投保人或被保险人身份后即可查看保单',
        action: { text: '去绑定', onClick: () => void Taro.navigateTo({ url: pageUrls.bindIdentity }) },
      }
    : me?.role === 'agent'
      ? {
          title: '客户的保单在“我的客户”中查看',
          action: { text: '我的客户', onClick: () => void Taro.navigateTo({ url: pageUrls.agentCustomers }) },
        }
      : { title: '暂无保单', description: '您名下暂时没有可查看的保单' };

  return (
    <PageContainer data={data} refreshable isEmpty={(list) => list.policies.length === 0} empty={emptyState}>
      {(list) => (
        <View data-testid="policy-list">
          {list.policies.map((policy) => (
            <PolicyCard key={policy.policyNo} policy={policy} />
          ))}
        </View>
      )}
    </PageContainer>
  );
}

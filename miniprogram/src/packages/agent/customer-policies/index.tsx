import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { PageContainer } from '../../../components/page-container';
import { PolicyCard } from '../../../components/policy-card';
import { Button } from '../../../components/ui';
import { usePageData } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';

export default function CustomerPoliciesPage() {
  const { params } = useRouter();
  // Query values arrive still URL-encoded on both platforms.
  const customerId = decodeURIComponent(params.customerId ?? '');
  const name = params.name ? decodeURIComponent(params.name) : '';
  const data = usePageData(() => api.listCustomerPolicies(customerId));
  return (
    <PageContainer
      data={data}
      refreshable
      errorTitle="无法查看该客户的保单"
      isEmpty={(list) => list.policies.length === 0}
      empty={{ title: '暂无保单', description: `${name || '该客户'}名下暂时没有保单` }}
    >
      {(list) => (
        <View data-testid="policy-list">
          {name ? <Text className="zx-card__title">{name} 的保单</Text> : null}
          {list.policies.map((policy) => (
            <PolicyCard key={policy.policyNo} policy={policy} />
          ))}
          {/* Electronic documents: the agent may host the signing screen for the customer present. */}
          <Button
            fill="outline"
            onClick={() => void Taro.navigateTo({ url: pageUrls.customerDocuments(customerId, name) })}
          >
            客户批单
          </Button>
          {/* Endorsements (保全代办): the customer's policies with what can be done, and requests in progress. */}
          <Button
            type="primary"
            data-testid="entry-customer-endorsements"
            onClick={() => void Taro.navigateTo({ url: pageUrls.customerEndorsements(customerId, name) })}
          >
            保全代办
          </Button>
          {/* Complaints: the agent registers one for the customer (the customer follows it in the app). */}
          <Button
            fill="outline"
            data-testid="entry-customer-complaint"
            onClick={() => void Taro.navigateTo({ url: pageUrls.fileComplaintFor(customerId, name) })}
          >
            代客户登记投诉
          </Button>
        </View>
      )}
    </PageContainer>
  );
}

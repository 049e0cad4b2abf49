import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { InfoRow } from '../../../components/info-row';
import { PageContainer } from '../../../components/page-container';
import { usePageData } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';

export default function AgentCustomersPage() {
  const data = usePageData(() => api.listAgentCustomers());
  return (
    <PageContainer
      data={data}
      refreshable
      isEmpty={(list) => list.customers.length === 0}
      empty={{ title: '暂无客户', description: '您名下暂时没有分配的客户' }}
    >
      {(list) => (
        <View data-testid="customer-list">
          {list.customers.map((customer) => (
            <View
              key={customer.customerId}
              className="zx-card"
              data-testid="customer-card"
              onClick={() =>
                void Taro.navigateTo({ url: pageUrls.customerPolicies(customer.customerId, customer.name) })
              }
            >
              <Text className="zx-card__title">{customer.name}</Text>
              <InfoRow label="手机号码" value={customer.phoneMasked} />
              <InfoRow label="身份证号码" value={customer.idNumberMasked} />
              <InfoRow label="保单数量" value={`${customer.policyCount} 份`} />
            </View>
          ))}
        </View>
      )}
    </PageContainer>
  );
}

import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { PolicyListResponse } from '@zhixiang/shared/policy/schemas';
import { useEffect } from 'react';
import { PageContainer } from '../../components/page-container';
import { PolicyCard } from '../../components/policy-card';
import { usePageData } from '../../hooks/use-page-data';
import { useSession } from '../../hooks/use-session';
import { pageUrls } from '../../lib/navigation';
import { consolesFor, type StaffConsole } from '../../lib/staff-consoles';
import './index.scss';
import { useRoleTabs } from '../../hooks/use-role-tabs';
import { api } from '../../services/api';

const NO_POLICIES: PolicyListResponse = { policies: [] };

export default function PoliciesPage() {
  useRoleTabs();
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

  // Staff, executives and admins: this tab is 工作台, the list of their consoles.
  if (consolesFor(me?.role).length > 0) return <StaffWorkbench consoles={consolesFor(me?.role)} />;

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

/** 工作台: every console a staff member works in, one tap each. */
function StaffWorkbench({ consoles }: { consoles: readonly StaffConsole[] }) {
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: '工作台' }).catch(() => undefined);
  }, []);
  return (
    <PageContainer>
      {() => (
        <View data-testid="staff-workbench">
          {consoles.map((desk) => (
            <View
              key={desk.key}
              className="zx-card"
              data-testid={`console-${desk.key}`}
              onClick={() => void Taro.navigateTo({ url: desk.url })}
            >
              <Text className="zx-workbench__title">{desk.title}</Text>
              <Text className="zx-muted">{desk.description}</Text>
            </View>
          ))}
        </View>
      )}
    </PageContainer>
  );
}

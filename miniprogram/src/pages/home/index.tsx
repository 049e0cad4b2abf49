import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { brand } from '@zhixiang/shared/brand';
import { PageContainer } from '../../components/page-container';
import { useRoleTabs } from '../../hooks/use-role-tabs';
import { useSession } from '../../hooks/use-session';
import { pageUrls } from '../../lib/navigation';
import { consolesFor } from '../../lib/staff-consoles';
import { AgentHome } from './agent-home';
import { CustomerTodos } from './customer-todos';
import { MessageCentreEntry } from './message-entry';
import { ServiceHall } from './service-hall';
import { StaffHome } from './staff-home';
import './index.scss';

interface Entry {
  key: string;
  title: string;
  description: string;
  open: () => void;
}

export default function HomePage() {
  useRoleTabs();
  const session = useSession();
  const me = session?.me;

  // A customer with a bound identity opens on their to-dos and the service hall (全部服务).
  const boundCustomer = me?.role === 'customer' && Boolean(me.customerId);
  // Everyone else: only capabilities that exist are listed, a feature appears when its pages ship.
  const entries: Entry[] = boundCustomer
    ? []
    : [
        {
          key: 'products',
          title: '产品查询',
          description: '按名称、拼音或首字母查找产品，热销产品一览',
          open: () => void Taro.navigateTo({ url: pageUrls.productSearch }),
        },
      ];
  if (me?.role === 'customer' && !me.customerId) {
    entries.push({
      key: 'bind',
      title: '绑定身份',
      description: '核实身份后即可查看您的保单',
      open: () => void Taro.navigateTo({ url: pageUrls.bindIdentity }),
    });
  }
  if (me?.role === 'agent') {
    entries.push({
      key: 'customers',
      title: '我的客户',
      description: '查看您服务的客户及其保单',
      open: () => void Taro.navigateTo({ url: pageUrls.agentCustomers }),
    });
  }

  // Staff, executives and admins: their consoles (the 工作台 tab lists them too).
  for (const desk of consolesFor(me?.role))
    entries.push({ ...desk, open: () => void Taro.navigateTo({ url: desk.url }) });

  // Club events (客户俱乐部活动): 太尊享 / 太活力 for customers, 太有爱 also for agents and staff.
  if (me && me.role !== 'admin' && me.role !== 'executive') {
    entries.push({
      key: 'events',
      title: '俱乐部活动',
      description: '太尊享 · 太活力 · 太有爱：报名活动，可携家人同行，满员可候补',
      open: () => void Taro.navigateTo({ url: pageUrls.events }),
    });
  }

  return (
    <PageContainer>
      {() => (
        <View className="zx-home">
          <View className="zx-home__banner">
            <View className="zx-home__logo">{brand.logoText}</View>
            <View>
              <Text className="zx-home__insurer">{brand.insurerName}</Text>
              <Text className="zx-home__greeting">{me ? `您好，${me.displayName}` : '您好'}</Text>
            </View>
          </View>
          {boundCustomer ? (
            <>
              <MessageCentreEntry />
              <CustomerTodos />
              <ServiceHall />
            </>
          ) : null}
          {me?.role === 'agent' ? <AgentHome /> : null}
          {me?.role === 'staff' || me?.role === 'admin' ? <StaffHome /> : null}
          <View className="zx-home__entries">
            {entries.map((entry) => (
              <View
                key={entry.key}
                className="zx-card zx-home__entry"
                data-testid={`entry-${entry.key}`}
                onClick={entry.open}
              >
                <Text className="zx-home__entry-title">{entry.title}</Text>
                <Text className="zx-muted">{entry.description}</Text>
              </View>
            ))}
          </View>
        </View>
      )}
    </PageContainer>
  );
}

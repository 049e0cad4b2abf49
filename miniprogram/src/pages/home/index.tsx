import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { brand } from '@zhixiang/shared/brand';
import { PageContainer } from '../../components/page-container';
import { useSession } from '../../hooks/use-session';
import { pageUrls } from '../../lib/navigation';
import './index.scss';

interface Entry {
  key: string;
  title: string;
  description: string;
  open: () => void;
}

export default function HomePage() {
  const session = useSession();
  const me = session?.me;

  // Only capabilities that exist are listed: a feature appears here when its pages ship.
  const entries: Entry[] = [
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
  if (me?.role === 'customer') {
    entries.push({
      key: 'policies',
      title: '我的保单',
      description: '查看保障、缴费、现金价值与红利',
      open: () => void Taro.switchTab({ url: pageUrls.policies }),
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

  if (me?.role === 'staff' || me?.role === 'admin') {
    entries.push({
      key: 'call-centre',
      title: '回访工作台',
      description: '当日新单回访、记录回访结果、维护排班',
      open: () => void Taro.navigateTo({ url: pageUrls.callCentre }),
    });
    entries.push({
      key: 'handoffs',
      title: '人工客服工作台',
      description: '接入转人工的客户，带着对话记录与已核验身份实时沟通',
      open: () => void Taro.navigateTo({ url: pageUrls.handoffQueue }),
    });
    entries.push({
      key: 'assistant-feedback',
      title: '知识库改进报告',
      description: '智能客服未能回答、被点「没用」的问题与次数',
      open: () => void Taro.navigateTo({ url: pageUrls.assistantFeedbackReport }),
    });
  }

  // Endorsements (保全): the review queue of the staff member's branch.
  if (me?.role === 'staff' || me?.role === 'admin') {
    entries.push({
      key: 'endorsement-reviews',
      title: '保全审核',
      description: '本机构需人工审核的保全申请：变更前后、办理轨迹、通过或不通过',
      open: () => void Taro.navigateTo({ url: pageUrls.endorsementReviews }),
    });
  }

  // Complaints (投诉工单): the open complaints of the staff member's branch subtree.
  if (me?.role === 'staff' || me?.role === 'admin') {
    entries.push({
      key: 'complaints',
      title: '投诉工单',
      description: '本机构及下属机构的投诉：认领、联系、答复、办结，超时自动升级',
      open: () => void Taro.navigateTo({ url: pageUrls.complaintQueue }),
    });
  }

  // Club events (客户俱乐部活动): 太尊享 / 太活力 for customers, 太有爱 also for agents and staff.
  if (me && me.role !== 'admin') {
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
            {entries.length === 0 ? <Text className="zx-muted">更多服务即将开放</Text> : null}
          </View>
        </View>
      )}
    </PageContainer>
  );
}

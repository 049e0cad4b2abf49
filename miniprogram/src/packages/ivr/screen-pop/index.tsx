import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { CallPathSchema } from '@zhixiang/shared/ivr/schemas';
import { useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { PolicyCard } from '../../../components/policy-card';
import { Button } from '../../../components/ui';
import { usePageData } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import './screen-pop.scss';

/**
 * 来电弹屏: the seat's view of a call the phone system (IVR) identified — the verified caller, their
 * policies and open items — so nobody asks the caller for their policy number or ID again. The
 * seat's softphone opens it with `callId`; without one the seat types the call's number. From here
 * the seat registers a complaint for the caller, prefilled.
 */
export default function ScreenPopPage() {
  const { params } = useRouter();
  const [callId, setCallId] = useState(params.callId ? decodeURIComponent(params.callId) : '');
  const [typed, setTyped] = useState('');
  const [problem, setProblem] = useState('');
  if (!callId) {
    const open = () => {
      const parsed = CallPathSchema.safeParse({ callId: typed.trim().toLowerCase() });
      if (!parsed.success) {
        setProblem('来电编号格式不正确，应为语音系统给出的 36 位编号');
        return;
      }
      setCallId(parsed.data.callId);
    };
    return (
      <View className="zx-screen-pop" data-testid="screen-pop-lookup">
        <Text className="zx-card__title">输入来电编号</Text>
        <Input
          className="zx-screen-pop__input"
          data-testid="screen-pop-call-id"
          placeholder="语音系统给出的来电编号"
          maxlength={36}
          value={typed}
          onInput={(event) => {
            setTyped(event.detail.value);
            setProblem('');
          }}
        />
        {problem ? <Text className="zx-screen-pop__error">{problem}</Text> : null}
        <Button type="primary" block onClick={open}>
          查看来电
        </Button>
      </View>
    );
  }
  return <ScreenPop callId={callId} />;
}

function ScreenPop({ callId }: { callId: string }) {
  const data = usePageData(() => api.getCallScreenPop(callId));
  return (
    <PageContainer data={data} refreshable errorTitle="无法查看该来电">
      {(pop) => (
        <View className="zx-screen-pop" data-testid="screen-pop">
          <View className="zx-card">
            <Text className="zx-card__title">
              来电 {pop.callingNumberMasked} · {pop.verified ? '已通过语音核验' : '未通过语音核验'}
            </Text>
            {pop.customer ? (
              <Text className="zx-muted">
                {pop.customer.name} · 证件 {pop.customer.idNumberMasked} · 手机 {pop.customer.phoneMasked}
              </Text>
            ) : (
              <Text className="zx-muted">请按常规方式核实来电人身份。</Text>
            )}
          </View>
          {pop.openItems.map((item) => (
            <Text key={`${item.kind}-${item.policyNo}`} className="zx-muted">
              待办：{item.summary}（保单 {item.policyNo}）
            </Text>
          ))}
          {pop.policies.map((policy) => (
            <PolicyCard key={policy.policyNo} policy={policy} />
          ))}
          {pop.customer ? (
            <Button
              type="primary"
              block
              data-testid="screen-pop-file-complaint"
              onClick={() => {
                const customer = pop.customer;
                if (customer)
                  void Taro.navigateTo({
                    url: pageUrls.fileComplaintFor(customer.customerId, customer.name, pop.callId),
                  });
              }}
            >
              为来电客户登记投诉
            </Button>
          ) : null}
        </View>
      )}
    </PageContainer>
  );
}

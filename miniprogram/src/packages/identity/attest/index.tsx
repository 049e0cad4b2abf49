import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  type IdentityStatus,
  purposeLabel,
  type VerificationView,
} from '@zhixiang/shared/identity/verification';
import { useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { Button } from '../../../components/ui';
import { usePageData } from '../../../hooks/use-page-data';
import { api } from '../../../services/api';
import '../identity.scss';

/**
 * 业务员当面核验: the assigned agent, on their own device, confirms they compared the customer and
 * the original ID card, and types the card's last four characters. Recorded like any verification.
 */
export default function AttestIdentityPage() {
  const { params } = useRouter();
  const purpose = decodeURIComponent(params.purpose ?? '');
  const customerId = decodeURIComponent(params.customerId ?? '');
  const data = usePageData<IdentityStatus>(() => api.getIdentityStatus({ query: { purpose, customerId } }));
  const [checked, setChecked] = useState(false);
  const [last4, setLast4] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<VerificationView | null>(null);

  const submit = async (status: IdentityStatus) => {
    setBusy(true);
    try {
      if (!status.consented) await api.recordIdentityConsent({ version: status.consentVersion });
      setDone(await api.attestIdentity({ purpose, customerId, cardChecked: true, idNumberLast4: last4 }));
    } catch {
      // the API client has shown the message; what was typed stays
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageContainer data={data} errorTitle="无法核验该客户">
      {(status) =>
        done ? (
          <View className="zx-card zx-identity__success" data-testid="attest-done">
            <Text className="zx-card__title">当面核验已记录</Text>
            <View>{status.customerNameMasked} 的身份已核验，10 分钟内可办理本次业务。</View>
            <Button type="primary" block onClick={() => void Taro.navigateBack()}>
              返回
            </Button>
          </View>
        ) : (
          <View className="zx-identity">
            <View className="zx-card">
              <Text className="zx-card__title">当面核验 {status.customerNameMasked}</Text>
              <View className="zx-identity__muted">用于：{purposeLabel(purpose)}</View>
            </View>
            <View className="zx-card">
              <View
                className="zx-identity__check"
                data-testid="attest-confirm"
                onClick={() => setChecked(!checked)}
              >
                <Text className={`zx-identity__box ${checked ? 'zx-identity__box--checked' : ''}`}>
                  {checked ? '✓' : ''}
                </Text>
                <Text>我已当面核对客户本人与其身份证原件一致，且客户同意处理其身份证件信息</Text>
              </View>
              <View className="zx-field">
                <Text className="zx-field__label">证件号码后四位</Text>
                <Input
                  className="zx-field__input"
                  maxlength={4}
                  placeholder="身份证号码最后 4 位"
                  value={last4}
                  onInput={(event) => setLast4(event.detail.value.toUpperCase())}
                />
              </View>
              <Button
                type="primary"
                block
                loading={busy}
                disabled={!checked || !/^\d{3}[\dX]$/.test(last4) || busy}
                onClick={() => void submit(status)}
              >
                确认核验
              </Button>
            </View>
          </View>
        )
      }
    </PageContainer>
  );
}

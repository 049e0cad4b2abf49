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
import { useCountdown } from '../../../hooks/use-countdown';
import { usePageData } from '../../../hooks/use-page-data';
import { announceIdentityVerified } from '../../../lib/identity-verified';
import { api } from '../../../services/api';
import '../identity.scss';

/**
 * 业务员当面核验: the assigned agent, on their own device, confirms they compared the customer and
 * the original ID card, has a one-time code texted to the customer's phone on file and types the
 * code the customer reads out. Recorded like any verification.
 */
export default function AttestIdentityPage() {
  const { params } = useRouter();
  const purpose = decodeURIComponent(params.purpose ?? '');
  const customerId = decodeURIComponent(params.customerId ?? '');
  const data = usePageData<IdentityStatus>(() => api.getIdentityStatus({ query: { purpose, customerId } }));
  const [checked, setChecked] = useState(false);
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<VerificationView | null>(null);
  const countdown = useCountdown();

  const sendCode = async (status: IdentityStatus) => {
    setSending(true);
    try {
      if (!status.consented) await api.recordIdentityConsent({ version: status.consentVersion });
      const sent = await api.sendAttestationCode({ purpose, customerId });
      setSentTo(sent.sentTo);
      countdown.start(sent.resendAfterSeconds);
    } catch {
      // the API client has shown the message
    } finally {
      setSending(false);
    }
  };

  const submit = async () => {
    setBusy(true);
    try {
      const verification = await api.attestIdentity({ purpose, customerId, cardChecked: true, code });
      announceIdentityVerified(verification);
      setDone(verification);
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
              <Button
                type="primary"
                fill="outline"
                block
                data-testid="attest-send-code"
                loading={sending}
                disabled={!checked || sending || countdown.secondsLeft > 0}
                onClick={() => void sendCode(status)}
              >
                {countdown.secondsLeft > 0
                  ? `${countdown.secondsLeft} 秒后可重发`
                  : sentTo
                    ? '重新发送验证码'
                    : '发送验证码到客户手机'}
              </Button>
              <View className="zx-identity__muted" data-testid="attest-code-hint">
                {sentTo
                  ? `验证码已发送至客户登记的手机 ${sentTo}，请客户本人告知验证码。`
                  : '验证码将发送至客户投保时登记的手机，请客户本人查看后告知您。'}
              </View>
              <View className="zx-field">
                <Text className="zx-field__label">短信验证码</Text>
                <Input
                  className="zx-field__input"
                  type="number"
                  maxlength={6}
                  placeholder="客户收到的 6 位验证码"
                  value={code}
                  onInput={(event) => setCode(event.detail.value.trim())}
                />
              </View>
              <Button
                type="primary"
                block
                loading={busy}
                disabled={!checked || !sentTo || !/^\d{6}$/.test(code) || busy}
                onClick={() => void submit()}
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

import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { callbackPointFacts } from '@zhixiang/shared/callback/point-facts';
import {
  CALLBACK_POINT_LABELS,
  CALLBACK_POINTS,
  type CallbackBooking,
  type CallbackPoint,
  onlineCallbackPurpose,
} from '@zhixiang/shared/callback/schemas';
import { useState } from 'react';
import { JourneyRating } from '../../../components/journey-rating';
import { PageContainer } from '../../../components/page-container';
import { Button } from '../../../components/ui';
import { usePageData } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';

/**
 * The online self-callback (自助回访): an SMS code to the phone on record, then a yes or no for
 * each of the seven points, each shown with the policy's own facts. Any "no" goes to a person for
 * follow-up.
 */
export default function OnlineCallbackPage() {
  const { params } = useRouter();
  const policyNo = decodeURIComponent(params.policyNo ?? '');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [answers, setAnswers] = useState<Partial<Record<CallbackPoint, boolean>>>({});
  const [result, setResult] = useState<CallbackBooking | null>(null);
  const [busy, setBusy] = useState(false);
  const policy = usePageData(() => api.getPolicy(policyNo));
  const purpose = onlineCallbackPurpose(policyNo);
  // Coming back from the identity pages: a face verification for this callback replaces the code.
  const [faceVerified, setFaceVerified] = useState(false);
  useDidShow(() => {
    api
      .getIdentityStatus({ query: { purpose } })
      .then((status) => setFaceVerified(status.verified !== null))
      .catch(() => setFaceVerified(false));
  });
  const identityReady = faceVerified || /^\d{6}$/.test(code);
  const complete = CALLBACK_POINTS.every((p) => answers[p] !== undefined) && identityReady;

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch {
      // the API client has shown the message
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageContainer data={policy} errorTitle="暂时无法加载保单信息">
      {(detail) => {
        const facts = callbackPointFacts(detail);
        return result ? (
          <View className="zx-card" data-testid="online-result">
            <Text className="zx-card__title">
              {result.status === 'completed' ? '回访已完成' : '已转交专人跟进'}
            </Text>
            <View>
              {result.status === 'completed'
                ? '感谢您的配合，您的答复已记录。'
                : '您有一项或多项回答为「否」，我们会尽快与您联系核实。'}
            </View>
            <Button
              block
              type="primary"
              data-testid="online-result-back"
              onClick={() => void Taro.redirectTo({ url: pageUrls.policyDetail(detail.policyNo) })}
            >
              返回保单
            </Button>
            {result.status === 'completed' ? (
              <JourneyRating journey="callback" subjectId={detail.policyNo} />
            ) : null}
          </View>
        ) : (
          <View>
            <View className="zx-notice">请先验证身份，再逐项确认以下内容。如有不符，请选择「否」。</View>
            {faceVerified ? (
              <View className="zx-card" data-testid="callback-identity-verified">
                已通过身份核验，可直接提交答复（10 分钟内有效）
              </View>
            ) : null}
            <View className="zx-card" style={faceVerified ? { display: 'none' } : undefined}>
              <Button
                size="small"
                type="primary"
                fill="outline"
                disabled={busy}
                data-testid="send-callback-code"
                onClick={() =>
                  void run(async () => setSentTo((await api.sendOnlineCallbackCode(policyNo)).sentTo))
                }
              >
                {sentTo ? `已发送至 ${sentTo}，重新获取` : '获取短信验证码'}
              </Button>
              <View className="zx-field">
                <Text className="zx-field__label">验证码</Text>
                <Input
                  className="zx-field__input"
                  type="number"
                  maxlength={6}
                  placeholder="6 位短信验证码"
                  value={code}
                  onInput={(event) => setCode(event.detail.value)}
                />
              </View>
              <Button
                size="small"
                fill="none"
                data-testid="callback-face-instead"
                onClick={() => void Taro.navigateTo({ url: pageUrls.identityVerify(purpose) })}
              >
                收不到短信？改用刷脸认证
              </Button>
            </View>
            {CALLBACK_POINTS.map((point, index) => (
              <View key={point} className="zx-card" data-testid={`point-${point}`}>
                <Text>
                  {index + 1}. {CALLBACK_POINT_LABELS[point]}
                </Text>
                {facts[point] ? (
                  <View className="zx-muted" data-testid={`fact-${point}`}>
                    {facts[point]}
                  </View>
                ) : null}
                <View>
                  <Button
                    size="small"
                    type={answers[point] === true ? 'primary' : 'default'}
                    onClick={() => setAnswers({ ...answers, [point]: true })}
                  >
                    是
                  </Button>
                  <Button
                    size="small"
                    type={answers[point] === false ? 'danger' : 'default'}
                    onClick={() => setAnswers({ ...answers, [point]: false })}
                  >
                    否
                  </Button>
                </View>
              </View>
            ))}
            <Button
              type="primary"
              block
              disabled={!complete || busy}
              onClick={() =>
                void run(async () => {
                  const full = Object.fromEntries(CALLBACK_POINTS.map((p) => [p, answers[p] === true]));
                  const identity = /^\d{6}$/.test(code) ? { code } : {};
                  setResult(await api.submitOnlineCallback(policyNo, { ...identity, answers: full }));
                })
              }
            >
              提交回访答复
            </Button>
          </View>
        );
      }}
    </PageContainer>
  );
}

import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import {
  FACE_ID_CONSENT_TEXT,
  type FaceSession,
  type IdentityStatus,
  purposeLabel,
  REVIEW_STATUS_LABELS,
  type SandboxFaceOutcome,
  VERIFICATION_METHOD_LABELS,
  type VerificationView,
} from '@zhixiang/shared/identity/verification';
import { useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { Button } from '../../../components/ui';
import { usePageData } from '../../../hooks/use-page-data';
import { goBackSoon } from '../../../lib/go-back-soon';
import { announceIdentityVerified } from '../../../lib/identity-verified';
import { pageUrls } from '../../../lib/navigation';
import { getSession } from '../../../lib/session';
import { api } from '../../../services/api';
import '../identity.scss';
import { SandboxFaceScreen } from '../sandbox-face-screen';
import { TrusteeReviewCard } from '../trustee-review-card';

const isWeapp = process.env.TARO_ENV === 'weapp';

interface WxFace {
  canIUse(schema: string): boolean;
  checkIsSupportFacialRecognition(options: {
    checkAliveType: number;
    success: () => void;
    fail: (error: { errCode?: number }) => void;
  }): void;
  requestFacialVerify(options: {
    verifyId: string;
    success: () => void;
    fail: (error: { errCode?: number }) => void;
  }): void;
}

/** WeChat's global API object; referenced only on weapp, where it always exists. */
declare const wx: WxFace;

/**
 * WeChat's face screen (人脸核身 2.0, wx.requestFacialVerify) needs base library 3.8.12, i.e.
 * WeChat 8.0.57 or later; an older client has no such function and would silently do nothing.
 */
function wechatFaceSupported(): boolean {
  if (!isWeapp) return true;
  return typeof wx.requestFacialVerify === 'function' && wx.canIUse('requestFacialVerify');
}

/**
 * 身份核验: the page other features open with `?purpose=…[&customerId=…]`. Consent first, then
 * face verification (WeChat's face screen, or the clearly labelled 「模拟人脸核身」 locally), with
 * the paths without the face always offered; on success it goes back to the caller, which
 * re-checks on the server.
 */
export default function VerifyIdentityPage() {
  const { params } = useRouter();
  const purpose = decodeURIComponent(params.purpose ?? '');
  const customerId = params.customerId ? decodeURIComponent(params.customerId) : undefined;
  // A trustee verifies themself against what the video authorisation records of them.
  const authorisationId = params.authorisationId ? decodeURIComponent(params.authorisationId) : undefined;
  const isAgent = getSession()?.me.role === 'agent';
  const data = usePageData<IdentityStatus>(() =>
    api.getIdentityStatus({ query: { purpose, customerId, authorisationId } }),
  );
  const [busy, setBusy] = useState(false);
  const [session, setSession] = useState<FaceSession | null>(null);
  const [outcome, setOutcome] = useState<VerificationView | null>(null);
  const [declined, setDeclined] = useState(false);
  const faceSupported = wechatFaceSupported();

  // Coming back from the ID-card or attestation page: the status may have changed.
  useDidShow(() => void data.reload());

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

  const finish = async (attemptId: string) => {
    const result = await api.completeFaceVerification(attemptId);
    setSession(null);
    setOutcome(result.verification);
    // The page that asked shows the verified state as soon as it is back, not after its reload.
    if (result.verification.result === 'success') announceIdentityVerified(result.verification);
    await data.reload();
    if (result.verification.result === 'success') goBackSoon();
  };

  const startFace = () =>
    run(async () => {
      setOutcome(null);
      const started = await api.startFaceVerification({
        purpose,
        ...(customerId ? { customerId } : {}),
        ...(authorisationId ? { authorisationId } : {}),
      });
      if (started.faceProvider === 'sandbox') {
        setSession(started);
        return;
      }
      await wechatFaceScreen(started.verifyId);
      await finish(started.attemptId);
    });

  const answerSandbox = (choice: SandboxFaceOutcome) =>
    run(async () => {
      if (!session) return;
      await api.answerSandboxFaceVerification(session.verifyId, { outcome: choice });
      await finish(session.attemptId);
    });

  return (
    <PageContainer data={data} errorTitle="无法进行身份核验">
      {(status) => (
        <View className="zx-identity">
          <View className="zx-card">
            <Text className="zx-card__title">为{status.customerNameMasked}核验身份</Text>
            <View className="zx-identity__muted">
              用于：{purposeLabel(purpose)}，核验通过后 10 分钟内有效，仅限本次业务
            </View>
          </View>

          {status.verified ? (
            <View className="zx-card zx-identity__success" data-testid="identity-verified">
              <Text className="zx-card__title">身份核验已完成</Text>
              <View>核验方式：{VERIFICATION_METHOD_LABELS[status.verified.method]}</View>
              <Button type="primary" block onClick={() => void Taro.navigateBack()}>
                返回继续办理
              </Button>
            </View>
          ) : !status.consented ? (
            <View className="zx-card" data-testid="identity-consent">
              <Text className="zx-card__title">人脸及身份证件信息处理授权</Text>
              <View className="zx-identity__consent">{FACE_ID_CONSENT_TEXT}</View>
              <Button
                type="primary"
                block
                disabled={busy}
                onClick={() =>
                  void run(async () => {
                    await api.recordIdentityConsent({ version: status.consentVersion });
                    await data.reload();
                  })
                }
              >
                同意并继续
              </Button>
              <Button block fill="none" onClick={() => setDeclined(true)}>
                不同意，了解其他核验方式
              </Button>
              {!declined ? null : authorisationId ? (
                <View className="zx-notice">
                  受托人如无法刷脸，请携带本人身份证件到柜面，由工作人员核验后办理。
                </View>
              ) : (
                <Alternatives status={status} isAgent={isAgent} purpose={purpose} customerId={customerId} />
              )}
            </View>
          ) : (
            <View>
              {outcome ? <OutcomeCard outcome={outcome} /> : null}
              {status.review ? (
                <View className="zx-notice" data-testid="identity-review-status">
                  人工审核：{REVIEW_STATUS_LABELS[status.review.status]}
                  {status.review.reason ? `（${status.review.reason}）` : ''}
                </View>
              ) : null}
              {status.faceAvailable === false ? (
                <TrusteeReviewCard
                  status={status}
                  onStart={() =>
                    void Taro.navigateTo({
                      url: pageUrls.identityIdCard(purpose, undefined, 'review', authorisationId),
                    })
                  }
                />
              ) : status.faceLockedUntil ? (
                <View className="zx-card zx-identity__locked" data-testid="identity-locked">
                  <Text className="zx-card__title">刷脸认证已锁定</Text>
                  <View>
                    今日人脸比对未通过已达 {status.maxFaceFailuresPerDay} 次，明日 0
                    点后可再次刷脸。您也可以改用以下方式完成核验：
                  </View>
                </View>
              ) : session ? (
                <SandboxFaceScreen busy={busy} onAnswer={(choice) => void answerSandbox(choice)} />
              ) : !faceSupported ? (
                <View className="zx-card" data-testid="face-unsupported">
                  <Text className="zx-card__title">当前微信版本不支持刷脸认证</Text>
                  <View className="zx-identity__muted">
                    请将微信升级到最新版本后重新进入本页，或改用以下方式完成核验：
                  </View>
                </View>
              ) : (
                <View className="zx-card">
                  <Text className="zx-card__title">刷脸认证</Text>
                  <View className="zx-identity__muted">
                    由微信人脸核身比对公安权威数据，本公司不保存人脸图像。今日已失败{' '}
                    {status.faceFailuresToday} 次（上限 {status.maxFaceFailuresPerDay} 次）。
                  </View>
                  <Button
                    type="primary"
                    block
                    loading={busy}
                    disabled={busy}
                    onClick={() => void startFace()}
                  >
                    {busy ? '正在核验…' : '开始刷脸'}
                  </Button>
                  {authorisationId ? null : (
                    <Button
                      block
                      fill="outline"
                      onClick={() =>
                        void Taro.navigateTo({ url: pageUrls.identityIdCard(purpose, customerId) })
                      }
                    >
                      先拍摄身份证核对信息
                    </Button>
                  )}
                </View>
              )}
              {status.faceAvailable === false ? null : authorisationId ? (
                <View className="zx-notice" data-testid="trustee-alternative">
                  受托人如无法刷脸，请携带本人身份证件到柜面，由工作人员核验后办理。
                </View>
              ) : (
                <Alternatives status={status} isAgent={isAgent} purpose={purpose} customerId={customerId} />
              )}
            </View>
          )}
        </View>
      )}
    </PageContainer>
  );
}

function OutcomeCard({ outcome }: { outcome: VerificationView }) {
  const success = outcome.result === 'success';
  return (
    <View
      className={`zx-card ${success ? 'zx-identity__success' : 'zx-identity__failure'}`}
      data-testid="face-outcome"
    >
      <Text className="zx-card__title">{success ? '人脸核身成功' : '人脸核身未通过'}</Text>
      <View>{success ? '正在返回业务页面…' : outcome.reason}</View>
    </View>
  );
}

function Alternatives(props: {
  status: IdentityStatus;
  isAgent: boolean;
  purpose: string;
  customerId?: string | undefined;
}) {
  const { status, isAgent, purpose, customerId } = props;
  return (
    <View className="zx-card" data-testid="identity-alternatives">
      <Text className="zx-card__title">不方便刷脸？</Text>
      {isAgent ? (
        <Button
          block
          fill="outline"
          onClick={() => void Taro.navigateTo({ url: pageUrls.identityAttest(purpose, status.customerId) })}
        >
          业务员当面核验
        </Button>
      ) : (
        <View className="zx-identity__muted">
          请联系您的服务业务员当面核验：业务员核对您本人及身份证原件后在其手机上确认。
        </View>
      )}
      {status.consented && status.review?.status !== 'pending' ? (
        <Button
          block
          fill="outline"
          onClick={() =>
            void Taro.navigateTo({ url: pageUrls.identityIdCard(purpose, customerId, 'review') })
          }
        >
          上传身份证和自拍视频，人工审核
        </Button>
      ) : null}
    </View>
  );
}

/** wx.checkIsSupportFacialRecognition, then wx.requestFacialVerify with the server's verifyId. */
async function wechatFaceScreen(verifyId: string): Promise<void> {
  if (!isWeapp || !wechatFaceSupported()) throw new Error('WeChat face verification is not available');
  await new Promise<void>((resolve, reject) =>
    wx.checkIsSupportFacialRecognition({
      checkAliveType: 2,
      success: resolve,
      fail: () => {
        void Taro.showModal({
          title: '无法刷脸',
          content: '您的设备不支持人脸核身，请改用业务员当面核验或人工审核',
          showCancel: false,
        });
        reject(new Error('facial recognition not supported'));
      },
    }),
  );
  // Whatever the device reports, the server asks WeChat (queryverifyinfo) for the real result.
  await new Promise<void>((resolve) =>
    wx.requestFacialVerify({ verifyId, success: resolve, fail: () => resolve() }),
  );
}

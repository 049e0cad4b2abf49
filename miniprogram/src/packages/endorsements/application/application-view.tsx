import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  type EndorsementApplication,
  IDEMPOTENCY_KEY_HEADER,
} from '@zhixiang/shared/endorsement/application';
import type { RuleProblem } from '@zhixiang/shared/endorsement/rule-result';
import { applicationTemplateIds } from '@zhixiang/shared/notifications/content';
import { useEffect, useState } from 'react';
import { InfoRow } from '../../../components/info-row';
import { JourneyRating } from '../../../components/journey-rating';
import { PageContainer } from '../../../components/page-container';
import { Button, Tag } from '../../../components/ui';
import { useCountdown } from '../../../hooks/use-countdown';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { getSession } from '../../../lib/session';
import { api } from '../../../services/api';
import { ChangeReview } from '../components/change-review';
import { StatusTimeline } from '../components/status-timeline';
import { StepIndicator } from '../components/step-indicator';
import '../components/endorsements.scss';
import { ShareLink } from '../../../components/share-link';
import { forgetIdempotencyKey, idempotencyKeyFor } from '../../../lib/idempotency-key';
import { TextField } from '../forms/form-parts';
import { problemFromError } from '../lib/field-problems';
import { FLOW_STEPS, flowStepOf } from '../steps';
import { InsuredConsentStep } from './insured-consent-step';
import { PayStep } from './pay-step';
import { PayoutStep } from './payout-step';

const FINAL_TONE: Record<string, 'success' | 'danger' | 'default'> = {
  effective: 'success',
  document_issued: 'success',
  approved: 'success',
  rejected: 'danger',
  cancelled: 'default',
};

/** Opened from the form (not from a list or a shared link): 返回修改 goes back to it, as it was typed. */
function cameFromForm(): boolean {
  const pages = Taro.getCurrentPages();
  return pages[pages.length - 2]?.route?.includes('endorsements/apply') ?? false;
}

/**
 * One application, for everyone who may see it: the customer continues it (review → identity →
 * signature → submit → result), the agent hosts those steps on their device or shares the page with
 * the customer, staff of the policy's branch decide it from the review queue (and submit or
 * withdraw one they prepared at the counter through the counter's routes; never the holder's
 * buttons, which refuse them). What comes next is
 * the server's `nextStep`; every step re-reads the application when the page shows again.
 */
export function ApplicationView({
  applicationId,
  onChanged,
}: {
  applicationId: string;
  /** Told after a step changed the application (a decision, a cancellation): a list beside it reloads. */
  onChanged?: () => void;
}) {
  const data = usePageData(() => api.getEndorsement(applicationId));
  const role = getSession()?.me.role;
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<RuleProblem | null>(null);
  const [phoneCode, setPhoneCode] = useState('');
  const [reason, setReason] = useState('');
  const countdown = useCountdown();

  useReloadOnShow(data);

  // The customer opened the application: its results are seen (their messages read, the
  // "results not yet seen" to-do gone).
  useEffect(() => {
    if (role !== 'customer' || !applicationId) return;
    void api
      .readAllMyMessages({ subject: { kind: 'application', applicationId } }, { silent: true })
      .catch(() => undefined);
  }, [role, applicationId]);

  const act = async (work: () => Promise<unknown>) => {
    setBusy(true);
    setProblem(null);
    try {
      await work();
      await data.reload();
      onChanged?.();
    } catch (error) {
      setProblem(problemFromError(error));
    } finally {
      setBusy(false);
    }
  };

  const submit = async (application: EndorsementApplication) => {
    // In WeChat, the customer's tap on 提交 also asks whether they want the review's result and
    // the money steps as subscribe messages (WeChat's own dialog; consent only from a tap). SMS
    // and the message centre tell them either way.
    if (process.env.TARO_ENV === 'weapp' && role === 'customer')
      await Taro.requestSubscribeMessage({ tmplIds: applicationTemplateIds(), entityIds: [] }).catch(
        () => undefined,
      );
    const counterAt = counterAuthorisationOf(application, role);
    return act(async () => {
      // Created once for this confirmation and reused by every retry until the server has answered.
      const key = application.requiresIdempotencyKey ? idempotencyKeyFor(applicationId) : null;
      const options = { silent: true, ...(key ? { headers: { [IDEMPOTENCY_KEY_HEADER]: key } } : {}) };
      const body = phoneCode ? { phoneCode } : {};
      await (counterAt
        ? api.submitCounterEndorsement(counterAt, applicationId, body, options)
        : api.submitEndorsement(applicationId, body, options));
      forgetIdempotencyKey(applicationId);
    });
  };

  const sendCode = () =>
    act(async () => {
      const sent = await api.sendEndorsementPhoneCode(applicationId);
      countdown.start(sent.resendAfterSeconds);
      void Taro.showToast({ title: `验证码已发送至 ${sent.phoneMasked}`, icon: 'none' });
    });

  const cancel = async (application: EndorsementApplication, backToForm: boolean) => {
    const answer = await Taro.showModal({
      title: backToForm ? '返回修改' : '撤销申请',
      content: backToForm
        ? '将撤销本次申请并返回填写页，已填写的内容会保留。'
        : '撤销后本申请不再办理，确定撤销吗？',
      confirmText: '确定',
      cancelText: '取消',
    });
    if (!answer.confirm) return;
    const counterAt = counterAuthorisationOf(application, role);
    const body = backToForm ? { reason: '返回修改' } : {};
    await act(() =>
      counterAt
        ? api.cancelCounterEndorsement(counterAt, applicationId, body)
        : api.cancelEndorsement(applicationId, body),
    );
    if (backToForm) void Taro.navigateBack();
  };

  const decide = (decision: 'approve' | 'reject') =>
    act(() =>
      api.decideEndorsement(
        applicationId,
        { decision, ...(reason.trim() ? { reason } : {}) },
        { silent: true },
      ),
    );

  return (
    <PageContainer data={data} refreshable errorTitle="无法查看该申请">
      {(application) => {
        const hosting = role === 'agent';
        const holderId = hosting ? application.holder.customerId : undefined;
        const next = application.nextStep;
        const step = flowStepOf(application);
        return (
          <View data-testid="endorsement-application">
            <View className="zx-card">
              <View className="zx-endorse__item-head">
                <Text className="zx-card__title">{application.typeLabel}</Text>
                <View data-testid="application-status">
                  <Tag type={FINAL_TONE[application.status] ?? 'warning'}>{application.statusLabel}</Tag>
                </View>
              </View>
              <Text className="zx-muted">
                {application.productName} · 保单号 {application.policyNo}
              </Text>
              <InfoRow label="申请编号" value={application.applicationId} />
              <InfoRow label="投保人" value={application.holder.name} />
              <InfoRow
                label="经办"
                value={
                  application.preparedBy.role === 'agent'
                    ? `业务员 ${application.preparedBy.name} 代办`
                    : application.counter
                      ? `柜面 ${application.counter.name} 依据录像授权 ${application.counter.authorisationId} 代办`
                      : `${application.preparedBy.name} 本人`
                }
              />
            </View>
            {step === null ? (
              <View className="zx-notice" data-testid="application-ended">
                {application.status === 'cancelled'
                  ? '本申请已撤销，未作任何变更'
                  : '本申请审核未通过，未作任何变更'}
              </View>
            ) : (
              <StepIndicator steps={FLOW_STEPS} current={step} />
            )}
            <ChangeReview rows={application.changes} />
            {application.figureRows.length > 0 ? (
              <View className="zx-card" data-testid="application-figures">
                {application.figureRows.map((row) => (
                  <InfoRow key={row.label} label={row.label} value={row.value} />
                ))}
                {application.figures.lossLabel ? (
                  <View className="zx-endorse__loss">{application.figures.lossLabel}</View>
                ) : null}
              </View>
            ) : null}
            {application.reviewReasons.length > 0 ? (
              <View className="zx-notice" data-testid="review-reasons">
                需人工审核：{application.reviewReasons.join('；')}
              </View>
            ) : null}
            {application.decision ? (
              <View
                className={`zx-notice ${application.decision.decision === 'reject' ? 'zx-error-text' : ''}`}
                data-testid="decision"
              >
                {application.decision.decision === 'approve' ? '审核通过' : '审核不通过'}（
                {application.decision.by}）
                {application.decision.reason ? `：${application.decision.reason}` : ''}
              </View>
            ) : null}

            {hosting && !['none', 'await_review', 'pay'].includes(next) ? (
              <ShareLink
                path={pageUrls.endorsementApplication(applicationId)}
                title="请客户本人验证身份并签署"
                hint="客户在场：将手机交给客户，由客户本人完成下方步骤。客户不在场：把申请发给客户，客户在自己的微信中打开后验证身份并签署。"
              />
            ) : null}

            {/* Nothing is next for an application that ended without effect: no empty card. */}
            {step !== null || problem ? (
              <View className="zx-card" data-testid="next-step">
                {application.nextStepLabel ? (
                  <Text className="zx-card__title">{application.nextStepLabel}</Text>
                ) : null}
                {next === 'verify_identity' ? (
                  <View className="zx-endorse__actions">
                    <Text className="zx-muted">
                      {hosting
                        ? `请将手机交给投保人 ${application.holder.name}，由其本人完成身份验证（业务员不能代为验证）。`
                        : '请核对以上变更内容，确认无误后验证您本人的身份。'}
                    </Text>
                    <Button
                      type="primary"
                      block
                      data-testid="go-verify"
                      onClick={() =>
                        void Taro.navigateTo({
                          url: pageUrls.identityVerify(
                            application.identityPurpose,
                            application.trustee ? undefined : holderId,
                            application.trustee?.authorisationId,
                          ),
                        })
                      }
                    >
                      确认无误，验证身份
                    </Button>
                  </View>
                ) : null}
                {next === 'sign' ? (
                  <Button
                    type="primary"
                    block
                    data-testid="go-sign"
                    onClick={() =>
                      void Taro.navigateTo({ url: pageUrls.signDocument(application.documentId) })
                    }
                  >
                    签署申请书
                  </Button>
                ) : null}
                {next === 'insured_consent' ? <InsuredConsentStep application={application} /> : null}
                {role !== 'staff' &&
                (next === 'confirm_phone' ||
                  (next === 'submit' && application.phoneConfirmation?.confirmed === false)) ? (
                  <View>
                    <Text className="zx-muted">
                      验证码将发送至新手机号 {application.phoneConfirmation?.phoneMasked}
                    </Text>
                    <TextField
                      label="短信验证码"
                      type="number"
                      maxlength={6}
                      placeholder="6 位验证码"
                      value={phoneCode}
                      onChange={setPhoneCode}
                      error={problem?.field === 'phoneCode' ? problem.message : null}
                      testId="field-phone-code"
                    />
                    <Button
                      block
                      fill="outline"
                      disabled={busy || countdown.secondsLeft > 0}
                      data-testid="send-phone-code"
                      onClick={() => void sendCode()}
                    >
                      {countdown.secondsLeft > 0 ? `${countdown.secondsLeft} 秒后可重发` : '发送验证码'}
                    </Button>
                  </View>
                ) : null}
                {(next === 'submit' || next === 'confirm_phone') && application.actions.canSubmit ? (
                  <View className="zx-endorse__actions">
                    <Button
                      type="primary"
                      block
                      loading={busy}
                      disabled={
                        busy ||
                        !application.actions.canSubmit ||
                        (next === 'confirm_phone' && phoneCode.length !== 6)
                      }
                      data-testid="submit-application"
                      onClick={() => void submit(application)}
                    >
                      {busy ? '正在提交，请勿离开…' : '确认提交'}
                    </Button>
                  </View>
                ) : null}
                {next === 'pay' ? <PayStep application={application} act={act} busy={busy} /> : null}
                {next === 'await_review' ? (
                  <Text className="zx-muted" data-testid="awaiting-review">
                    申请已提交，正在等待保全审核，审核结果会在此处更新。
                  </Text>
                ) : null}
                {next === 'none' &&
                (application.status === 'effective' || application.status === 'document_issued') ? (
                  <View className="zx-endorse__actions" data-testid="application-result">
                    <Text className="zx-ok-text">
                      变更已生效。本公司出具并加盖电子签章的批单将送达「我的批单」，可从申请书查看。
                    </Text>
                    <Button
                      block
                      fill="outline"
                      onClick={() =>
                        void Taro.navigateTo({ url: pageUrls.documentDetail(application.documentId) })
                      }
                    >
                      查看申请书与批单
                    </Button>
                  </View>
                ) : null}
                {application.status === 'effective' && role === 'customer' ? (
                  <JourneyRating journey="endorsement" subjectId={application.applicationId} />
                ) : null}
                {problem && problem.field !== 'phoneCode' ? (
                  <View className="zx-notice zx-error-text" data-testid="application-error">
                    {problem.message}
                  </View>
                ) : null}
              </View>
            ) : null}

            <PayoutStep application={application} act={act} busy={busy} />

            {application.actions.canDecide ? (
              <View className="zx-card" data-testid="decision-panel">
                <Text className="zx-card__title">保全审核</Text>
                <Textarea
                  className="zx-textarea"
                  placeholder="审核意见（不通过时必填，客户可见）"
                  maxlength={200}
                  value={reason}
                  onInput={(event) => setReason(event.detail.value)}
                />
                <View className="zx-endorse__actions">
                  <Button
                    type="primary"
                    block
                    disabled={busy}
                    data-testid="approve"
                    onClick={() => void decide('approve')}
                  >
                    审核通过
                  </Button>
                  <Button
                    block
                    fill="outline"
                    disabled={busy || reason.trim() === ''}
                    data-testid="reject"
                    onClick={() => void decide('reject')}
                  >
                    不通过
                  </Button>
                </View>
              </View>
            ) : null}

            {application.actions.canCancel ? (
              <View className="zx-endorse__actions">
                {application.status === 'draft' && cameFromForm() ? (
                  <Button block fill="outline" disabled={busy} onClick={() => void cancel(application, true)}>
                    返回修改
                  </Button>
                ) : null}
                <Button
                  block
                  fill="none"
                  disabled={busy}
                  data-testid="cancel-application"
                  onClick={() => void cancel(application, false)}
                >
                  撤销申请
                </Button>
              </View>
            ) : null}

            <StatusTimeline
              entries={application.timeline.map((event, index) => ({
                key: `${index}-${event.type}`,
                label: event.label,
                at: event.at,
                actor: event.actor,
                detail: event.detail,
              }))}
            />
          </View>
        );
      }}
    </PageContainer>
  );
}

/**
 * The authorisation staff act on for an application prepared at the counter (柜面代办): their submit
 * and cancel go through the counter's routes (the holder's refuse staff). Null for everyone else.
 */
export function counterAuthorisationOf(
  application: Pick<EndorsementApplication, 'counter'>,
  role: string | undefined,
): string | null {
  return role === 'staff' ? (application.counter?.authorisationId ?? null) : null;
}

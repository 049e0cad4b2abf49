import { Image, Text, Video, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  type AuthorisationView,
  MAX_VIDEO_SECONDS,
  MIN_VIDEO_SECONDS,
  VIDEO_CONSENT_TEXT,
  VIDEO_CONSENT_VERSION,
} from '@zhixiang/shared/authorisations/schemas';
import { formatDateCn, formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import { useEffect, useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { Button, Tag } from '../../../components/ui';
import { usePageData } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { pickFile, uploadFile } from '../../../lib/upload-file';
import { api } from '../../../services/api';
import { ApiError } from '../../../services/request';
import { FieldsSummary } from '../fields-summary';
import { STATUS_TAG } from '../status-tag';
import '../authorisations.scss';
import { forgetRecording, keepRecording, keptRecording, type Recording, recordVideo } from './recording';
import { uploadedShare, uploadRecording } from './upload-video';

type Step = 'consent' | 'photo' | 'record' | 'result';
const STEPS: { step: Step; title: string }[] = [
  { step: 'consent', title: '1 同意规则' },
  { step: 'photo', title: '2 证件照片' },
  { step: 'record', title: '3 朗读录像' },
  { step: 'result', title: '4 审核结果' },
];
const DECIDED_OR_SUBMITTED = new Set(['submitted', 'approved', 'rejected', 'revoked', 'expired']);

/** The step the authorisation is at, from what the server has recorded. */
function currentStep(view: AuthorisationView): Step {
  if (DECIDED_OR_SUBMITTED.has(view.status)) return 'result';
  if (!view.consentedAt) return 'consent';
  if (!view.documentPhotoUploaded) return 'photo';
  return 'record';
}

const message = (error: unknown, fallback: string) => (error instanceof ApiError ? error.message : fallback);

/**
 * The authorisation page: the steps in order, each showing where the customer is — consent to the
 * recording rules, the photo page of the passport or permit, the script read aloud on video and
 * its resumable upload, then the review's outcome. A step already done can be opened again while
 * nothing is submitted (to retake the photo or change the fields).
 */
export default function AuthorisationPage() {
  const { params } = useRouter();
  const authorisationId = decodeURIComponent(params.authorisationId ?? '');
  const data = usePageData(() => api.getMyAuthorisation(authorisationId));
  return (
    <PageContainer data={data} errorTitle="暂时无法查看该录像授权">
      {(view) => (
        <AuthorisationSteps
          key={`${view.status}:${view.consentedAt}:${view.documentPhotoUploaded}`}
          view={view}
          onChanged={() => void data.reload()}
        />
      )}
    </PageContainer>
  );
}

function AuthorisationSteps({ view, onChanged }: { view: AuthorisationView; onChanged: () => void }) {
  const at = currentStep(view);
  const [shown, setShown] = useState<Step>(at);
  const atIndex = STEPS.findIndex((s) => s.step === at);
  const submitted = at === 'result';
  return (
    <View className="zx-authorisations" data-testid="authorisation-page">
      <View className="zx-authorisations__row">
        <Text className="zx-card__title">授权编号 {view.authorisationId}</Text>
        <Tag type={STATUS_TAG[view.status]}>{view.statusLabel}</Tag>
      </View>
      <View className="zx-authorisations__steps" data-testid="authorisation-steps">
        {STEPS.map(({ step, title }, index) => (
          <View
            key={step}
            data-testid={`step-${step}`}
            className={`zx-authorisations__step${index < atIndex ? ' zx-authorisations__step--done' : ''}${
              step === shown ? ' zx-authorisations__step--current' : ''
            }`}
            // Back to a step already done, while the authorisation can still change.
            onClick={() =>
              index <= atIndex && (!submitted || step === 'result') ? setShown(step) : undefined
            }
          >
            {title}
          </View>
        ))}
      </View>
      <Summary view={view} editable={!submitted} />
      {shown === 'consent' ? (
        <ConsentStep view={view} onDone={onChanged} />
      ) : shown === 'photo' ? (
        <PhotoStep view={view} onDone={onChanged} />
      ) : shown === 'record' ? (
        <RecordStep view={view} onDone={onChanged} />
      ) : (
        <ResultStep view={view} onChanged={onChanged} />
      )}
    </View>
  );
}

function Summary({ view, editable }: { view: AuthorisationView; editable: boolean }) {
  const { fields } = view;
  return (
    <View className="zx-card" data-testid="authorisation-summary">
      <Text className="zx-card__title">委托内容</Text>
      <FieldsSummary fields={fields} documentLabel="您的证件" />
      {editable ? (
        <Button
          size="small"
          fill="outline"
          onClick={() => void Taro.navigateTo({ url: pageUrls.editAuthorisation(view.authorisationId) })}
        >
          修改委托内容
        </Button>
      ) : null}
      {editable && view.videoUpload ? <Text className="zx-muted">修改委托内容后需要重新录制。</Text> : null}
    </View>
  );
}

function ConsentStep({ view, onDone }: { view: AuthorisationView; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  const agree = async () => {
    setBusy(true);
    try {
      await api.consentToAuthorisationRecording(view.authorisationId, { version: VIDEO_CONSENT_VERSION });
      onDone();
    } catch {
      // The API client has shown the server's message.
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="zx-card" data-testid="step-consent-body">
      <Text className="zx-card__title">录像授权个人信息处理规则</Text>
      <Text className="zx-authorisations__text">{VIDEO_CONSENT_TEXT}</Text>
      {view.consentedAt ? (
        <Text className="zx-muted">您已于 {formatShanghaiDateTime(view.consentedAt)} 同意。</Text>
      ) : (
        <Button type="primary" block loading={busy} disabled={busy} onClick={() => void agree()}>
          我已阅读并同意
        </Button>
      )}
    </View>
  );
}

function PhotoStep({ view, onDone }: { view: AuthorisationView; onDone: () => void }) {
  const [path, setPath] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const choose = async () => {
    let chosen: string | undefined;
    try {
      chosen = await pickFile('image');
    } catch {
      return; // the picker was closed
    }
    if (!chosen) return;
    setPath(chosen);
    setFailure(null);
    try {
      const ticket = await api.createAuthorisationDocumentUpload(view.authorisationId, { silent: true });
      await uploadFile(ticket, chosen, setProgress);
      await api.checkAuthorisationDocumentPhoto(view.authorisationId, { silent: true });
      setProgress(null);
      onDone();
    } catch (error) {
      setProgress(null);
      setFailure(message(error, '上传失败，请重试'));
    }
  };
  return (
    <View className="zx-card" data-testid="step-photo-body">
      <Text className="zx-card__title">拍摄{view.fields.document.typeLabel}照片页</Text>
      <Text className="zx-muted">
        请将证件照片页平放拍摄，四角完整、文字清晰、无反光；支持 JPG 或 PNG，不超过 5 MB。
      </Text>
      {path ? <Image className="zx-authorisations__media" src={path} mode="aspectFit" /> : null}
      {progress !== null ? <ProgressBar percent={progress} testId="photo-progress" /> : null}
      {failure ? (
        <Text className="zx-authorisations__error" data-testid="photo-failure">
          {failure}
        </Text>
      ) : null}
      {view.documentPhotoUploaded ? <Text className="zx-muted">证件照片已上传并通过检查。</Text> : null}
      <Button
        type="primary"
        block
        disabled={progress !== null}
        data-testid="choose-photo"
        onClick={() => void choose()}
      >
        {view.documentPhotoUploaded || path ? '重新拍摄' : '拍摄 / 从相册选择'}
      </Button>
    </View>
  );
}

function ProgressBar({ percent, testId }: { percent: number; testId: string }) {
  return (
    <View className="zx-authorisations__progress" data-testid={testId}>
      <View className="zx-authorisations__bar" style={{ width: `${percent}%` }} />
      <Text className="zx-authorisations__label-text">已上传 {percent}%</Text>
    </View>
  );
}

function RecordStep({ view, onDone }: { view: AuthorisationView; onDone: () => void }) {
  const [recording, setRecording] = useState<Recording | null>(null);
  const [mode, setMode] = useState<'start' | 'resume'>('start');
  const [progress, setProgress] = useState<number | null>(null);
  const [uploading, setUploading] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // The recording kept on this device (after leaving the page, or a reload in the browser): an
  // upload already started on the server resumes with it; otherwise it is offered for upload.
  const { authorisationId, videoUpload } = view;
  useEffect(() => {
    let current = true;
    void keptRecording(authorisationId).then((kept) => {
      if (!current || !kept) return;
      setRecording((chosen) => chosen ?? kept);
      if (videoUpload) {
        setMode('resume');
        setProgress(uploadedShare(videoUpload));
      }
    });
    return () => {
      current = false;
    };
  }, [authorisationId, videoUpload]);

  const record = async () => {
    const chosen = await recordVideo();
    if (!chosen) return;
    void keepRecording(view.authorisationId, chosen);
    setRecording(chosen);
    setMode('start');
    setProgress(null);
    setFailure(null);
  };

  const upload = async () => {
    if (!recording) return;
    setUploading(true);
    setFailure(null);
    try {
      await uploadRecording(view.authorisationId, recording, mode, setProgress);
      void forgetRecording(view.authorisationId);
      onDone();
    } catch (error) {
      // After a dropped connection the next try sends only the parts the server has not recorded;
      // a recording the server refused (too short, wrong type) is retaken from the start.
      const refused = error instanceof ApiError && error.code === 'VALIDATION_FAILED';
      setMode(refused ? 'start' : 'resume');
      if (refused) setProgress(null);
      setFailure(
        refused
          ? message(error, '录像未通过检查，请重新录制')
          : `${message(error, '网络中断')}，可继续上传，已上传的部分不会重传`,
      );
    } finally {
      setUploading(false);
    }
  };

  return (
    <View className="zx-card" data-testid="step-record-body">
      <Text className="zx-card__title">朗读并录像</Text>
      <Text className="zx-muted">
        请手持{view.fields.document.typeLabel}照片页置于脸旁，正对镜头，完整朗读以下文字（{MIN_VIDEO_SECONDS}{' '}
        秒至 {MAX_VIDEO_SECONDS / 60} 分钟）：
      </Text>
      <Text className="zx-authorisations__script" data-testid="read-aloud-script">
        {view.script}
      </Text>
      <Text className="zx-muted">文中「今天是」为开始上传录像的日期，请在录制当天上传。</Text>
      {recording ? <Video className="zx-authorisations__media" src={recording.path} controls /> : null}
      {progress !== null ? <ProgressBar percent={progress} testId="video-progress" /> : null}
      {failure ? (
        <Text className="zx-authorisations__error" data-testid="video-failure">
          {failure}
        </Text>
      ) : null}
      <View className="zx-authorisations__actions">
        <Button fill="outline" disabled={uploading} data-testid="record-video" onClick={() => void record()}>
          {recording ? '重新录制' : '开始录制'}
        </Button>
        {recording ? (
          <Button type="primary" loading={uploading} disabled={uploading} onClick={() => void upload()}>
            {uploading ? '正在上传…' : mode === 'resume' ? '继续上传' : '上传录像并提交'}
          </Button>
        ) : null}
      </View>
    </View>
  );
}

function ResultStep({ view, onChanged }: { view: AuthorisationView; onChanged: () => void }) {
  const [revoking, setRevoking] = useState(false);
  const revoke = async () => {
    const answer = await Taro.showModal({
      title: '撤销授权',
      content: `撤销后 ${view.fields.trustee.name} 立即不能再代您办理，确定撤销吗？`,
      confirmText: '确定撤销',
      cancelText: '取消',
    });
    if (!answer.confirm) return;
    setRevoking(true);
    try {
      await api.revokeAuthorisation(view.authorisationId);
      void Taro.showToast({ title: '授权已撤销', icon: 'none' });
      onChanged();
    } catch {
      // The request wrapper has shown why.
    } finally {
      setRevoking(false);
    }
  };
  return (
    <View className="zx-card" data-testid="step-result-body">
      {view.status === 'revoked' ? (
        <View data-testid="authorisation-revoked">
          <Text className="zx-card__title">授权已撤销</Text>
          <Text className="zx-muted">
            {view.revokedAt ? `撤销于 ${formatShanghaiDateTime(view.revokedAt)}，` : ''}
            受托人 {view.fields.trustee.name} 不能再代您办理。如需再次委托，请新建录像授权。
          </Text>
        </View>
      ) : view.status === 'expired' ? (
        <View data-testid="authorisation-expired">
          <Text className="zx-card__title">授权已过期</Text>
          <Text className="zx-muted">
            有效期至 {formatDateCn(view.fields.validUntil)}，已结束。如需再次委托，请新建录像授权。
          </Text>
        </View>
      ) : view.status === 'approved' ? (
        <View data-testid="authorisation-approved">
          <Text className="zx-card__title">审核已通过，授权已生效</Text>
          <Text className="zx-muted">
            受托人 {view.fields.trustee.name}，委托事项 {view.fields.matters.map((m) => m.label).join('、')}
            ，有效期至 {formatDateCn(view.fields.validUntil)}。审核结果通知书已发送至「我的信函」。
          </Text>
          <Button
            size="small"
            fill="outline"
            onClick={() => void Taro.navigateTo({ url: pageUrls.myLetters })}
          >
            查看我的信函
          </Button>
          <Button size="small" fill="outline" disabled={revoking} onClick={() => void revoke()}>
            {revoking ? '正在撤销…' : '撤销授权'}
          </Button>
        </View>
      ) : view.status === 'rejected' ? (
        <View data-testid="authorisation-rejected">
          <Text className="zx-card__title">审核未通过</Text>
          <Text className="zx-authorisations__text">原因：{view.rejectionReason}</Text>
          <Text className="zx-muted">您可以新建一份录像授权重新办理。</Text>
          <Button
            size="small"
            fill="outline"
            onClick={() => void Taro.navigateTo({ url: pageUrls.editAuthorisation() })}
          >
            新建录像授权
          </Button>
        </View>
      ) : (
        <View data-testid="authorisation-submitted">
          <Text className="zx-card__title">已提交，等待审核</Text>
          <Text className="zx-muted">
            {view.submittedAt ? `提交于 ${formatShanghaiDateTime(view.submittedAt)}，` : ''}
            工作人员将核对录像与委托内容，结果会通知您。
          </Text>
        </View>
      )}
      {view.recording ? (
        <Text className="zx-muted">
          录像 {view.recording.durationSeconds} 秒 · {(view.recording.sizeBytes / 1024 / 1024).toFixed(1)} MB
        </Text>
      ) : null}
    </View>
  );
}

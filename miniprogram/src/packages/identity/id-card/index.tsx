import { Image, Text, Video, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  ID_DOCUMENT_UPDATE_PURPOSE,
  type IdCardResult,
  UPLOAD_KIND_LABELS,
  type UploadKind,
} from '@zhixiang/shared/identity/id-card';
import { useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { Button } from '../../../components/ui';
import { api } from '../../../services/api';
import { ApiError } from '../../../services/request';
import '../identity.scss';
import { pickFile, uploadFile } from '../../../lib/upload-file';

interface Slot {
  path: string | null;
  uploadId: string | null;
  progress: number | null;
  error: string | null;
}
const EMPTY: Slot = { path: null, uploadId: null, progress: null, error: null };

const GUIDES: Record<UploadKind, string> = {
  id_card_front: '将身份证人像面置于框内，四角对齐，避免反光',
  id_card_back: '将身份证国徽面置于框内，确保有效期限清晰',
  selfie_video: '正对镜头，手持身份证人像面，朗读「本人自愿办理」，约 5 秒',
};
/** A trustee's passport or permit (the one the customer recorded for them). */
const TRUSTEE_GUIDES: Record<UploadKind, string> = {
  id_card_front: '证件照片页（护照资料页，或通行证人像面），四角对齐，避免反光',
  id_card_back: '证件另一页（通行证背面或护照签名页），确保证件号码和有效期清晰',
  selfie_video: '正对镜头，手持证件照片页，朗读「本人自愿受托办理」，约 5 秒',
};

/**
 * ID photos: front and back in a card-shaped frame guide (camera or album), each uploaded at once
 * with its progress, retake at any time; then the server reads and checks the card. In `review`
 * mode a short selfie video joins them and the three go to staff review.
 */
export default function IdCardPage() {
  const { params } = useRouter();
  const purpose = decodeURIComponent(params.purpose ?? '');
  const customerId = params.customerId ? decodeURIComponent(params.customerId) : undefined;
  // A trustee whose document face verification cannot compare: their own, for 人工审核.
  const authorisationId = params.authorisationId ? decodeURIComponent(params.authorisationId) : undefined;
  const subject = {
    ...(customerId ? { customerId } : {}),
    ...(authorisationId ? { authorisationId } : {}),
  };
  const review = params.mode === 'review' || Boolean(authorisationId);
  const kinds: UploadKind[] = review
    ? ['id_card_front', 'id_card_back', 'selfie_video']
    : ['id_card_front', 'id_card_back'];
  const [slots, setSlots] = useState<Record<UploadKind, Slot>>({
    id_card_front: EMPTY,
    id_card_back: EMPTY,
    selfie_video: EMPTY,
  });
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<IdCardResult | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [submitted, setSubmitted] = useState(false);
  const ready = kinds.every((kind) => slots[kind].uploadId);

  const update = (kind: UploadKind, patch: Partial<Slot>) =>
    setSlots((current) => ({ ...current, [kind]: { ...current[kind], ...patch } }));

  const choose = async (kind: UploadKind) => {
    let path: string | undefined;
    try {
      path = await pickFile(kind === 'selfie_video' ? 'video' : 'image');
    } catch {
      return; // the user closed the picker
    }
    if (!path) return;
    setResult(null);
    setFailure(null);
    update(kind, { path, uploadId: null, progress: 0, error: null });
    try {
      const ticket = await api.createIdentityUpload({ kind, ...subject });
      await uploadFile(ticket, path, (progress) => update(kind, { progress }));
      update(kind, { uploadId: ticket.uploadId, progress: null });
    } catch (error) {
      // The photo stays on screen: retaking or retrying keeps what the user already did.
      update(kind, { progress: null, error: error instanceof ApiError ? error.message : '上传失败，请重试' });
    }
  };

  const submit = async () => {
    setBusy(true);
    setFailure(null);
    const front = slots.id_card_front.uploadId ?? '';
    const back = slots.id_card_back.uploadId ?? '';
    try {
      if (review) {
        await api.submitIdentityReview({
          purpose,
          ...subject,
          frontUploadId: front,
          backUploadId: back,
          videoUploadId: slots.selfie_video.uploadId ?? '',
        });
        setSubmitted(true);
      } else {
        setResult(
          await api.checkIdCard({
            frontUploadId: front,
            backUploadId: back,
            ...(customerId ? { customerId } : {}),
          }),
        );
      }
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : '核对失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageContainer>
      {() => (
        <View className="zx-identity">
          <View className="zx-notice">
            {authorisationId
              ? '请拍摄您在录像授权中登记的证件（护照或通行证）并录制一段自拍视频，提交后由工作人员人工审核（通常 1 个工作日内），审核通过后即可签署。'
              : review
                ? '请拍摄身份证正反面并录制一段自拍视频，提交后由工作人员审核（通常 1 个工作日内）。'
                : '请拍摄身份证正反面，我们将识别并核对证件信息。照片仅用于本次核验，按规定期限删除。'}
          </View>
          {kinds.map((kind) => (
            <CaptureSlot
              key={kind}
              kind={kind}
              slot={slots[kind]}
              guide={(authorisationId ? TRUSTEE_GUIDES : GUIDES)[kind]}
              onChoose={() => void choose(kind)}
            />
          ))}
          {failure ? (
            <View className="zx-card zx-identity__failure" data-testid="id-card-failure">
              {failure}
            </View>
          ) : null}
          {result ? (
            <View className="zx-card zx-identity__success" data-testid="id-card-result">
              <Text className="zx-card__title">证件核对通过</Text>
              {result.checks.map((check) => (
                <View key={check.check}>
                  {check.status === 'passed' ? '✓' : check.status === 'skipped' ? '—' : '✗'} {check.label}：
                  {check.message}
                </View>
              ))}
              {purpose === ID_DOCUMENT_UPDATE_PURPOSE ? (
                <Button type="primary" block onClick={() => void Taro.navigateBack()}>
                  证件信息已更新，返回
                </Button>
              ) : (
                <Button type="primary" block onClick={() => void Taro.navigateBack()}>
                  下一步：刷脸认证
                </Button>
              )}
            </View>
          ) : submitted ? (
            <View className="zx-card zx-identity__success" data-testid="review-submitted">
              <Text className="zx-card__title">已提交人工审核</Text>
              <View>审核结果将显示在身份核验页面。</View>
              <Button type="primary" block onClick={() => void Taro.navigateBack()}>
                返回
              </Button>
            </View>
          ) : (
            <Button
              type="primary"
              block
              disabled={!ready || busy}
              loading={busy}
              onClick={() => void submit()}
            >
              {busy ? (review ? '正在提交…' : '正在识别证件…') : review ? '提交人工审核' : '识别并核对'}
            </Button>
          )}
        </View>
      )}
    </PageContainer>
  );
}

function CaptureSlot({
  kind,
  slot,
  guide,
  onChoose,
}: {
  kind: UploadKind;
  slot: Slot;
  guide: string;
  onChoose: () => void;
}) {
  const uploading = slot.progress !== null;
  return (
    <View className="zx-card" data-testid={`capture-${kind}`}>
      <Text className="zx-card__title">{UPLOAD_KIND_LABELS[kind]}</Text>
      <View
        className={`zx-identity__frame ${kind === 'selfie_video' ? 'zx-identity__frame--video' : ''}`}
        onClick={onChoose}
      >
        {slot.path ? (
          kind === 'selfie_video' ? (
            <Video className="zx-identity__preview" src={slot.path} controls />
          ) : (
            <Image className="zx-identity__preview" src={slot.path} mode="aspectFit" />
          )
        ) : (
          <View className="zx-identity__guide">{guide}</View>
        )}
      </View>
      {uploading ? (
        <View className="zx-identity__progress" data-testid={`progress-${kind}`}>
          <View className="zx-identity__bar" style={{ width: `${slot.progress}%` }} />
          <Text>上传中 {slot.progress}%</Text>
        </View>
      ) : null}
      {slot.error ? <View className="zx-identity__error">{slot.error}</View> : null}
      {slot.uploadId ? <View className="zx-identity__muted">已上传</View> : null}
      <Button size="small" fill="outline" disabled={uploading} onClick={onChoose}>
        {slot.path ? '重新拍摄' : kind === 'selfie_video' ? '录制视频' : '拍摄 / 从相册选择'}
      </Button>
    </View>
  );
}

import { Image, Text, Textarea, Video, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { REVIEW_CHECKLIST, type ReviewCheck, type ReviewView } from '@zhixiang/shared/authorisations/schemas';
import { formatDateCn, formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import { useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { Button, Tag } from '../../../components/ui';
import { usePageData } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import { ApiError } from '../../../services/request';
import { FieldsSummary } from '../fields-summary';
import { STATUS_TAG } from '../status-tag';

const CHECKS = Object.keys(REVIEW_CHECKLIST) as ReviewCheck[];
const NO_BOX_TICKED = Object.fromEntries(CHECKS.map((check) => [check, false])) as Record<
  ReviewCheck,
  boolean
>;
const MIN_REASON = 5;

/**
 * One authorisation under review, on its own page (phone) or beside the queue (PC): the fields and
 * the script masked, the recording and the photo page (links valid 5 minutes; each opening is
 * logged), the five checks, approve (every box ticked) or reject with a reason the customer reads.
 */
export function AuthorisationReview({
  authorisationId,
  onDecided,
}: {
  authorisationId: string;
  onDecided?: () => void;
}) {
  const data = usePageData(() => api.getAuthorisationReview(authorisationId));
  return (
    <PageContainer data={data} errorTitle="暂时无法查看该录像授权">
      {(view) => (
        <ReviewBody
          view={view}
          onDecided={() => {
            void data.reload();
            onDecided?.();
          }}
        />
      )}
    </PageContainer>
  );
}

function ReviewBody({ view, onDecided }: { view: ReviewView; onDecided: () => void }) {
  const [checklist, setChecklist] = useState(NO_BOX_TICKED);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const { fields } = view;
  const open = view.status === 'submitted';
  const allTicked = CHECKS.every((check) => checklist[check]);

  const decide = async (decision: 'approve' | 'reject') => {
    if (decision === 'reject' && reason.trim().length < MIN_REASON) {
      setFailure(`请填写不通过的原因（至少 ${MIN_REASON} 个字），客户将看到这段说明`);
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await api.decideAuthorisation(view.authorisationId, {
        decision,
        checklist,
        ...(decision === 'reject' ? { reason: reason.trim() } : {}),
      });
      // Beside the queue the decided authorisation leaves it: the toast confirms the decision.
      void Taro.showToast({ title: decision === 'approve' ? '已通过' : '已退回客户', icon: 'none' });
      onDecided();
    } catch (error) {
      setFailure(error instanceof ApiError ? error.message : '提交失败，请重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="zx-authorisations" data-testid="authorisation-review">
      <View className="zx-card">
        <View className="zx-authorisations__row">
          <Text className="zx-card__title">
            {view.customerName} · {view.authorisationId}
          </Text>
          <Tag type={STATUS_TAG[view.status]}>{view.statusLabel}</Tag>
        </View>
        <FieldsSummary fields={fields} documentLabel="客户证件" />
        {view.submittedAt ? (
          <Text className="zx-muted">提交于 {formatShanghaiDateTime(view.submittedAt)}</Text>
        ) : null}
      </View>

      <View className="zx-card">
        <Text className="zx-card__title">应朗读的授权文本</Text>
        <Text className="zx-authorisations__script" data-testid="review-script">
          {view.script}
        </Text>
        {view.recording ? (
          <Text className="zx-muted">
            录像 {view.recording.durationSeconds} 秒 · {(view.recording.sizeBytes / 1024 / 1024).toFixed(1)}{' '}
            MB · 朗读日期 {formatDateCn(view.recording.scriptDate)} · SHA-256{' '}
            {view.recording.sha256.slice(0, 16)}…
          </Text>
        ) : null}
        {view.videoUrl ? (
          <Video
            className="zx-authorisations__media"
            src={view.videoUrl}
            controls
            data-testid="review-video"
          />
        ) : null}
        {view.documentPhotoUrl ? (
          <Image
            className="zx-authorisations__media"
            src={view.documentPhotoUrl}
            mode="aspectFit"
            data-testid="review-photo"
          />
        ) : null}
        <Text className="zx-muted">录像与照片链接 5 分钟内有效，每次查看均记录在案；过期请刷新。</Text>
      </View>

      {open ? (
        <View className="zx-card" data-testid="review-decision">
          <Text className="zx-card__title">逐项核对</Text>
          {CHECKS.map((check) => (
            <View
              key={check}
              className="zx-authorisations__check"
              data-testid={`check-${check}`}
              data-checked={checklist[check] ? 'yes' : 'no'}
              onClick={() => setChecklist({ ...checklist, [check]: !checklist[check] })}
            >
              {checklist[check] ? '☑' : '☐'} {REVIEW_CHECKLIST[check]}
            </View>
          ))}
          <Textarea
            className="zx-authorisations__textarea"
            data-testid="review-reason"
            placeholder="不通过时请填写原因（至少 5 个字），客户将看到这段说明"
            maxlength={200}
            value={reason}
            onInput={(event) => setReason(event.detail.value)}
          />
          {failure ? (
            <Text className="zx-authorisations__error" data-testid="review-failure">
              {failure}
            </Text>
          ) : null}
          <View className="zx-authorisations__actions">
            <Button
              type="primary"
              disabled={busy || !allTicked}
              loading={busy}
              onClick={() => void decide('approve')}
            >
              通过
            </Button>
            <Button type="danger" fill="outline" disabled={busy} onClick={() => void decide('reject')}>
              不通过
            </Button>
          </View>
          {!allTicked ? <Text className="zx-muted">五项全部勾选后才能通过。</Text> : null}
        </View>
      ) : (
        <View className="zx-card" data-testid="review-decided">
          <Text className="zx-card__title">{view.statusLabel}</Text>
          {view.decidedAt ? (
            <Text className="zx-muted">审核于 {formatShanghaiDateTime(view.decidedAt)}</Text>
          ) : null}
          {view.rejectionReason ? <Text className="zx-muted">原因：{view.rejectionReason}</Text> : null}
          {view.status === 'approved' ? (
            <View className="zx-authorisations__actions">
              <Button
                type="primary"
                data-testid="review-counter"
                onClick={() =>
                  void Taro.navigateTo({ url: pageUrls.counterEndorsement(view.authorisationId) })
                }
              >
                柜面代办
              </Button>
              <Text className="zx-muted">依据本授权，由您在柜面为投保人办理授权范围内的事项。</Text>
            </View>
          ) : null}
        </View>
      )}

      <View className="zx-card" data-testid="review-audit">
        <Text className="zx-card__title">操作记录</Text>
        {view.audit.map((event) => (
          <Text key={`${event.action}-${event.at}`} className="zx-muted">
            {formatShanghaiDateTime(event.at)} · {event.label} · {event.byUserId}
          </Text>
        ))}
      </View>
    </View>
  );
}

import { Image, Input, Text, Video, View } from '@tarojs/components';
import { formatDateCn, todayInShanghai } from '@zhixiang/shared/format/dates';
import { purposeLabel, type ReviewQueueItem } from '@zhixiang/shared/identity/verification';
import { useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { SplitConsole } from '../../../components/split-console';
import { Button } from '../../../components/ui';
import { usePageData } from '../../../hooks/use-page-data';
import { api } from '../../../services/api';
import '../identity.scss';

const submittedOn = (review: ReviewQueueItem) => formatDateCn(todayInShanghai(new Date(review.submittedAt)));

/**
 * The staff review queue (人工审核): pending reviews of the staff member's branch subtree, each with
 * its photos, video and decision; at 768 px and wider (H5) the queue beside the selected review.
 */
export default function IdentityReviewsPage() {
  const data = usePageData(() => api.listIdentityReviews());
  return (
    <PageContainer
      data={data}
      refreshable
      isEmpty={(queue) => queue.reviews.length === 0}
      empty={{ title: '暂无待审核的身份核验', description: '客户提交的证件和自拍视频会出现在这里' }}
    >
      {(queue) => (
        <View className="zx-identity">
          <SplitConsole
            items={queue.reviews}
            keyOf={(review) => review.reviewId}
            testIdPrefix="identity-review"
            placeholder="请选择左侧的审核"
            renderItem={(review, { onSelect, selected }) =>
              onSelect ? (
                <View
                  className={`zx-card${selected ? ' zx-split__selected' : ''}`}
                  data-testid="identity-review-item"
                  onClick={onSelect}
                >
                  <Text className="zx-card__title">
                    {review.customerNameMasked} · {review.idNumberMasked}
                    {review.documentTypeLabel && review.documentTypeLabel !== '居民身份证'
                      ? ` · ${review.documentTypeLabel}`
                      : ''}
                  </Text>
                  <View className="zx-identity__muted">
                    {purposeLabel(review.purpose)} · 提交于 {submittedOn(review)}
                  </View>
                </View>
              ) : (
                <ReviewCard review={review} onDecided={() => void data.reload()} />
              )
            }
            renderDetail={(review) => <ReviewCard review={review} onDecided={() => void data.reload()} />}
          />
        </View>
      )}
    </PageContainer>
  );
}

function ReviewCard({ review, onDecided }: { review: ReviewQueueItem; onDecided: () => void }) {
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const decide = async (decision: 'approve' | 'reject') => {
    setBusy(true);
    try {
      await api.decideIdentityReview(review.reviewId, { decision, ...(reason ? { reason } : {}) });
      onDecided();
    } catch {
      // the API client has shown the message; the reason stays
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="zx-card" data-testid="identity-review">
      <Text className="zx-card__title">
        {review.customerNameMasked} · {review.idNumberMasked}
      </Text>
      {review.documentTypeLabel ? (
        <View className="zx-identity__muted" data-testid="identity-review-document">
          证件类型：{review.documentTypeLabel}
          {review.authorisationId
            ? `（录像授权 ${review.authorisationId} 的受托人，请与证件照片页核对）`
            : ''}
        </View>
      ) : null}
      <View className="zx-identity__muted">
        {purposeLabel(review.purpose)} · 提交于 {submittedOn(review)}
      </View>
      <Image className="zx-identity__media" src={review.frontImageUrl} mode="aspectFit" />
      <Image className="zx-identity__media" src={review.backImageUrl} mode="aspectFit" />
      <Video className="zx-identity__media" src={review.videoUrl} controls data-testid="review-video" />
      <View className="zx-field">
        <Input
          className="zx-field__input"
          placeholder="不通过的原因（客户可见）"
          value={reason}
          maxlength={200}
          onInput={(event) => setReason(event.detail.value)}
        />
      </View>
      <Button type="primary" size="small" disabled={busy} onClick={() => void decide('approve')}>
        通过
      </Button>
      <Button
        type="danger"
        size="small"
        fill="outline"
        disabled={busy || !reason.trim()}
        onClick={() => void decide('reject')}
      >
        不通过
      </Button>
    </View>
  );
}

import { Text, View } from '@tarojs/components';
import { type IdentityStatus, REVIEW_STATUS_LABELS } from '@zhixiang/shared/identity/verification';
import { Button } from '../../components/ui';

/**
 * A trustee whose recorded document is a passport or permit: WeChat face verification compares
 * only a 居民身份证, so their path is 人工审核 — the document's pages and a short selfie video,
 * reviewed by the staff of the authorisation's branch. A review under way or refused says so.
 */
export function TrusteeReviewCard({ status, onStart }: { status: IdentityStatus; onStart: () => void }) {
  const pending = status.review?.status === 'pending';
  return (
    <View className="zx-card" data-testid="trustee-review">
      <Text className="zx-card__title">人工审核</Text>
      <View className="zx-identity__muted">
        您在录像授权中登记的证件为{status.documentTypeLabel ?? '非居民身份证'}
        ，刷脸认证仅支持居民身份证。请上传该证件的照片页和一段手持证件的自拍视频，由工作人员人工审核（通常 1
        个工作日内），审核通过后即可继续签署。
      </View>
      {status.review ? (
        <View className="zx-notice" data-testid="trustee-review-status">
          人工审核：{REVIEW_STATUS_LABELS[status.review.status]}
          {status.review.reason ? `（${status.review.reason}）` : ''}
        </View>
      ) : null}
      {pending ? null : (
        <Button type="primary" block onClick={onStart}>
          {status.review?.status === 'rejected' ? '重新上传，人工审核' : '上传证件和自拍视频，人工审核'}
        </Button>
      )}
    </View>
  );
}

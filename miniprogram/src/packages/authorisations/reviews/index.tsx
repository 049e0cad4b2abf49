import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import { PageContainer } from '../../../components/page-container';
import { SplitConsole } from '../../../components/split-console';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import '../authorisations.scss';
import { AuthorisationReview } from '../review/review-view';

/**
 * 录像授权审核: the submitted authorisations of the staff member's branch subtree, oldest first. At
 * 768 px and wider (H5, staff at a PC) the queue and the selected authorisation stand side by side,
 * and a decision there reloads the queue.
 */
export default function AuthorisationReviewsPage() {
  const data = usePageData(() => api.listAuthorisationReviews());
  useReloadOnShow(data);
  return (
    <PageContainer
      data={data}
      refreshable
      errorTitle="暂时无法查看录像授权审核"
      isEmpty={(view) => view.reviews.length === 0}
      empty={{ title: '暂无待审核的录像授权', description: '本机构及下属机构客户提交的录像授权会出现在这里' }}
    >
      {(view) => (
        <View className="zx-authorisations" data-testid="authorisation-reviews">
          <SplitConsole
            items={view.reviews}
            keyOf={(r) => r.authorisationId}
            testIdPrefix="authorisation-console"
            placeholder="请选择左侧的录像授权"
            renderItem={(r, { onSelect, selected }) => (
              <View
                className={`zx-card${selected ? ' zx-split__selected' : ''}`}
                data-testid="authorisation-review-item"
                onClick={() =>
                  onSelect
                    ? onSelect()
                    : void Taro.navigateTo({ url: pageUrls.authorisationReview(r.authorisationId) })
                }
              >
                <Text className="zx-card__title">
                  {r.customerName} · {r.matterLabels.join('、')}
                </Text>
                <Text className="zx-muted">授权编号 {r.authorisationId}</Text>
                <Text className="zx-muted">
                  保单 {r.policyNos.join('、')} · 提交于 {formatShanghaiDateTime(r.submittedAt)}
                </Text>
              </View>
            )}
            renderDetail={(r) => (
              <AuthorisationReview authorisationId={r.authorisationId} onDecided={() => void data.reload()} />
            )}
          />
        </View>
      )}
    </PageContainer>
  );
}

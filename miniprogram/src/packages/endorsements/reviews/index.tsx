import { View } from '@tarojs/components';
import { PageContainer } from '../../../components/page-container';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { api } from '../../../services/api';
import { ApplicationItem } from '../components/application-item';
import '../components/endorsements.scss';

/**
 * 保全审核: submitted applications of the staff member's branch and the branches below it that
 * the rules sent to review, oldest first (first in, first decided). Each opens the application page
 * with the before/after, the audit timeline and the decision.
 */
export default function EndorsementReviewsPage() {
  const data = usePageData(() => api.listEndorsementReviews());
  useReloadOnShow(data);
  return (
    <PageContainer
      data={data}
      refreshable
      errorTitle="暂时无法查看审核队列"
      isEmpty={(queue) => queue.applications.length === 0}
      empty={{ title: '暂无待审核的申请', description: '需人工审核的保全申请提交后会出现在这里' }}
    >
      {(queue) => (
        <View data-testid="review-queue">
          {[...queue.applications]
            .sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))
            .map((application) => (
              <ApplicationItem
                key={application.applicationId}
                application={application}
                extra={`${application.branchName} · ${application.holderName} · ${application.reviewReasons.join('；')}`}
              />
            ))}
        </View>
      )}
    </PageContainer>
  );
}

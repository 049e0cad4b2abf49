import { PageContainer } from '../../../components/page-container';
import { SplitConsole } from '../../../components/split-console';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { api } from '../../../services/api';
import { ApplicationView } from '../application/application-view';
import { ApplicationItem } from '../components/application-item';
import '../components/endorsements.scss';

/**
 * 保全审核: submitted applications of the staff member's branch and the branches below it that
 * the rules sent to review, oldest first (first in, first decided). Each opens the application page
 * with the before/after, the audit timeline and the decision. At 768 px and wider (H5, staff at a
 * PC) the queue and the selected application stand side by side, and a decision reloads the queue.
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
        <SplitConsole
          items={[...queue.applications].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))}
          keyOf={(application) => application.applicationId}
          testIdPrefix="review"
          placeholder="请选择左侧的申请"
          renderItem={(application, { onSelect, selected }) => (
            <ApplicationItem
              application={application}
              extra={`${application.branchName} · ${application.holderName} · ${application.reviewReasons.join('；')}`}
              {...(onSelect ? { onOpen: onSelect, selected } : {})}
            />
          )}
          renderDetail={(application) => (
            <ApplicationView applicationId={application.applicationId} onChanged={() => void data.reload()} />
          )}
        />
      )}
    </PageContainer>
  );
}

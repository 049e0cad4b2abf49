import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { useWideLayout } from '../../../hooks/use-wide-layout';
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
  const wide = useWideLayout();
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <PageContainer
      data={data}
      refreshable
      errorTitle="暂时无法查看审核队列"
      isEmpty={(queue) => queue.applications.length === 0}
      empty={{ title: '暂无待审核的申请', description: '需人工审核的保全申请提交后会出现在这里' }}
    >
      {(queue) => {
        const applications = [...queue.applications].sort((a, b) =>
          a.submittedAt.localeCompare(b.submittedAt),
        );
        const open = wide
          ? (applications.find((a) => a.applicationId === selected) ?? applications[0])
          : undefined;
        const list = (
          <View data-testid="review-queue" className={wide ? 'zx-split__list' : ''}>
            {applications.map((application) => (
              <ApplicationItem
                key={application.applicationId}
                application={application}
                extra={`${application.branchName} · ${application.holderName} · ${application.reviewReasons.join('；')}`}
                {...(wide
                  ? {
                      onOpen: () => setSelected(application.applicationId),
                      selected: application.applicationId === open?.applicationId,
                    }
                  : {})}
              />
            ))}
          </View>
        );
        if (!wide) return list;
        return (
          <View className="zx-split" data-testid="review-split">
            {list}
            <View className="zx-split__detail" data-testid="review-detail">
              {open ? (
                <ApplicationView
                  key={open.applicationId}
                  applicationId={open.applicationId}
                  onChanged={() => void data.reload()}
                />
              ) : (
                <Text className="zx-muted">请选择左侧的申请</Text>
              )}
            </View>
          </View>
        );
      }}
    </PageContainer>
  );
}

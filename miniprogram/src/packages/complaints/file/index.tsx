import { useRouter } from '@tarojs/taro';
import { PageContainer } from '../../../components/page-container';
import { usePageData } from '../../../hooks/use-page-data';
import { api } from '../../../services/api';
import { ComplaintForm } from './complaint-form';
import '../complaints.scss';

/** 我要投诉: the form over the customer's policies (a policy may be preselected by `policyNo`). */
export default function FileComplaintPage() {
  const { params } = useRouter();
  const policies = usePageData(() => api.listMyPolicies());
  return (
    <PageContainer data={policies} errorTitle="暂时无法加载您的保单">
      {(view) => (
        <ComplaintForm
          policies={view.policies}
          initialPolicyNo={params.policyNo ? decodeURIComponent(params.policyNo) : undefined}
        />
      )}
    </PageContainer>
  );
}

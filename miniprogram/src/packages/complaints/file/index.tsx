import { useRouter } from '@tarojs/taro';
import { PageContainer } from '../../../components/page-container';
import { usePageData } from '../../../hooks/use-page-data';
import { getSession } from '../../../lib/session';
import { api } from '../../../services/api';
import { ComplaintForm } from './complaint-form';
import '../complaints.scss';

/**
 * 我要投诉: the form over the customer's policies (a policy may be preselected by `policyNo`). With
 * `customerId`, an agent files for their customer or a seat for a caller (`callId`: the call the
 * phone system identified), over that customer's policies. From the assistant, `conversationId`
 * takes the conversation along.
 */
export default function FileComplaintPage() {
  const { params } = useRouter();
  // Query values arrive still URL-encoded on both platforms.
  const customerId = params.customerId ? decodeURIComponent(params.customerId) : '';
  const policies = usePageData(() =>
    customerId ? api.listCustomerPolicies(customerId) : api.listMyPolicies(),
  );
  const filingFor = customerId
    ? {
        customerId,
        name: params.name ? decodeURIComponent(params.name) : '',
        callId: params.callId ? decodeURIComponent(params.callId) : undefined,
        bySeat: getSession()?.me.role === 'staff',
      }
    : undefined;
  return (
    <PageContainer
      data={policies}
      errorTitle={customerId ? '暂时无法加载该客户的保单' : '暂时无法加载您的保单'}
    >
      {(view) => (
        <ComplaintForm
          policies={view.policies}
          initialPolicyNo={params.policyNo ? decodeURIComponent(params.policyNo) : undefined}
          filingFor={filingFor}
          conversationId={
            !customerId && params.conversationId ? decodeURIComponent(params.conversationId) : undefined
          }
        />
      )}
    </PageContainer>
  );
}

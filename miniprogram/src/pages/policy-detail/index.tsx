import { useRouter } from '@tarojs/taro';
import { PageContainer } from '../../components/page-container';
import { PolicyDetailView } from '../../components/policy-detail-view';
import { usePageData } from '../../hooks/use-page-data';
import { api } from '../../services/api';

export default function PolicyDetailPage() {
  // Query values arrive still URL-encoded on both platforms.
  const policyNo = decodeURIComponent(useRouter().params.policyNo ?? '');
  const data = usePageData(() => api.getPolicy(policyNo));
  return (
    <PageContainer data={data} errorTitle="无法查看该保单">
      {(policy) => <PolicyDetailView policy={policy} />}
    </PageContainer>
  );
}

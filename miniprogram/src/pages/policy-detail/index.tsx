import { View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { EndorsementActions } from '../../components/endorsement-actions';
import { PageContainer } from '../../components/page-container';
import { PolicyDetailView } from '../../components/policy-detail-view';
import { Button } from '../../components/ui';
import { usePageData } from '../../hooks/use-page-data';
import { pageUrls } from '../../lib/navigation';
import { getSession } from '../../lib/session';
import { api } from '../../services/api';

export default function PolicyDetailPage() {
  // Query values arrive still URL-encoded on both platforms.
  const policyNo = decodeURIComponent(useRouter().params.policyNo ?? '');
  const data = usePageData(() => api.getPolicy(policyNo));
  return (
    <PageContainer data={data} errorTitle="无法查看该保单">
      {(policy) => (
        <View>
          {/* A new policy's callback (回访) is due inside the cooling-off period. */}
          {policy.inCoolingOff ? (
            <Button
              type="primary"
              block
              data-testid="entry-callback"
              onClick={() => void Taro.navigateTo({ url: pageUrls.callbackBooking(policy.policyNo) })}
            >
              预约新单回访
            </Button>
          ) : null}
          <PolicyDetailView policy={policy} />
          {/* Endorsements (保全): the policyholder's own, or prepared by their agent; an insured only reads. */}
          {policy.viewerRole === 'holder' || getSession()?.me.role === 'agent' ? (
            <EndorsementActions policyNo={policy.policyNo} />
          ) : null}
        </View>
      )}
    </PageContainer>
  );
}

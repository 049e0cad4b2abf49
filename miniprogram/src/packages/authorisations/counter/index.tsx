import { useRouter } from '@tarojs/taro';
import { PageContainer } from '../../../components/page-container';
import { usePageData } from '../../../hooks/use-page-data';
import { api } from '../../../services/api';
import '../authorisations.scss';
import { CounterForm } from './counter-form';

/** 柜面代办: staff process an authorised matter on an approved video authorisation, from its review page. */
export default function CounterEndorsementPage() {
  const { params } = useRouter();
  const authorisationId = decodeURIComponent(params.authorisationId ?? '');
  const data = usePageData(() => api.getAuthorisationReview(authorisationId));
  return (
    <PageContainer data={data} errorTitle="暂时无法打开该录像授权">
      {(view) => <CounterForm view={view} />}
    </PageContainer>
  );
}

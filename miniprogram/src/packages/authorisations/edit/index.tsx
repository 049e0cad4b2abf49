import { useRouter } from '@tarojs/taro';
import { PageContainer } from '../../../components/page-container';
import { usePageData } from '../../../hooks/use-page-data';
import { api } from '../../../services/api';
import '../authorisations.scss';
import { AuthorisationForm } from './authorisation-form';

/** Policies a customer may entrust: those they hold, in force or lapsed (the server's rule). */
const ENTRUSTABLE = new Set(['in_force', 'lapsed']);

/** 填写授权委托: a new power of attorney, or a saved draft not yet submitted. */
export default function EditAuthorisationPage() {
  const { params } = useRouter();
  const authorisationId = params.authorisationId ? decodeURIComponent(params.authorisationId) : undefined;
  const data = usePageData(async () => {
    const [{ policies }, saved] = await Promise.all([
      api.listMyPolicies(),
      authorisationId ? api.getMyAuthorisation(authorisationId) : Promise.resolve(undefined),
    ]);
    return {
      policies: policies.filter((p) => p.viewerRole === 'holder' && ENTRUSTABLE.has(p.status)),
      saved,
    };
  });
  return (
    <PageContainer data={data} errorTitle="暂时无法填写录像授权">
      {({ policies, saved }) => <AuthorisationForm policies={policies} saved={saved} />}
    </PageContainer>
  );
}

import { useRouter } from '@tarojs/taro';
import { PageContainer } from '../../../components/page-container';
import { usePageData } from '../../../hooks/use-page-data';
import { api } from '../../../services/api';
import { LetterView } from '../components/letter-view';
import '../components/letters.scss';

/**
 * A letter opened from the link of an SMS or a WeChat message: no sign-in, the signed link is the
 * proof. An expired or forged link shows the server's clear message and the way to 我的信函.
 */
export default function OpenLetterPage() {
  const { params } = useRouter();
  const token = decodeURIComponent(params.token ?? '');
  const data = usePageData(() => api.openLetterLink(token));
  return (
    <PageContainer data={data} requireSignIn={false} errorTitle="无法打开该信函">
      {(letter) => <LetterView letter={letter} />}
    </PageContainer>
  );
}

import { useRouter } from '@tarojs/taro';
import { PageContainer } from '../../../components/page-container';
import { usePageData } from '../../../hooks/use-page-data';
import { api } from '../../../services/api';
import { LetterView } from '../components/letter-view';
import '../components/letters.scss';

/** A letter from 我的信函 (opening it marks it read). */
export default function LetterDetailPage() {
  const { params } = useRouter();
  const letterId = decodeURIComponent(params.letterId ?? '');
  const data = usePageData(() => api.getLetter(letterId));
  return (
    <PageContainer data={data} errorTitle="无法查看该信函">
      {(letter) => <LetterView letter={letter} />}
    </PageContainer>
  );
}

import { useRouter } from '@tarojs/taro';
import '../authorisations.scss';
import { AuthorisationReview } from './review-view';

/** 审核录像授权 on a phone: one authorisation from the queue. */
export default function AuthorisationReviewPage() {
  const { params } = useRouter();
  return <AuthorisationReview authorisationId={decodeURIComponent(params.authorisationId ?? '')} />;
}

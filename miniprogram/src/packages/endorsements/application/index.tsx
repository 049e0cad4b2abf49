import { useRouter, useShareAppMessage } from '@tarojs/taro';
import { pageUrls } from '../../../lib/navigation';
import { ApplicationView } from './application-view';

/** The application page: one application (application-view.tsx), and the link to share it. */
export default function EndorsementApplicationPage() {
  const applicationId = decodeURIComponent(useRouter().params.applicationId ?? '');
  useShareAppMessage(() => ({
    title: '请核对并签署您的保全申请',
    path: pageUrls.endorsementApplication(applicationId),
  }));
  return <ApplicationView applicationId={applicationId} />;
}

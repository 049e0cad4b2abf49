import { useRouter } from '@tarojs/taro';
import { ComplaintView } from './complaint-view';

/** The complaint page: one complaint (complaint-view.tsx). */
export default function ComplaintDetailPage() {
  const { params } = useRouter();
  return <ComplaintView complaintId={decodeURIComponent(params.complaintId ?? '')} />;
}

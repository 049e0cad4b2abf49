import { Text, View } from '@tarojs/components';
import Taro, { useReady, useRouter } from '@tarojs/taro';
import { DOCUMENT_STATUS_LABELS } from '@zhixiang/shared/documents/model';
import { formatDateCn, todayInShanghai } from '@zhixiang/shared/format/dates';
import { PageContainer } from '../../../components/page-container';
import { Tag } from '../../../components/ui';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import '../components/documents.scss';

/**
 * 我的批单: the policyholder's electronic endorsements, those awaiting signature first. With a
 * `customerId`, the same list of a customer for their agent (who may host the signing) or staff.
 */
export default function MyDocumentsPage() {
  const { params } = useRouter();
  const customerId = params.customerId ? decodeURIComponent(params.customerId) : '';
  const name = params.name ? decodeURIComponent(params.name) : '';
  const data = usePageData(() =>
    customerId ? api.listCustomerDocuments(customerId) : api.listMyDocuments(),
  );
  useReady(() => {
    if (customerId) void Taro.setNavigationBarTitle({ title: '客户批单' });
  });
  useReloadOnShow(data);
  return (
    <PageContainer
      data={data}
      refreshable
      errorTitle="暂时无法查看批单"
      isEmpty={(view) => view.documents.length === 0}
      empty={{ title: '暂无批单', description: '办理保全变更后，电子批单会出现在这里' }}
    >
      {(view) => (
        <View className="zx-documents" data-testid="document-list">
          {name ? <Text className="zx-card__title">{name} 的批单</Text> : null}
          {[...view.documents]
            .sort(
              (a, b) => Number(b.status === 'awaiting_signature') - Number(a.status === 'awaiting_signature'),
            )
            .map((document) => (
              <View
                key={document.documentId}
                className="zx-card zx-documents__item"
                data-testid="document-item"
                onClick={() => void Taro.navigateTo({ url: pageUrls.documentDetail(document.documentId) })}
              >
                <View className="zx-documents__row">
                  <Text className="zx-card__title">{document.changeType}</Text>
                  <Tag type={document.status === 'signed' ? 'success' : 'warning'}>
                    {DOCUMENT_STATUS_LABELS[document.status]}
                  </Tag>
                </View>
                <Text className="zx-muted">{document.productName}</Text>
                <Text className="zx-muted">
                  保单号 {document.policyNo} · 批单号 {document.documentId}
                </Text>
                <Text className="zx-muted">
                  {document.signedAt
                    ? `签署于 ${formatDateCn(todayInShanghai(new Date(document.signedAt)))}`
                    : `生成于 ${formatDateCn(todayInShanghai(new Date(document.createdAt)))}，请核对后签署`}
                </Text>
              </View>
            ))}
          <View
            className="zx-documents__verify-link"
            onClick={() => void Taro.navigateTo({ url: pageUrls.verifyDocument })}
          >
            收到电子批单？点此核验真伪
          </View>
        </View>
      )}
    </PageContainer>
  );
}

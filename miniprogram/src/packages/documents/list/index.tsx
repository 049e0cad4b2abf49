import { Text, View } from '@tarojs/components';
import Taro, { useReady, useRouter } from '@tarojs/taro';
import type { DocumentSummary } from '@zhixiang/shared/documents/schemas';
import { formatDateCn, todayInShanghai } from '@zhixiang/shared/format/dates';
import { PageContainer } from '../../../components/page-container';
import { Tag } from '../../../components/ui';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import '../components/documents.scss';

const TONES: Record<DocumentSummary['status'], 'success' | 'warning' | 'primary' | 'default'> = {
  awaiting_signature: 'warning',
  signed: 'primary',
  effective: 'success',
  voided: 'default',
};

/** The line under a document: what happened last, in the customer's words. */
function progressOf(document: DocumentSummary): string {
  const day = (at: string) => formatDateCn(todayInShanghai(new Date(at)));
  if (document.voided) return `${day(document.voided.at)} ${document.voided.reason}`;
  if (document.kind === 'endorsement') return `${day(document.createdAt)} 出具，变更已生效`;
  if (document.effectiveAt)
    return `${day(document.effectiveAt)} 生效，批单 ${document.endorsementDocumentId ?? ''}`;
  if (document.signedAt)
    return document.kind === 'application'
      ? `签署于 ${day(document.signedAt)}，待审核生效后出具批单`
      : `签署于 ${day(document.signedAt)}`;
  return `生成于 ${day(document.createdAt)}，请核对后签署`;
}

/**
 * 我的批单: the policyholder's documents — the applications (申请书) they signed or are to sign,
 * those awaiting signature first, and the 批单 the insurer issued when a change took effect. With
 * a `customerId`, the same list of a customer for their agent (who may host the signing) or staff.
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
      empty={{ title: '暂无批单', description: '办理保全变更后，申请书和生效后的电子批单会出现在这里' }}
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
                  <Tag type={TONES[document.status]}>{document.statusLabel}</Tag>
                </View>
                <Text className="zx-muted">
                  {document.title} · {document.productName}
                </Text>
                <Text className="zx-muted">
                  保单号 {document.policyNo} · {document.kind === 'application' ? '申请书号' : '批单号'}{' '}
                  {document.documentId}
                </Text>
                <Text className="zx-muted">{progressOf(document)}</Text>
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

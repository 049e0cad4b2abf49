import { Text, View } from '@tarojs/components';
import type { DocumentDetail } from '@zhixiang/shared/documents/schemas';
import { formatDateCn } from '@zhixiang/shared/format/dates';
import { InfoRow } from '../../../components/info-row';

/** Exactly the content that is signed or sealed (the server hashes the same fields). */
export function DocumentPreview({ document }: { document: DocumentDetail }) {
  const application = document.kind === 'application';
  return (
    <View className="zx-card" data-testid="document-preview">
      <Text className="zx-card__title">{document.title}</Text>
      <InfoRow label={application ? '申请书号' : '批单号'} value={document.documentId} />
      {document.applicationDocumentId ? (
        <InfoRow label="申请书号" value={document.applicationDocumentId} />
      ) : null}
      <InfoRow label="保单号" value={document.policyNo} />
      <InfoRow label="险种" value={document.productName} />
      <InfoRow label="投保人" value={`${document.holder.name}（${document.holder.idNumberMasked}）`} />
      <InfoRow label="被保险人" value={`${document.insured.name}（${document.insured.idNumberMasked}）`} />
      <InfoRow label="变更项目" value={document.changeType} />
      <InfoRow label={application ? '申请日期' : '生效日期'} value={formatDateCn(document.effectiveDate)} />
      <View className="zx-documents__table" data-testid="document-changes">
        <View className="zx-documents__table-row">
          <Text className="zx-documents__table-cell zx-muted">变更内容</Text>
          <Text className="zx-documents__table-cell zx-muted">变更前</Text>
          <Text className="zx-documents__table-cell zx-muted">变更后</Text>
        </View>
        {document.changes.map((row) => (
          <View key={row.label} className="zx-documents__table-row">
            <Text className="zx-documents__table-cell">{row.label}</Text>
            <Text className="zx-documents__table-cell">{row.before || '—'}</Text>
            <Text className="zx-documents__table-cell">{row.after || '—'}</Text>
          </View>
        ))}
      </View>
      <View className="zx-documents__annotation">
        {application ? '申请人声明' : '批注'}：{document.annotation}
      </View>
    </View>
  );
}

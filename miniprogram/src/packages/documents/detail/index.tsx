import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import type { DocumentDetail } from '@zhixiang/shared/documents/schemas';
import { useEffect, useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { Button } from '../../../components/ui';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { useIdentityVerifiedHere } from '../../../lib/identity-verified';
import { pageUrls } from '../../../lib/navigation';
import { openPdf } from '../../../lib/open-pdf';
import { getSession } from '../../../lib/session';
import { api } from '../../../services/api';
import { DocumentPreview } from '../components/document-preview';
import '../components/documents.scss';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';

/** On an agent's device the verification is of the customer present, named by id. */
const isAgent = () => getSession()?.me.role === 'agent';

/** What the status line says after the label: who signed, what it is waiting for, why it was voided. */
function statusDetail(document: DocumentDetail): string {
  if (document.voided) return `：${document.voided.reason}（${formatShanghaiDateTime(document.voided.at)}）`;
  if (document.kind === 'endorsement')
    return `：本公司于 ${formatShanghaiDateTime(document.createdAt)} 出具并加盖电子签章`;
  if (document.signature) {
    const signed = `：${document.signature.signerName} 于 ${formatShanghaiDateTime(document.signature.signedAt)} 签署${document.signature.hostedByAgent ? '（业务员设备当面签署）' : ''}`;
    if (document.kind !== 'application') return signed;
    return document.status === 'effective'
      ? `${signed}，变更已生效，本公司已出具批单。`
      : `${signed}。申请经审核同意并生效后，本公司另行出具批单。`;
  }
  return document.canSign ? '：请仔细核对以下内容，确认无误后签名' : '：等待投保人签署';
}

/**
 * One document: the content exactly as it will be signed, then the way to sign it (identity first),
 * or, once signed, the PDF and its audit certificate; an application links the 批单 issued when it
 * took effect, a 批单 the application it confirms.
 */
export default function DocumentDetailPage() {
  const documentId = decodeURIComponent(useRouter().params.documentId ?? '');
  const data = usePageData(() => api.getDocument(documentId));
  const [busy, setBusy] = useState(false);
  useReloadOnShow(data);
  // Back from identity verification: its page announces a success before going back, so the
  // verified state shows at once; otherwise a loading state, not the stale 「去核验身份」, until the
  // reload (which changes the state) returns.
  const verifiedHere = useIdentityVerifiedHere(data.state.data?.purpose);
  const [recheckingIdentity, setRecheckingIdentity] = useState(false);
  useEffect(() => {
    if (data.state) setRecheckingIdentity(false);
  }, [data.state]);

  const open = async (link: () => Promise<{ url: string }>) => {
    setBusy(true);
    try {
      await openPdf((await link()).url);
    } catch {
      // the API client has shown why
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageContainer data={data} errorTitle="无法查看该批单">
      {(document) => (
        <View className="zx-documents" data-testid="document-detail">
          <View className="zx-notice" data-testid="document-status">
            {document.statusLabel}
            {statusDetail(document)}
          </View>
          <DocumentPreview document={document} />
          {document.status === 'awaiting_signature' && document.canSign ? (
            <View className="zx-documents__actions">
              {document.identityVerified || verifiedHere ? (
                <Button
                  type="primary"
                  data-testid="go-sign"
                  onClick={() => void Taro.navigateTo({ url: pageUrls.signDocument(documentId) })}
                >
                  内容无误，去签名
                </Button>
              ) : recheckingIdentity ? (
                <Button type="primary" loading disabled data-testid="identity-checking">
                  正在确认身份核验结果…
                </Button>
              ) : (
                <>
                  <View className="zx-notice" data-testid="identity-needed">
                    为保障您的权益，签署前需完成本人身份核验（刷脸认证、业务员当面核验或人工审核）。
                  </View>
                  <Button
                    type="primary"
                    data-testid="go-verify-identity"
                    onClick={() => {
                      setRecheckingIdentity(true);
                      void Taro.navigateTo({
                        url: pageUrls.identityVerify(
                          document.purpose,
                          isAgent() ? document.holderCustomerId : undefined,
                          document.trusteeAuthorisationId,
                        ),
                      });
                    }}
                  >
                    去核验身份
                  </Button>
                </>
              )}
            </View>
          ) : null}
          {document.pdf ? (
            <View className="zx-documents__actions">
              <Button
                type="primary"
                disabled={busy}
                data-testid="open-document"
                onClick={() => void open(() => api.getDocumentLink(documentId, { silent: false }))}
              >
                {document.kind === 'application' ? `查看${document.title}（PDF）` : '查看电子批单（PDF）'}
              </Button>
              {document.endorsementDocumentId || document.applicationDocumentId ? (
                <Button
                  fill="outline"
                  data-testid="open-related-document"
                  onClick={() =>
                    void Taro.navigateTo({
                      url: pageUrls.documentDetail(
                        document.endorsementDocumentId ?? document.applicationDocumentId ?? '',
                      ),
                    })
                  }
                >
                  {document.endorsementDocumentId ? '查看批单' : '查看申请书'}
                </Button>
              ) : null}
              <Button
                fill="outline"
                disabled={busy}
                onClick={() => void open(() => api.exportAuditCertificate(documentId))}
              >
                导出审计证书
              </Button>
              <Text className="zx-documents__hash">文件摘要 SHA-256：{document.pdf.sha256}</Text>
            </View>
          ) : null}
        </View>
      )}
    </PageContainer>
  );
}

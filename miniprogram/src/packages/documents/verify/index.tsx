import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { brand } from '@zhixiang/shared/brand';
import { VERIFY_MAX_PDF_BYTES, type VerifyDocumentResponse } from '@zhixiang/shared/documents/schemas';
import { formatDateCn, formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import { useState } from 'react';
import { InfoRow } from '../../../components/info-row';
import { PageContainer } from '../../../components/page-container';
import { Button } from '../../../components/ui';
import { api } from '../../../services/api';
import { ApiError } from '../../../services/request';
import '../components/documents.scss';

/** Lets the user pick a PDF: a file input on H5, a file from a chat in WeChat. Resolves base64. */
async function pickPdf(): Promise<{ name: string; base64: string; bytes: number } | null> {
  if (process.env.TARO_ENV === 'h5') {
    return new Promise((resolve) => {
      const input = document.createElement('input');
      input.type = 'file';
      input.accept = 'application/pdf,.pdf';
      input.style.display = 'none';
      input.setAttribute('data-testid', 'verify-file-input');
      document.body.appendChild(input);
      input.addEventListener('change', () => {
        const file = input.files?.[0];
        input.remove();
        if (!file) return resolve(null);
        const reader = new FileReader();
        reader.onload = () => {
          const url = String(reader.result);
          resolve({ name: file.name, base64: url.slice(url.indexOf(',') + 1), bytes: file.size });
        };
        reader.onerror = () => resolve(null);
        reader.readAsDataURL(file);
      });
      input.click();
    });
  }
  const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf'] });
  const file = tempFiles[0];
  if (!file) return null;
  const buffer = Taro.getFileSystemManager().readFileSync(file.path) as ArrayBuffer;
  return { name: file.name, base64: Taro.arrayBufferToBase64(buffer), bytes: file.size };
}

/** How each answer of the verification reads: the headline and its colour. */
const VERDICTS: Record<
  VerifyDocumentResponse['verdict'],
  { headline: string; tone: 'genuine' | 'pending' | 'bad' }
> = {
  valid: { headline: '✓ 核验通过：文件真实有效', tone: 'genuine' },
  not_effective: { headline: '! 这是变更申请书，尚未生效', tone: 'pending' },
  voided: { headline: '✗ 批单已作废', tone: 'bad' },
  modified: { headline: '✗ 文件在签章后被改动过', tone: 'bad' },
  foreign_signature: { headline: '✗ 核验未通过：不是本公司签章', tone: 'bad' },
  unsigned: { headline: '✗ 核验未通过：没有数字签名', tone: 'bad' },
  not_issued: { headline: '✗ 核验未通过：本公司无出具记录', tone: 'bad' },
};

/**
 * Public page: is this PDF a document of ours (a 批单, or a customer's signed application), is its
 * signature intact, and what does it stand for now — valid, voided (reason and time), an
 * application not yet in effect, or modified after sealing; which policy and change (masked),
 * when it was signed. No sign-in needed.
 */
export default function VerifyDocumentPage() {
  const [result, setResult] = useState<VerifyDocumentResponse | null>(null);
  const [fileName, setFileName] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const choose = async () => {
    setError('');
    const file = await pickPdf().catch(() => null);
    if (!file) return;
    if (file.bytes > VERIFY_MAX_PDF_BYTES) {
      setError('文件过大（上限 2 MB），请确认是电子批单或申请书 PDF');
      return;
    }
    setFileName(file.name);
    setResult(null);
    setBusy(true);
    try {
      setResult(await api.verifyDocument({ pdfBase64: file.base64 }, { silent: true }));
    } catch (cause) {
      setError(cause instanceof ApiError ? cause.message : '核验失败，请稍后再试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageContainer requireSignIn={false}>
      {() => (
        <View className="zx-documents" data-testid="verify-page">
          <View className="zx-notice">
            上传您收到的{brand.insurerName}
            电子批单或变更申请书（PDF），核验是否为本公司签章、签章后是否被改动，以及是否有效、已作废或尚未生效。文件只用于本次核验，不会保存。
          </View>
          <View className="zx-documents__actions">
            <Button
              type="primary"
              loading={busy}
              disabled={busy}
              data-testid="verify-choose"
              onClick={() => void choose()}
            >
              {busy ? '正在核验…' : '选择 PDF 文件'}
            </Button>
            {fileName ? <Text className="zx-muted">已选择：{fileName}</Text> : null}
          </View>
          {error ? <View className="zx-sign__error">{error}</View> : null}
          {result ? (
            <View className="zx-card" data-testid="verify-result" data-verdict={result.verdict}>
              <View
                className={`zx-documents__verdict zx-documents__verdict--${VERDICTS[result.verdict].tone}`}
                data-testid="verify-verdict"
              >
                {result.verdict === 'voided' && result.document?.kind === 'application'
                  ? '✗ 申请书已作废：申请未生效'
                  : VERDICTS[result.verdict].headline}
              </View>
              <View>{result.message}</View>
              {result.document?.voided ? (
                <View data-testid="verify-voided">
                  <InfoRow label="作废时间" value={formatShanghaiDateTime(result.document.voided.at)} />
                  <InfoRow label="作废原因" value={result.document.voided.reason} />
                </View>
              ) : null}
              {result.document ? (
                <View>
                  <InfoRow
                    label="文件"
                    value={`${result.document.title}（${result.document.statusLabel}）`}
                  />
                  <InfoRow
                    label={result.document.kind === 'application' ? '申请书号' : '批单号'}
                    value={result.document.documentId}
                  />
                  {result.document.applicationDocumentId ? (
                    <InfoRow label="申请书号" value={result.document.applicationDocumentId} />
                  ) : null}
                  {result.document.endorsementDocumentId ? (
                    <InfoRow label="批单号" value={result.document.endorsementDocumentId} />
                  ) : null}
                  <InfoRow label="变更项目" value={result.document.changeType} />
                  <InfoRow label="保单号" value={result.document.policyNoMasked} />
                  <InfoRow label="投保人" value={result.document.holderNameMasked} />
                  {result.document.changes.map((row) => (
                    <InfoRow
                      key={row.label}
                      label={row.label}
                      value={`${row.before || '—'} → ${row.after || '—'}`}
                    />
                  ))}
                  <InfoRow
                    label={result.document.kind === 'application' ? '申请日期' : '生效日期'}
                    value={formatDateCn(result.document.effectiveDate)}
                  />
                  {result.document.signedAt ? (
                    <InfoRow label="签署时间" value={formatShanghaiDateTime(result.document.signedAt)} />
                  ) : null}
                </View>
              ) : null}
              {result.signer && !result.document ? (
                <InfoRow label="签名证书" value={result.signer.subject} />
              ) : null}
            </View>
          ) : null}
        </View>
      )}
    </PageContainer>
  );
}

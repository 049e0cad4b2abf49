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

/**
 * Public page: is this PDF an electronic endorsement we issued, is its signature intact, which
 * policy and change (masked), when was it signed. No sign-in needed.
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
      setError('文件过大（上限 2 MB），请确认是电子批单 PDF');
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
            电子批单（PDF），核验是否为本公司出具、签章后是否被改动。文件只用于本次核验，不会保存。
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
            <View className="zx-card" data-testid="verify-result">
              <View
                className={`zx-documents__verdict zx-documents__verdict--${result.genuine ? 'genuine' : 'bad'}`}
              >
                {result.genuine ? '✓ 核验通过' : '✗ 核验未通过'}
              </View>
              <View>{result.message}</View>
              {result.document ? (
                <View>
                  <InfoRow label="批单号" value={result.document.documentId} />
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
                  <InfoRow label="生效日期" value={formatDateCn(result.document.effectiveDate)} />
                  {result.document.signedAt ? (
                    <InfoRow label="签署时间" value={formatShanghaiDateTime(result.document.signedAt)} />
                  ) : null}
                </View>
              ) : null}
              {result.signer && !result.genuine ? (
                <InfoRow label="签名证书" value={result.signer.subject} />
              ) : null}
            </View>
          ) : null}
        </View>
      )}
    </PageContainer>
  );
}

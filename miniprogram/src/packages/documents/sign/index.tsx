import { Canvas, Text, View } from '@tarojs/components';
import Taro, { useReady, useRouter, useUnload } from '@tarojs/taro';
import type { DocumentDetail } from '@zhixiang/shared/documents/schemas';
import { judgeSignature, SIGNATURE_TOO_SIMPLE_MESSAGE } from '@zhixiang/shared/documents/signature-quality';
import { useRef, useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { Button } from '../../../components/ui';
import { usePageData } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { getSession } from '../../../lib/session';
import { api } from '../../../services/api';
import { ApiError } from '../../../services/request';
import { putToPresignedUrl, SignaturePad } from '../components/signature-pad';
import '../components/documents.scss';

/** On an agent's device the verification is of the customer present, named by id. */
const isAgent = () => getSession()?.me.role === 'agent';

const PAD_ID = 'zx-signature-pad';

/**
 * The signing screen: what is signed, the pad, undo / clear / sign. Too simple a signature is
 * refused here first (the same shared rule the server applies again). If identity is missing
 * the page sends the customer to verification and keeps the drawing for when they come back.
 */
export default function SignDocumentPage() {
  const documentId = decodeURIComponent(useRouter().params.documentId ?? '');
  const data = usePageData(() => api.getDocument(documentId));
  const pad = useRef(new SignaturePad());
  const [strokeCount, setStrokeCount] = useState(0);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useReady(() => {
    pad.current.onChange((count) => {
      setStrokeCount(count);
      setError('');
    });
  });
  useUnload(() => pad.current.dispose());

  // The canvas exists once the document has loaded; attach after that render.
  const attached = useRef(false);
  if (data.state.status === 'ready' && data.state.data.status === 'awaiting_signature' && !attached.current) {
    attached.current = true;
    Taro.nextTick(() => {
      setTimeout(() => {
        void pad.current.attach(PAD_ID).catch(() => setError('签名板加载失败，请返回后重试'));
      }, 50);
    });
  }

  // On to the result: back to the detail page (which re-reads the document when shown), or, when
  // this screen was opened on its own (a link, a reload), in its place.
  const showResult = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack();
    else void Taro.redirectTo({ url: pageUrls.documentDetail(documentId) });
  };

  const sign = async (document: DocumentDetail) => {
    const strokes = pad.current.value();
    if (!judgeSignature(strokes).ok) {
      setError(SIGNATURE_TOO_SIMPLE_MESSAGE);
      return;
    }
    setBusy(true);
    setError('');
    try {
      const upload = await api.createSignatureUpload(documentId);
      const png = await pad.current.toPng();
      if (png.byteLength > upload.maxBytes.image) {
        setError('签名图片过大，请清除后把签名写得小一些再试');
        return;
      }
      await Promise.all([
        // The strokes are ASCII JSON: sent as a string, so no TextEncoder is needed.
        putToPresignedUrl(upload.strokes.url, JSON.stringify(strokes), upload.strokes.contentType),
        putToPresignedUrl(upload.image.url, png, upload.image.contentType),
      ]);
      await api.signDocument(
        documentId,
        { uploadId: upload.uploadId, contentHash: document.contentHash },
        { silent: true },
      );
      void Taro.showToast({ title: '签署成功', icon: 'success' });
      showResult();
    } catch (cause) {
      if (cause instanceof ApiError && cause.field === 'identity') {
        void Taro.navigateTo({
          url: pageUrls.identityVerify(
            document.purpose,
            isAgent() ? document.holderCustomerId : undefined,
            document.trusteeAuthorisationId,
          ),
        });
        return;
      }
      setError(cause instanceof ApiError ? cause.message : '签名上传失败，请检查网络后重试');
    } finally {
      setBusy(false);
    }
  };

  return (
    <PageContainer data={data} errorTitle="无法签署该文件">
      {(document) =>
        document.status !== 'awaiting_signature' ? (
          <View className="zx-card" data-testid="sign-already-signed">
            <Text className="zx-card__title">该{document.title}已签署</Text>
            <Button type="primary" block onClick={showResult}>
              查看{document.title}
            </Button>
          </View>
        ) : (
          <View className="zx-sign" data-testid="sign-page">
            <View className="zx-sign__summary" data-testid="sign-summary">
              您将签署：{document.title}（{document.changeType}），保单号 {document.policyNo}；
              {document.changes
                .map((row) => `${row.label}：${row.before || '—'} → ${row.after || '—'}`)
                .join('；')}
              ；申请日期 {document.effectiveDate}。本申请经审核同意并生效后，本公司另行出具批单。
            </View>
            <View className="zx-sign__pad">
              <Canvas
                type="2d"
                id={PAD_ID}
                canvasId={PAD_ID}
                className="zx-sign__canvas"
                disableScroll
                data-testid="signature-pad"
                onTouchStart={(event) => pad.current.touch.start(event as never)}
                onTouchMove={(event) => pad.current.touch.move(event as never)}
                onTouchEnd={() => pad.current.touch.end()}
              />
              {strokeCount === 0 ? <Text className="zx-sign__hint">请在此处用正楷签写投保人姓名</Text> : null}
            </View>
            {error ? (
              <View className="zx-sign__error" data-testid="sign-error">
                {error}
              </View>
            ) : null}
            <View className="zx-sign__tools">
              <Button fill="outline" disabled={busy || strokeCount === 0} onClick={() => pad.current.undo()}>
                撤销
              </Button>
              <Button fill="outline" disabled={busy || strokeCount === 0} onClick={() => pad.current.clear()}>
                清除
              </Button>
              <Button
                type="primary"
                loading={busy}
                disabled={busy || strokeCount === 0}
                data-testid="submit-signature"
                onClick={() => void sign(document)}
              >
                {busy ? '正在签署…' : '确认签署'}
              </Button>
            </View>
          </View>
        )
      }
    </PageContainer>
  );
}

import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { megabytes } from '@zhixiang/shared/uploads/attachments';
import {
  MAX_EVIDENCE_FILE_BYTES,
  MAX_EVIDENCE_FILES,
  type RectificationView,
} from '@zhixiang/shared/voice/rectification';
import { useState } from 'react';
import { AttachmentPicker, type PickedFile } from '../../../components/attachments';
import { Button } from '../../../components/ui';
import { api } from '../../../services/api';
import { ApiError } from '../../../services/request';
import { pickEvidence } from './pick-evidence';

/**
 * A progress note, or the closure with its evidence: the text and the files uploaded for it (kept
 * on the form when the server refuses one, which it names).
 */
export function Steps({ task, onChanged }: { task: RectificationView; onChanged: () => void }) {
  const [text, setText] = useState('');
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async (step: 'note' | 'close') => {
    setBusy(true);
    try {
      if (step === 'note') await api.addRectificationNote(task.rectificationId, { note: text });
      else
        await api.closeRectification(task.rectificationId, {
          evidence: text,
          ...(files.length > 0 ? { files: files.map((f) => f.uploadId) } : {}),
        });
      setText('');
      if (step === 'close') setFiles([]);
      void Taro.showToast({ title: step === 'note' ? '已记录' : '已关闭', icon: 'success' });
      onChanged();
    } catch (failure) {
      if (failure instanceof ApiError && failure.field) setError(failure.message);
      else if (failure instanceof ApiError && failure.status === 409) onChanged();
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="zx-card">
      <Text className="zx-voice__label">进展或整改结果</Text>
      <Textarea
        className="zx-voice__textarea"
        data-testid="rectification-text"
        maxlength={1000}
        placeholder="记录进展；关闭时写明整改结果与佐证（至少 10 个字）"
        value={text}
        onInput={(event) => {
          setText(event.detail.value);
          setError('');
        }}
      />
      {error ? <Text className="zx-voice__error">{error}</Text> : null}
      <Text className="zx-voice__label">佐证材料（关闭时提交，选填）</Text>
      <AttachmentPicker
        files={files}
        max={MAX_EVIDENCE_FILES}
        what="佐证材料"
        hint={`照片或 PDF，最多 ${MAX_EVIDENCE_FILES} 个，每个不超过 ${megabytes(MAX_EVIDENCE_FILE_BYTES)}`}
        createUpload={() => api.createRectificationEvidenceUpload(task.rectificationId, { silent: true })}
        onChange={(next) => {
          setFiles(next);
          setError('');
        }}
        pick={pickEvidence}
        testId="rectification-files"
      />
      <View className="zx-voice__row">
        <Button size="small" fill="outline" disabled={busy} onClick={() => void send('note')}>
          记录进展
        </Button>
        <Button size="small" type="primary" disabled={busy} onClick={() => void send('close')}>
          关闭整改
        </Button>
      </View>
    </View>
  );
}

import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { AttachmentLinks, UploadTicket } from '@zhixiang/shared/uploads/attachments';
import { useEffect, useState } from 'react';
import { openPdf } from '../lib/open-pdf';
import { pickFile, uploadFile } from '../lib/upload-file';
import { ApiError } from '../services/request';
import { Button } from './ui';
import './attachments.scss';

/** A file uploaded for a record about to be saved: its upload id, and its local path for the thumbnail. */
export interface PickedFile {
  uploadId: string;
  path: string;
}

/**
 * Adds files to a form before it is saved (a complaint's photos, a rectification's evidence): each
 * chosen file is uploaded at once with its progress shown, then listed as a thumbnail with 删除.
 * The list belongs to the form (kept in its draft), so a refusal or leaving loses nothing; the
 * server checks every file again when the form is sent.
 */
export function AttachmentPicker({
  files,
  max,
  what,
  hint,
  error,
  createUpload,
  onChange,
  testId,
  pick = () => pickFile('image'),
}: {
  files: readonly PickedFile[];
  max: number;
  /** 「照片」, 「佐证材料」. */
  what: string;
  hint: string;
  error?: string | undefined;
  createUpload: () => Promise<UploadTicket>;
  onChange: (files: PickedFile[]) => void;
  testId: string;
  /** How a file is chosen (a photo by default); resolves to its local path, or nothing. */
  pick?: () => Promise<string | undefined>;
}) {
  const [progress, setProgress] = useState<number | null>(null);
  const [problem, setProblem] = useState('');

  const add = async () => {
    setProblem('');
    let path: string | undefined;
    try {
      path = await pick();
    } catch {
      return; // Cancelled.
    }
    if (!path) return;
    setProgress(0);
    try {
      const ticket = await createUpload();
      await uploadFile(ticket, path, setProgress);
      onChange([...files, { uploadId: ticket.uploadId, path }]);
    } catch (e) {
      setProblem(e instanceof ApiError ? e.message : `${what}上传失败，请重试`);
    } finally {
      setProgress(null);
    }
  };

  return (
    <View className="zx-attachments" data-testid={testId}>
      <View className="zx-attachments__grid">
        {files.map((file, i) => (
          <View key={file.uploadId} className="zx-attachments__item" data-testid={`${testId}-item`}>
            <Image
              className="zx-attachments__thumb"
              mode="aspectFill"
              src={file.path}
              onClick={() => void Taro.previewImage({ urls: files.map((f) => f.path), current: file.path })}
            />
            <Text
              className="zx-attachments__remove"
              data-testid={`${testId}-remove-${i + 1}`}
              onClick={() => onChange(files.filter((f) => f.uploadId !== file.uploadId))}
            >
              删除
            </Text>
          </View>
        ))}
      </View>
      {progress !== null ? (
        <Text className="zx-muted" data-testid={`${testId}-progress`}>
          正在上传{what}… {progress}%
        </Text>
      ) : null}
      {files.length < max ? (
        <Button size="small" disabled={progress !== null} onClick={() => void add()}>
          添加{what}（{files.length}/{max}）
        </Button>
      ) : null}
      <Text className="zx-muted">{hint}</Text>
      {problem || error ? <Text className="zx-attachments__error">{problem || error}</Text> : null}
    </View>
  );
}

/**
 * A saved record's files by short-lived links: images as thumbnails (tap to preview, all of them
 * in turn), other files (a PDF, a HEIC photo a browser cannot draw) as a tile that opens them.
 * Loading the links may be a view the server audits (staff reading a complaint's photos).
 */
export function AttachmentThumbnails({
  count,
  title,
  note,
  load,
  testId,
}: {
  count: number;
  title: string;
  note?: string | undefined;
  load: () => Promise<AttachmentLinks>;
  testId: string;
}) {
  const [links, setLinks] = useState<AttachmentLinks['files'] | null>(null);
  const [failed, setFailed] = useState(false);
  const fetchLinks = () => {
    setFailed(false);
    load()
      .then((result) => setLinks(result.files))
      .catch(() => setFailed(true));
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: loaded once per record (count changes on a new one)
  useEffect(() => {
    if (count > 0) fetchLinks();
  }, [count]);
  if (count === 0) return null;
  const drawable = (links ?? []).filter(
    (f) => f.contentType === 'image/jpeg' || f.contentType === 'image/png',
  );
  const open = (file: AttachmentLinks['files'][number]) => {
    if (file.contentType === 'application/pdf') void openPdf(file.url);
    else {
      const urls = drawable.some((f) => f.url === file.url) ? drawable.map((f) => f.url) : [file.url];
      void Taro.previewImage({ urls, current: file.url });
    }
  };
  return (
    <View className="zx-card zx-attachments" data-testid={testId}>
      <Text className="zx-card__title">
        {title}（{count}）
      </Text>
      {note ? <Text className="zx-muted">{note}</Text> : null}
      {failed ? (
        <View>
          <Text className="zx-attachments__error">暂时无法加载附件</Text>
          <Button size="small" onClick={fetchLinks}>
            重试
          </Button>
        </View>
      ) : links === null ? (
        <Text className="zx-muted">正在加载附件…</Text>
      ) : (
        <View className="zx-attachments__grid">
          {links.map((file) =>
            file.contentType === 'image/jpeg' || file.contentType === 'image/png' ? (
              <Image
                key={file.fileNo}
                className="zx-attachments__thumb"
                data-testid={`${testId}-thumb`}
                mode="aspectFill"
                src={file.url}
                onClick={() => open(file)}
              />
            ) : (
              <View
                key={file.fileNo}
                className="zx-attachments__tile"
                data-testid={`${testId}-tile`}
                onClick={() => open(file)}
              >
                {file.typeLabel}
              </View>
            ),
          )}
        </View>
      )}
    </View>
  );
}

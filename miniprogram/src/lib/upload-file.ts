import Taro from '@tarojs/taro';
import type { UploadTicket } from '@zhixiang/shared/identity/id-card';
import { ApiError, NETWORK_ERROR_MESSAGE } from '../services/request';

/** Where and how a presigned upload goes (identity photos and videos, event covers). */
type UploadTarget = Pick<UploadTicket, 'uploadUrl' | 'contentType' | 'maxBytes'>;

/**
 * PUTs a chosen file to its presigned URL (identity photos and videos, event covers, an
 * authorisation's document photo page). H5 uses XMLHttpRequest for real upload progress;
 * WeChat reads the file and sends it with wx.request (PUT), reporting 0 then 100. Each platform's
 * half is a function expression in its own branch, so the weapp build drops the browser's.
 */
export async function uploadFile(
  ticket: UploadTarget,
  filePath: string,
  onProgress: (percent: number) => void,
): Promise<void> {
  onProgress(0);
  const upload =
    process.env.TARO_ENV === 'h5'
      ? async () => {
          const blob = await (await fetch(filePath)).blob();
          if (blob.size > ticket.maxBytes) throw tooLarge(ticket);
          await new Promise<void>((resolve, reject) => {
            const xhr = new XMLHttpRequest();
            xhr.open('PUT', ticket.uploadUrl);
            xhr.setRequestHeader('content-type', ticket.contentType);
            xhr.upload.onprogress = (event) => {
              if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
            };
            xhr.onload = () =>
              xhr.status >= 200 && xhr.status < 300
                ? resolve()
                : reject(new ApiError('UPSTREAM_FAILED', '上传失败，请重试', xhr.status));
            xhr.onerror = () => reject(new ApiError('NETWORK', NETWORK_ERROR_MESSAGE, 0));
            xhr.send(blob);
          });
        }
      : async () => {
          const data = await new Promise<ArrayBuffer>((resolve, reject) =>
            Taro.getFileSystemManager().readFile({
              filePath,
              success: (result) => resolve(result.data as ArrayBuffer),
              fail: () => reject(new ApiError('VALIDATION_FAILED', '无法读取所选文件，请重新选择', 0)),
            }),
          );
          if (data.byteLength > ticket.maxBytes) throw tooLarge(ticket);
          const response = await Taro.request({
            url: ticket.uploadUrl,
            method: 'PUT',
            header: { 'content-type': ticket.contentType },
            data,
            timeout: 60000,
          });
          if (response.statusCode < 200 || response.statusCode >= 300)
            throw new ApiError('UPSTREAM_FAILED', '上传失败，请重试', response.statusCode);
        };
  await upload();
  onProgress(100);
}

function tooLarge(ticket: UploadTarget): ApiError {
  const mb = ticket.maxBytes / 1024 / 1024;
  return new ApiError('VALIDATION_FAILED', `文件超过 ${mb} MB，请重新拍摄或选择较小的文件`, 413);
}

/**
 * One photo or a video of at most 15 s (a selfie video uses the front camera). WeChat: chooseMedia (chooseImage and chooseVideo
 * are deprecated there); H5 keeps Taro's image and video pickers, which already sit on its own
 * chooseMedia.
 */
export function pickFile(type: 'image' | 'video'): Promise<string | undefined> {
  // No await before the platform test: the weapp build then drops the H5 half.
  if (process.env.TARO_ENV === 'h5') {
    return type === 'video'
      ? Taro.chooseVideo({ sourceType: ['camera', 'album'], maxDuration: 15, camera: 'front' }).then(
          (result) => result.tempFilePath,
        )
      : Taro.chooseImage({ count: 1, sizeType: ['compressed'], sourceType: ['camera', 'album'] }).then(
          (result) => result.tempFilePaths[0],
        );
  }
  return Taro.chooseMedia({
    count: 1,
    mediaType: [type],
    sourceType: ['camera', 'album'],
    sizeType: ['compressed'],
    maxDuration: 15,
    camera: type === 'video' ? 'front' : 'back',
  }).then((result) => result.tempFiles[0]?.tempFilePath);
}

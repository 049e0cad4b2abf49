import Taro from '@tarojs/taro';
import { vi } from 'vitest';

/**
 * The device's side of an upload, faked where the H5 build meets the browser: the picker
 * (Taro.chooseImage), reading the chosen blob (fetch) and the PUT (XMLHttpRequest), whose
 * progress and answer the test drives.
 */
export const puts: FakeUpload[] = [];
class FakeUpload {
  url = '';
  status = 0;
  upload: { onprogress?: (event: { lengthComputable: boolean; loaded: number; total: number }) => void } = {};
  onload?: () => void;
  onerror?: () => void;
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader() {}
  send() {
    puts.push(this);
  }
  progress(percent: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded: percent, total: 100 });
  }
  answer(status: number) {
    this.status = status;
    this.onload?.();
  }
}
export function choosing(path: string, bytes: number) {
  vi.spyOn(Taro, 'chooseImage').mockResolvedValue({
    tempFilePaths: [path],
    tempFiles: [],
    errMsg: 'chooseImage:ok',
  } as never);
  vi.stubGlobal('fetch', async () => ({ blob: async () => new Blob([new Uint8Array(bytes)]) }));
  vi.stubGlobal('XMLHttpRequest', FakeUpload);
}

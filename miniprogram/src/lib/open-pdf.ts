import Taro from '@tarojs/taro';

/** Why a PDF did not open, for the user: an expired link differs from a network failure. */
export function pdfDownloadProblem(statusCode: number): string | null {
  if (statusCode >= 200 && statusCode < 300) return null;
  if (statusCode === 403 || statusCode === 404) return '文件链接已过期，请返回后重新打开';
  return '文件暂时无法打开，请稍后重试';
}

/**
 * Opens a PDF behind a short-lived link: a new tab on H5; WeChat opens PDFs only from a local file.
 * downloadFile succeeds on any HTTP answer, so the status is checked before openDocument (an
 * expired presigned link answers 403 with an XML body). Says itself why a file did not open and
 * resolves whether it opened; it never rejects.
 */
export async function openPdf(url: string): Promise<boolean> {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank');
    return true;
  }
  let downloaded: Taro.downloadFile.FileSuccessCallbackResult;
  try {
    downloaded = await Taro.downloadFile({ url });
  } catch {
    void Taro.showToast({ title: '网络异常，文件未能下载', icon: 'none' });
    return false;
  }
  const problem = pdfDownloadProblem(downloaded.statusCode);
  if (problem) {
    void Taro.showToast({ title: problem, icon: 'none' });
    return false;
  }
  try {
    await Taro.openDocument({ filePath: downloaded.tempFilePath, fileType: 'pdf', showMenu: true });
    return true;
  } catch {
    void Taro.showToast({ title: '无法打开该文件', icon: 'none' });
    return false;
  }
}

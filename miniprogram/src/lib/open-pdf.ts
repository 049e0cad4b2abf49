import Taro from '@tarojs/taro';

/** Opens a PDF behind a short-lived link: a new tab on H5; WeChat opens PDFs only from a local file. */
export async function openPdf(url: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    window.open(url, '_blank');
    return;
  }
  const { tempFilePath } = await Taro.downloadFile({ url });
  await Taro.openDocument({ filePath: tempFilePath, fileType: 'pdf', showMenu: true });
}

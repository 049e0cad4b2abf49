import Taro from '@tarojs/taro';
import { pickFile } from '../../../lib/upload-file';

/**
 * An evidence file for a closure: a photo (camera or album), or in WeChat a PDF or picture from a
 * chat (where staff receive the notices and reports they close with). H5 picks photos only.
 */
export async function pickEvidence(): Promise<string | undefined> {
  if (process.env.TARO_ENV === 'h5') return pickFile('image');
  const { tapIndex } = await Taro.showActionSheet({
    itemList: ['拍照或从相册选择', '从聊天中选择文件（PDF、图片）'],
  });
  if (tapIndex === 0) return pickFile('image');
  const chosen = await Taro.chooseMessageFile({
    count: 1,
    type: 'all',
    extension: ['pdf', 'jpg', 'jpeg', 'png'],
  });
  return chosen.tempFiles[0]?.path;
}

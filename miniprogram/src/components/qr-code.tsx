import { Image } from '@tarojs/components';
import qrcode from 'qrcode-generator';
import { useMemo } from 'react';

/**
 * A QR code drawn on the device from `text` (no network, no canvas): qrcode-generator encodes it
 * with medium error correction and paints a GIF data URL, which WeChat's image component and the
 * H5 build both show. A quiet zone of 4 modules lets any scanner find it.
 */
export function QrCode({ text, size = 220, testId }: { text: string; size?: number; testId?: string }) {
  const src = useMemo(() => {
    const code = qrcode(0, 'M');
    code.addData(text, 'Byte');
    code.make();
    return code.createDataURL(8, 32);
  }, [text]);
  return (
    <Image
      src={src}
      style={{ width: `${size}px`, height: `${size}px` }}
      data-testid={testId}
      aria-label="入场二维码"
    />
  );
}

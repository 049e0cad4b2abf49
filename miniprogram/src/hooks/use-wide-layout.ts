import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';

/** From this width (CSS px) the H5 build lays a console out as list + detail side by side. */
export const WIDE_LAYOUT_MIN_WIDTH = 768;

function windowWidth(): number {
  return Taro.getWindowInfo().windowWidth;
}

/**
 * Whether a console shows list and detail side by side: only in the H5 build (staff at a pad or a
 * PC), at 768 px and wider, following the window as it is resized. The mini program keeps the
 * phone layout at any width.
 */
export function useWideLayout(): boolean {
  const h5 = process.env.TARO_ENV === 'h5';
  const [wide, setWide] = useState(() => h5 && windowWidth() >= WIDE_LAYOUT_MIN_WIDTH);
  useEffect(() => {
    if (!h5) return;
    const onResize = () => setWide(windowWidth() >= WIDE_LAYOUT_MIN_WIDTH);
    Taro.onWindowResize(onResize);
    return () => Taro.offWindowResize(onResize);
  }, [h5]);
  return wide;
}

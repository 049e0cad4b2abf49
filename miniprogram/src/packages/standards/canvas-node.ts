import Taro from '@tarojs/taro';

/** A `<Canvas type="2d">` on the page: its node (2d context, image and frame helpers) and CSS size. */
export interface CanvasTarget {
  node: {
    width: number;
    height: number;
    getContext(type: '2d'): CanvasRenderingContext2D;
    createImage?: () => unknown;
    requestAnimationFrame?: (callback: () => void) => number;
    cancelAnimationFrame?: (id: number) => void;
  };
  width: number;
  height: number;
  pixelRatio: number;
}

/**
 * The canvas node of `<Canvas type="2d" id={id}>` through WeChat's selector query, or null when it
 * is not laid out yet. The H5 build takes `canvas-node.h5.ts` instead (the DOM's own canvas).
 */
export function findCanvas(id: string): Promise<CanvasTarget | null> {
  return new Promise((resolve) => {
    Taro.createSelectorQuery()
      .select(`#${id}`)
      .fields({ node: true, size: true })
      .exec((results: Array<{ node?: CanvasTarget['node']; width?: number; height?: number } | null>) => {
        const found = results[0];
        if (!found?.node || !found.width || !found.height) return resolve(null);
        resolve({
          node: found.node,
          width: found.width,
          height: found.height,
          pixelRatio: Taro.getWindowInfo().pixelRatio,
        });
      });
  });
}

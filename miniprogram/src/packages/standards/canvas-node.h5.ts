import type { CanvasTarget } from './canvas-node';

/**
 * The H5 build's canvas (Taro takes this file for `./canvas-node` in H5): Taro's `<Canvas>` renders
 * a `<canvas>` inside its own element, which the DOM finds directly; the selector query's `node`
 * field is a mini program feature.
 */
export function findCanvas(id: string): Promise<CanvasTarget | null> {
  const host = document.getElementById(id);
  const canvas = host instanceof HTMLCanvasElement ? host : host?.querySelector('canvas');
  if (!canvas) return Promise.resolve(null);
  const { width, height } = canvas.getBoundingClientRect();
  if (!width || !height) return Promise.resolve(null);
  return Promise.resolve({
    // Its 2d context always exists in a browser that renders the page.
    node: canvas as CanvasTarget['node'],
    width,
    height,
    pixelRatio: window.devicePixelRatio || 1,
  });
}

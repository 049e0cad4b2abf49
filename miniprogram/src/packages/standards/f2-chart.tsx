import { Canvas as F2Canvas, type jsx } from '@antv/f2';
import { Canvas } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useRef } from 'react';
import { findCanvas } from './canvas-node';

/** What a chart draws: F2 components built with F2's own `jsx` (not React's). */
export type F2Element = ReturnType<typeof jsx>;

interface F2ChartProps {
  /** The canvas id (unique on the page); also its test id. */
  id: string;
  /** CSS height in px; the width follows the card. */
  height: number;
  /** The chart's F2 tree; a new tree redraws the same canvas. */
  chart: F2Element;
}

/**
 * One `@antv/f2` chart on Taro's `<Canvas type="2d">`: the canvas node is found once it is laid out
 * (the selector query in the mini program, the DOM in H5), sized for the screen's pixel ratio, and
 * handed to F2's `Canvas` with the chart's tree; later trees update it, and it is destroyed with
 * the page. Drawn without animation: the figures are read, not watched.
 */
export function F2Chart({ id, height, chart }: F2ChartProps) {
  const f2 = useRef<F2Canvas | null>(null);
  const latest = useRef(chart);
  latest.current = chart;

  useEffect(() => {
    let cancelled = false;
    let attempts = 0;
    const mount = async () => {
      const target = await findCanvas(id);
      if (cancelled) return;
      if (!target) {
        // Not laid out yet: try again on the next tick, for a while.
        if (++attempts < 50) setTimeout(() => void mount(), 100);
        return;
      }
      const { node, width, height: cssHeight, pixelRatio } = target;
      node.width = Math.round(width * pixelRatio);
      node.height = Math.round(cssHeight * pixelRatio);
      const canvas = new F2Canvas({
        context: node.getContext('2d'),
        pixelRatio,
        width,
        height: cssHeight,
        animate: false,
        createImage: node.createImage?.bind(node),
        requestAnimationFrame: node.requestAnimationFrame?.bind(node),
        cancelAnimationFrame: node.cancelAnimationFrame?.bind(node),
        children: latest.current,
      } as ConstructorParameters<typeof F2Canvas>[0]);
      f2.current = canvas;
      await canvas.render();
    };
    void Taro.nextTick(() => void mount());
    return () => {
      cancelled = true;
      f2.current?.destroy();
      f2.current = null;
    };
  }, [id]);

  useEffect(() => {
    void f2.current?.update({ ...f2.current.props, children: chart });
  }, [chart]);

  return <Canvas type="2d" id={id} data-testid={id} style={{ width: '100%', height: `${height}px` }} />;
}

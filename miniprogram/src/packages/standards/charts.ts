import { Axis, Chart, Interval, jsx, Line, Point } from '@antv/f2';
import { brand } from '@zhixiang/shared/brand';
import type { F2Element } from './f2-chart';

/**
 * The dashboard's charts as F2 trees, built with F2's own `jsx` (F2 draws on a canvas; React's JSX
 * would build React elements). Every figure comes from the attainment route; per cent on 0–100.
 */

/** F2's `jsx` for its own components (their class types are narrower than its `ElementType`). */
export const el = (type: unknown, props: object, ...children: F2Element[]): F2Element =>
  jsx(type as Parameters<typeof jsx>[0], props, ...children);

const PERCENT_SCALE = { min: 0, max: 100, tickCount: 5 };
const REQUIRED_COLOUR = '#CBD5E1';
const percentAxis = () => el(Axis, { field: 'percent', formatter: (v: number) => `${v}%` });

/** Attainment per standard (bars, the touchpoint as label) beside its required share. */
export function attainmentChart(data: { label: string; kind: string; percent: number }[]): F2Element {
  return el(
    Chart,
    { data, coord: { transposed: true }, scale: { percent: PERCENT_SCALE } },
    el(Axis, { field: 'label' }),
    percentAxis(),
    el(Interval, {
      x: 'label',
      y: 'percent',
      color: { field: 'kind', range: [brand.colors.primary, REQUIRED_COLOUR] },
      adjust: 'dodge',
    }),
  );
}

/** The chosen standard's attainment by day or week: a line with its points. */
export function trendChart(data: { label: string; percent: number }[]): F2Element {
  return el(
    Chart,
    { data, scale: { percent: PERCENT_SCALE } },
    el(Axis, { field: 'label', tickCount: 6 }),
    percentAxis(),
    el(Line, { x: 'label', y: 'percent', color: brand.colors.primary }),
    el(Point, { x: 'label', y: 'percent', color: brand.colors.primary }),
  );
}

/** The chosen standard per branch: one bar each. */
export function branchChart(data: { label: string; percent: number }[]): F2Element {
  return el(
    Chart,
    { data, coord: { transposed: true }, scale: { percent: PERCENT_SCALE } },
    el(Axis, { field: 'label' }),
    percentAxis(),
    el(Interval, { x: 'label', y: 'percent', color: brand.colors.primary }),
  );
}

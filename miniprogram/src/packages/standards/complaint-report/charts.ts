import { Axis, Chart, Interval } from '@antv/f2';
import { brand } from '@zhixiang/shared/brand';
import { el } from '../charts';
import type { F2Element } from '../f2-chart';

/** Complaints per 10,000 in-force policies, one bar per branch (the value axis from 0). */
export function perTenThousandChart(data: { label: string; rate: number }[]): F2Element {
  return el(
    Chart,
    { data, coord: { transposed: true }, scale: { rate: { min: 0, nice: true, tickCount: 5 } } },
    el(Axis, { field: 'label' }),
    el(Axis, { field: 'rate' }),
    el(Interval, { x: 'label', y: 'rate', color: brand.colors.primary }),
  );
}

import { cell } from '../events/report';
import { LOW_RATING_MAX } from './ratings';
import type { AttainmentReport } from './schemas';
import { percentText } from './view';

/**
 * The attainment report as CSV with a Chinese header (the admin CLI's `standards-report`, and any
 * page's export): one row per standard, then one per standard × branch × period.
 */
export function attainmentCsv(report: AttainmentReport): string {
  const rate = (r: number | null) => (r === null ? '—' : percentText(r));
  const head = [
    '旅程',
    '触点',
    '标准',
    '标准编号',
    '达标要求',
    '个案数',
    '达标',
    '未达标',
    '进行中',
    '达标率',
    '是否达标',
  ];
  const standards = report.standards.map((s) =>
    [
      s.journeyLabel,
      s.touchpoint,
      s.name,
      s.standardId,
      percentText(s.requiredShare),
      s.cases,
      s.met,
      s.breached,
      s.open,
      rate(s.rate),
      s.attained === null ? '无个案' : s.attained ? '达标' : '未达标',
    ]
      .map(cell)
      .join(','),
  );
  const cellHead = ['标准编号', '机构', '机构路径', '统计期', '个案数', '达标', '未达标', '进行中', '达标率'];
  const cells = [...report.cells]
    .sort((a, b) =>
      `${a.standardId}${a.branchPath}${a.period}`.localeCompare(`${b.standardId}${b.branchPath}${b.period}`),
    )
    .map((c) =>
      [c.standardId, c.branchName, c.branchPath, c.period, c.cases, c.met, c.breached, c.open, rate(c.rate)]
        .map(cell)
        .join(','),
    );
  const ratingHead = [
    '旅程',
    '机构',
    '机构路径',
    '评价数',
    '平均评分',
    `低分数（${LOW_RATING_MAX} 星及以下）`,
    '低分占比',
  ];
  const ratings = report.ratings.map((r) =>
    [
      r.journeyLabel,
      r.branchName,
      r.branchPath,
      r.count,
      r.average.toFixed(2),
      r.low,
      percentText(r.lowShare),
    ]
      .map(cell)
      .join(','),
  );
  return `${[
    `统计区间,${report.from} 至 ${report.to}`,
    head.join(','),
    ...standards,
    '',
    cellHead.join(','),
    ...cells,
    '',
    '满意度评价',
    ratingHead.join(','),
    ...ratings,
  ].join('\r\n')}\r\n`;
}

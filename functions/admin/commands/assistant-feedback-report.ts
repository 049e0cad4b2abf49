import type { FeedbackReport, ReportRow } from '@zhixiang/shared/assistant/feedback-report';

const KIND_TEXT: Record<ReportRow['kind'], string> = {
  answer: '已回答',
  clarify: '反问澄清',
  choose_policy: '请选保单',
  sign_in_needed: '需登录',
  smalltalk: '寒暄',
  out_of_scope: '超出范围',
};

/**
 * `npm run admin -- --stage … assistant-feedback-report [--from YYYY-MM-DD] [--to YYYY-MM-DD]`:
 * the staff report as text, for whoever curates knowledge/*.json (one line per question).
 */
export function formatFeedbackReport(report: FeedbackReport): string {
  const line = (row: ReportRow) =>
    `  ${String(row.count).padStart(3)} × ${row.question}  [${row.intentName} · ${KIND_TEXT[row.kind]} · 置信度 ${row.averageConfidence}]${
      row.answerId ? `\n        回答 ${row.answerId}：${row.answerText ?? '（该条目已不在当前版本）'}` : ''
    }`;
  const section = (title: string, rows: ReportRow[]) => [
    `${title}（${rows.reduce((n, r) => n + r.count, 0)} 次，${rows.length} 个问题）`,
    ...(rows.length ? rows.map(line) : ['  无']),
  ];
  return [
    `智能客服反馈报告 ${report.from} 至 ${report.to}`,
    ...section('未能回答（反问、超出范围、低置信度）', report.unanswered),
    ...section('客户点了「没用」', report.thumbsDown),
  ].join('\n');
}

import { Picker, Text, View } from '@tarojs/components';
import type { ReportRow } from '@zhixiang/shared/assistant/feedback-report';
import { addDays, todayInShanghai } from '@zhixiang/shared/format/dates';
import { useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { Tag } from '../../../components/ui';
import { usePageData } from '../../../hooks/use-page-data';
import { api } from '../../../services/api';
import '../handoffs.scss';

const KIND_TEXT: Record<ReportRow['kind'], string> = {
  answer: '已回答',
  clarify: '反问澄清',
  choose_policy: '请选保单',
  sign_in_needed: '需登录',
  smalltalk: '寒暄',
  out_of_scope: '超出范围',
};

/**
 * The knowledge base's improvement report for staff: questions the assistant could not answer and
 * answers rated 没用, most asked first, with what was answered — what to add to knowledge/*.json.
 */
export default function AssistantFeedbackReportPage() {
  const today = todayInShanghai();
  const [range, setRange] = useState({ from: addDays(today, -6), to: today });
  const data = usePageData(() => api.getAssistantFeedbackReport({ query: range, silent: false }));
  const pick = (field: 'from' | 'to', value: string) => {
    setRange((current) => ({ ...current, [field]: value }));
    // The loader reads the range through its ref on the next reload.
    setTimeout(() => void data.reload(), 0);
  };
  return (
    <PageContainer data={data} refreshable errorTitle="无法生成报告">
      {(report) => (
        <View className="zx-handoffs" data-testid="feedback-report">
          <View className="zx-card zx-handoffs__head">
            <Picker
              mode="date"
              value={range.from}
              end={range.to}
              onChange={(e) => pick('from', e.detail.value)}
            >
              <Text>从 {range.from}</Text>
            </Picker>
            <Picker
              mode="date"
              value={range.to}
              start={range.from}
              end={today}
              onChange={(e) => pick('to', e.detail.value)}
            >
              <Text>到 {range.to}</Text>
            </Picker>
          </View>
          <ReportSection
            title="未能回答（反问、超出范围、低置信度）"
            rows={report.unanswered}
            testId="report-unanswered"
          />
          <ReportSection title="客户点了「没用」" rows={report.thumbsDown} testId="report-thumbs-down" />
        </View>
      )}
    </PageContainer>
  );
}

function ReportSection({ title, rows, testId }: { title: string; rows: ReportRow[]; testId: string }) {
  return (
    <View className="zx-card" data-testid={testId}>
      <Text className="zx-card__title">
        {title} · {rows.reduce((n, r) => n + r.count, 0)} 次
      </Text>
      {rows.length === 0 ? <View className="zx-muted">这段时间没有</View> : null}
      {rows.map((row) => (
        <View
          key={`${row.question}-${row.kind}-${row.answerId}`}
          className="zx-handoffs__transcript"
          data-testid="report-row"
        >
          <View className="zx-handoffs__head">
            <Text>{row.question}</Text>
            <Tag type="primary">{row.count} 次</Tag>
          </View>
          <Text className="zx-muted">
            {row.intentName} · {KIND_TEXT[row.kind]} · 置信度 {row.averageConfidence}
          </Text>
          {row.answerText ? <Text className="zx-handoffs__turn">回答：{row.answerText}</Text> : null}
        </View>
      ))}
    </View>
  );
}

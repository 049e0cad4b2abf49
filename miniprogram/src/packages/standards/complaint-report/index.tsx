import { View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { addDays, todayInShanghai } from '@zhixiang/shared/format/dates';
import { useEffect, useRef, useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { Button } from '../../../components/ui';
import { usePageData } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import '../../complaints/complaints.scss';
import { PeriodCard } from './period-card';
import { ReportView } from './report-view';

const backToQueue = () =>
  void Taro.navigateBack().catch(() => Taro.redirectTo({ url: pageUrls.complaintQueue }));

/**
 * 投诉报表 (staff and executives, for their branch subtree): a period (quick choices or two dates,
 * at most 366 days), then the report's figures with two charts — complaints per 10,000 policies by
 * branch, SLA attainment per clock — and its CSV to copy.
 */
export default function ComplaintReportPage() {
  const today = todayInShanghai();
  const [period, setPeriod] = useState({ from: addDays(today, -29), to: today });
  const data = usePageData(() => api.getComplaintReport({ query: period }));
  const first = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new period is what reloads
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    void data.reload();
  }, [period]);
  return (
    <PageContainer data={data} refreshable errorTitle="暂时无法查看投诉报表">
      {(report) => (
        <View className="zx-complaints" data-testid="complaint-report-page">
          <PeriodCard period={period} today={today} onChange={setPeriod} />
          <ReportView report={report} />
          <Button fill="outline" block onClick={backToQueue}>
            返回投诉工单
          </Button>
        </View>
      )}
    </PageContainer>
  );
}

import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import { RectificationHeading } from '../rectification-heading';
import '../voice.scss';

/** 整改任务: the tasks opened in the reader's subtree, open or closed, each to its detail. */
export default function RectificationsPage() {
  const [status, setStatus] = useState<'open' | 'closed'>('open');
  const data = usePageData(() => api.listRectifications({ query: { status } }));
  useReloadOnShow(data);
  return (
    <PageContainer data={data} refreshable errorTitle="暂时无法查看整改任务">
      {({ rectifications }) => (
        <View className="zx-voice" data-testid="rectifications">
          <View className="zx-voice__chips">
            {(
              [
                ['open', '整改中'],
                ['closed', '已关闭'],
              ] as const
            ).map(([key, label]) => (
              <View
                key={key}
                data-testid={`rectifications-${key}`}
                className={`zx-voice__chip${status === key ? ' zx-voice__chip--selected' : ''}`}
                onClick={() => {
                  setStatus(key);
                  void data.reload();
                }}
              >
                {label}
              </View>
            ))}
          </View>
          {rectifications.length === 0 ? <Text className="zx-muted">暂无</Text> : null}
          {rectifications.map((r) => (
            <View
              key={r.rectificationId}
              className="zx-card"
              data-testid="rectification-card"
              onClick={() => void Taro.navigateTo({ url: pageUrls.voiceRectification(r.rectificationId) })}
            >
              <RectificationHeading task={r} />
              <Text className="zx-muted">
                负责人 {r.ownerName} · 期限 {r.dueDate} · 督办 {r.handlingName}
              </Text>
              <Text className="zx-muted">{r.fromLabel}</Text>
            </View>
          ))}
        </View>
      )}
    </PageContainer>
  );
}

import { Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import { AttachmentThumbnails } from '../../../components/attachments';
import { PageContainer } from '../../../components/page-container';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { api } from '../../../services/api';
import { RectificationHeading } from '../rectification-heading';
import { Steps } from './rectification-steps';
import '../voice.scss';

/**
 * One rectification task: what, which line, who owns it, by when, which level answers for it, the
 * items it answers and its audited trail; while open, a progress note or the closure with its
 * evidence.
 */
export default function RectificationPage() {
  const { params } = useRouter();
  const rectificationId = decodeURIComponent(params.rectificationId ?? '');
  const data = usePageData(() => api.getRectification(rectificationId), Boolean(rectificationId));
  useReloadOnShow(data);
  return (
    <PageContainer data={data} refreshable errorTitle="暂时无法查看该整改任务">
      {(r) => (
        <View className="zx-voice" data-testid="rectification-detail">
          <View className="zx-card">
            <RectificationHeading task={r} />
            <Text className="zx-muted">编号 {r.rectificationId}</Text>
            <Text className="zx-muted">
              负责人 {r.ownerName} · 整改期限 {r.dueDate}
            </Text>
            <Text className="zx-muted">
              发起：{r.branchName} · 当前督办：{r.handlingName}
            </Text>
            <Text className="zx-muted">
              {r.fromLabel}，关联客户之声 {r.itemIds.length} 条
            </Text>
            {r.evidence ? <Text data-testid="rectification-evidence">整改结果：{r.evidence}</Text> : null}
          </View>
          <AttachmentThumbnails
            count={r.evidenceFiles.length}
            title="佐证材料"
            note="点击查看；每次查看都会留痕"
            load={() => api.listRectificationEvidence(r.rectificationId)}
            testId="rectification-evidence-files"
          />
          <View className="zx-card" data-testid="rectification-trail">
            <Text className="zx-card__title">处理记录</Text>
            {r.trail.map((t) => (
              <Text key={`${t.type}-${t.at}`} className="zx-voice__trail">
                {formatShanghaiDateTime(t.at)} {t.label} · {t.byName}：{t.text}
              </Text>
            ))}
          </View>
          {r.status === 'open' ? <Steps task={r} onChanged={() => void data.reload()} /> : null}
        </View>
      )}
    </PageContainer>
  );
}

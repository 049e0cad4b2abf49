import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { formatDateCn, formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import { PageContainer } from '../../../components/page-container';
import { Button, Tag } from '../../../components/ui';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import { STATUS_TAG } from '../status-tag';
import '../authorisations.scss';

const createNew = () => void Taro.navigateTo({ url: pageUrls.editAuthorisation() });

/**
 * 录像授权: the customer's video authorisations, newest first, each with its status, opening its
 * page (the steps still to take, or the decision).
 */
export default function MyAuthorisationsPage() {
  const data = usePageData(() => api.listMyAuthorisations());
  useReloadOnShow(data);
  return (
    <PageContainer
      data={data}
      refreshable
      errorTitle="暂时无法查看录像授权"
      isEmpty={(view) => view.authorisations.length === 0}
      empty={{
        title: '暂无录像授权',
        description: '适用于身在境外、无法到柜面办理的投保人：录制一段视频，代替邮寄纸质授权委托书',
        action: { text: '新建录像授权', onClick: createNew },
      }}
    >
      {(view) => (
        <View className="zx-authorisations" data-testid="authorisation-list">
          <View className="zx-notice">
            适用于身在境外、无法到柜面办理的投保人：填写委托内容，朗读并录制一段视频，代替邮寄纸质授权委托书；审核通过后，录像即作为委托受托人办理所列事项的凭证。
          </View>
          {view.authorisations.map((a) => (
            <View
              key={a.authorisationId}
              className="zx-card"
              data-testid="authorisation-item"
              onClick={() => void Taro.navigateTo({ url: pageUrls.authorisationDetail(a.authorisationId) })}
            >
              <View className="zx-authorisations__row">
                <Text className="zx-card__title">受托人 {a.fields.trustee.name}</Text>
                <Tag type={STATUS_TAG[a.status]}>{a.statusLabel}</Tag>
              </View>
              <Text className="zx-muted">授权编号 {a.authorisationId}</Text>
              <Text className="zx-muted">
                {a.fields.matters.map((m) => m.label).join('、')} · 保单 {a.fields.policyNos.join('、')}
              </Text>
              <Text className="zx-muted">
                委托期限至 {formatDateCn(a.fields.validUntil)} · 创建于 {formatShanghaiDateTime(a.createdAt)}
              </Text>
            </View>
          ))}
          <Button type="primary" block onClick={createNew}>
            新建录像授权
          </Button>
        </View>
      )}
    </PageContainer>
  );
}

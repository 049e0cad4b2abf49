import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { formatDateCn, todayInShanghai } from '@zhixiang/shared/format/dates';
import { PageContainer } from '../../../components/page-container';
import { Tag } from '../../../components/ui';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { getSession } from '../../../lib/session';
import { api } from '../../../services/api';
import '../components/letters.scss';

/**
 * 我的信函: the customer's e-letters, newest first, unread marked, with the paper they saved
 * ("protect a tree") and the way to their subscription and notice settings. With `customerId`,
 * the same list for the customer's agent or staff.
 */
export default function MyLettersPage() {
  const { params } = useRouter();
  const customerId = params.customerId
    ? decodeURIComponent(params.customerId)
    : (getSession()?.me.customerId ?? '');
  const data = usePageData(() => api.listCustomerLetters(customerId), Boolean(customerId));
  useReloadOnShow(data);
  return (
    <PageContainer
      data={data}
      refreshable
      errorTitle="暂时无法查看信函"
      isEmpty={(view) => view.letters.length === 0}
      empty={{
        title: '暂无信函',
        description: '扣款通知、红利通知书等电子信函会出现在这里',
        action: {
          text: '信函与通知设置',
          onClick: () => void Taro.navigateTo({ url: pageUrls.letterSettings }),
        },
      }}
    >
      {(view) => (
        <View className="zx-letters" data-testid="letter-list">
          <View className="zx-card zx-letters__trees" data-testid="paper-saved">
            <Text>
              已收到电子信函 {view.paperSaved.delivered} 封，其中 {view.paperSaved.letters}{' '}
              封停寄纸质，为您节约纸张
            </Text>
            <Text className="zx-letters__trees-figure">
              {view.paperSaved.sheets} 张 · 约 {view.paperSaved.trees} 棵树
            </Text>
            {view.paperSaved.letters < view.paperSaved.delivered ? (
              <Text className="zx-letters__source" data-testid="paper-saved-hint">
                同时邮寄纸质版的信函不计入节约；在「信函与通知设置」中选择“仅电子信函”即可停寄纸质。
              </Text>
            ) : null}
            <Text className="zx-letters__source">换算依据：{view.paperSaved.source}</Text>
          </View>
          {view.letters.map((letter) => (
            <View
              key={letter.letterId}
              className="zx-card zx-letters__item"
              data-testid="letter-item"
              onClick={() => void Taro.navigateTo({ url: pageUrls.letterDetail(letter.letterId) })}
            >
              <View className="zx-letters__row">
                <Text className="zx-card__title">
                  {letter.read ? null : <Text className="zx-letters__unread" />}
                  {letter.title}
                </Text>
                <Tag type={letter.read ? 'default' : 'danger'}>{letter.read ? '已读' : '未读'}</Tag>
              </View>
              <Text className="zx-muted">
                保单号 {letter.policyNo} · {formatDateCn(todayInShanghai(new Date(letter.issuedAt)))}
              </Text>
              <Text className="zx-muted">
                {letter.paperCopy ? '同时寄送纸质信函' : '电子信函（已停寄纸质）'}
              </Text>
            </View>
          ))}
          {params.customerId ? null : (
            <View
              className="zx-letters__link"
              data-testid="entry-letter-settings"
              onClick={() => void Taro.navigateTo({ url: pageUrls.letterSettings })}
            >
              信函订阅与续期通知设置
            </View>
          )}
        </View>
      )}
    </PageContainer>
  );
}

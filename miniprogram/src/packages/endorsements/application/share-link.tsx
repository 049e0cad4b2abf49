import { Button as TaroButton, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { pageUrls } from '../../../lib/navigation';

const isWeapp = process.env.TARO_ENV === 'weapp';

/**
 * The agent hands the application to the customer: in WeChat by forwarding this page (the page's
 * `useShareAppMessage` gives the path), in a browser by a link to copy. Either way the customer
 * opens the same application, signed in as themselves; access is decided by the server
 * (the policyholder, or the assigned agent), so the link carries nothing secret.
 */
export function ShareLink({
  applicationId,
  title = '请客户本人验证身份并签署',
  embedded = false,
  hint = '客户在场：将手机交给客户，由客户本人完成下方步骤。客户不在场：把申请发给客户，客户在自己的微信中打开后验证身份并签署。',
}: {
  applicationId: string;
  /** Left out when embedded in a card that already says what to do. */
  title?: string;
  embedded?: boolean;
  hint?: string;
}) {
  const path = pageUrls.endorsementApplication(applicationId);
  const link = isWeapp ? path : `${window.location.origin}${path}`;
  return (
    <View className={embedded ? '' : 'zx-card'} data-testid="share-card">
      {embedded ? null : <Text className="zx-card__title">{title}</Text>}
      <Text className="zx-muted">{hint}</Text>
      {isWeapp ? (
        <TaroButton className="zx-endorse__share" openType="share" data-testid="share-wechat">
          发送
        </TaroButton>
      ) : (
        <View>
          <Text className="zx-endorse__link" data-testid="share-link" userSelect>
            {link}
          </Text>
          <Text
            className="zx-primary-text"
            data-testid="copy-link"
            onClick={() =>
              void Taro.setClipboardData({ data: link }).then(() =>
                Taro.showToast({ title: '链接已复制', icon: 'none' }),
              )
            }
          >
            复制链接
          </Text>
        </View>
      )}
    </View>
  );
}

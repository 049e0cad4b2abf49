import { Button as TaroButton, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import './share-link.scss';

const isWeapp = process.env.TARO_ENV === 'weapp';

/**
 * A page handed to someone else: in WeChat by forwarding the page (the page's
 * `useShareAppMessage` gives the same `path`), in a browser by a link to copy. Whoever opens it
 * signs in as themselves and the server decides what they may see, so a link carries nothing
 * secret (an agent's application for their customer, an agent's invitation to an event).
 */
export function ShareLink({
  path,
  title,
  embedded = false,
  hint,
  sendLabel = '发送',
}: {
  path: string;
  /** Left out when embedded in a card that already says what to do. */
  title?: string;
  embedded?: boolean;
  hint: string;
  sendLabel?: string;
}) {
  const link = isWeapp ? path : `${window.location.origin}${path}`;
  return (
    <View className={embedded ? '' : 'zx-card'} data-testid="share-card">
      {embedded || !title ? null : <Text className="zx-card__title">{title}</Text>}
      <Text className="zx-muted">{hint}</Text>
      {isWeapp ? (
        <TaroButton className="zx-share__send" openType="share" data-testid="share-wechat">
          {sendLabel}
        </TaroButton>
      ) : (
        <View>
          <Text className="zx-share__link" data-testid="share-link" userSelect>
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

import { Text, View } from '@tarojs/components';
import type { RegistrationView } from '@zhixiang/shared/events/schemas';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';

/** A registration's party, place in line and open offer, as its registrant reads it. */
export function RegistrationSummary({ registration: r }: { registration: RegistrationView }) {
  return (
    <View data-testid="registration-summary">
      <Text className="zx-muted">
        共 {r.partySize} 人
        {r.companions.length > 0
          ? `（同行：${r.companions.map((c) => `${c.relationLabel} ${c.nameMasked}${c.child ? '（儿童）' : ''}`).join('、')}）`
          : ''}
      </Text>
      {r.waitingPosition !== null ? (
        <Text className="zx-events__reason" data-testid="waiting-position">
          候补第 {r.waitingPosition} 位：有名额空出时将按顺序通知您
        </Text>
      ) : null}
      {r.offerExpiresAt ? (
        <Text className="zx-events__reason" data-testid="offer-expires">
          已为您保留名额，请在 {formatShanghaiDateTime(r.offerExpiresAt)} 前确认，逾期将顺延给下一位
        </Text>
      ) : null}
    </View>
  );
}

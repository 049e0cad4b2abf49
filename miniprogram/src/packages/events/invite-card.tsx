import { Text, View } from '@tarojs/components';
import type { EventInviteesResponse } from '@zhixiang/shared/events/schemas';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import { ShareLink } from '../../components/share-link';
import { pageUrls } from '../../lib/navigation';

/**
 * An agent invites their customers: the event's page with the agent's id, to forward in WeChat
 * or copy in a browser; a customer who registers through it is the agent's invitee, listed here
 * with the name masked. Only the agent's own invitees are shown.
 */
export function InviteCard({
  eventId,
  invitedBy,
  invitees,
}: {
  eventId: string;
  invitedBy: string;
  invitees: EventInviteesResponse['invitees'];
}) {
  return (
    <View className="zx-card" data-testid="invite-card">
      <Text className="zx-card__title">邀请客户参加</Text>
      <ShareLink
        path={pageUrls.eventDetail(eventId, invitedBy)}
        embedded
        sendLabel="发送给客户"
        hint="把活动发给您的客户：客户通过您的邀请报名后，会显示在下方。"
      />
      <Text className="zx-events__label">通过我的邀请报名（{invitees.length} 位）</Text>
      {invitees.length === 0 ? <Text className="zx-muted">暂无客户通过您的邀请报名</Text> : null}
      {invitees.map((i) => (
        <Text key={`${i.nameMasked}-${i.registeredAt}`} className="zx-muted" data-testid="invitee">
          {i.nameMasked} · {i.statusLabel} · {i.partySize} 人 · {formatShanghaiDateTime(i.registeredAt)}
        </Text>
      ))}
    </View>
  );
}

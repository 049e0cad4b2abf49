import { Text, View } from '@tarojs/components';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import { QrCode } from '../../components/qr-code';
import { Button } from '../../components/ui';
import { usePageData } from '../../hooks/use-page-data';
import { api } from '../../services/api';

/**
 * The registrant's entry QR code (入场码): a signed ticket for their session that staff scan at the
 * door. Drawn on the device, so it shows without a connection once loaded.
 */
export function EventTicketCard({ eventId, checkedIn }: { eventId: string; checkedIn: boolean }) {
  const ticket = usePageData(() => api.getEventTicket(eventId));
  const { state } = ticket;
  return (
    <View className="zx-card zx-events__ticket" data-testid="event-ticket">
      <Text className="zx-card__title">入场码</Text>
      {checkedIn ? <Text className="zx-events__checked-in">已签到入场</Text> : null}
      {state.status === 'ready' ? (
        <>
          <QrCode text={state.data.ticket} testId="event-ticket-qr" />
          <Text className="zx-muted">
            入场时请向工作人员出示，同行人随您一同签到；有效至 {formatShanghaiDateTime(state.data.expiresAt)}
          </Text>
        </>
      ) : state.status === 'error' ? (
        <View>
          <Text className="zx-events__error">{state.error.message}</Text>
          <Button size="small" onClick={() => void ticket.reload()}>
            重新获取入场码
          </Button>
        </View>
      ) : (
        <Text className="zx-muted">正在生成入场码…</Text>
      )}
    </View>
  );
}

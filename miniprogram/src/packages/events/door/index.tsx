import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import type { StaffEvent } from '@zhixiang/shared/events/schemas';
import { formatShanghaiDateTime, formatShanghaiMonthDayTime } from '@zhixiang/shared/format/dates';
import { useCallback, useEffect, useRef, useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { Button } from '../../../components/ui';
import { useBusyAction } from '../../../hooks/use-busy-action';
import { usePageData } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import { ApiError } from '../../../services/request';
import { DoorMemory } from './door-queue';
import { scanTicket } from './scan-ticket';
import '../events.scss';

/** One line of the door's log, newest first. */
interface DoorEntry {
  key: string;
  outcome: 'checked_in' | 'queued' | 'refused';
  text: string;
}

let entrySeq = 0;
const entry = (outcome: DoorEntry['outcome'], text: string): DoorEntry => ({
  key: `door-${++entrySeq}`,
  outcome,
  text,
});

const OUTCOME_LABELS: Record<DoorEntry['outcome'], string> = {
  checked_in: '已签到',
  queued: '待同步',
  refused: '未签到',
};

/**
 * 活动现场签到 (staff at the door): scan the registrant's entry QR code with the camera; without a
 * network the scan is kept on this device with its time and sent when the network is back (a
 * ticket this device already let in is caught at once, another device's scan when it syncs); a
 * party without a registration is let in on the seats left (现场报名).
 */
export default function EventDoorPage() {
  const { params } = useRouter();
  const eventId = decodeURIComponent(params.eventId ?? '');
  const data = usePageData(async () => {
    const { events } = await api.listStaffEvents();
    const event = events.find((e) => e.eventId === eventId);
    if (!event) throw new ApiError('NOT_FOUND', '未找到该活动', 404);
    return event;
  }, Boolean(eventId));
  return (
    <PageContainer data={data} errorTitle="暂时无法打开该活动的签到">
      {(event) => <Door event={event} onChanged={() => void data.reload()} />}
    </PageContainer>
  );
}

function Door({ event, onChanged }: { event: StaffEvent; onChanged: () => void }) {
  const memory = useRef(new DoorMemory(event.eventId)).current;
  const [log, setLog] = useState<DoorEntry[]>([]);
  const [pending, setPending] = useState(() => memory.queued().length);
  const [scanning, setScanning] = useState(false);
  const syncing = useRef(false);
  const add = useCallback((line: DoorEntry) => setLog((lines) => [line, ...lines]), []);
  // The event is reloaded after each check-in; the latest callback, without re-subscribing.
  const changed = useRef(onChanged);
  changed.current = onChanged;

  const sync = useCallback(async () => {
    if (syncing.current) return;
    syncing.current = true;
    try {
      for (const scan of memory.queued()) {
        try {
          // The door's log tells each outcome: no toast of the API client beside it.
          const result = await api.checkInEventTicket(event.eventId, scan, { silent: true });
          memory.dequeue(scan.ticket);
          add(
            entry(
              'checked_in',
              `${result.registrantNameMasked} 等 ${result.partySize} 人（离线记录于 ${formatShanghaiMonthDayTime(scan.scannedAt)}，已同步）`,
            ),
          );
        } catch (error) {
          if (error instanceof ApiError && error.code === 'NETWORK') break;
          memory.dequeue(scan.ticket);
          add(entry('refused', `离线记录同步未通过：${(error as Error).message}`));
        }
      }
    } finally {
      syncing.current = false;
      setPending(memory.queued().length);
      changed.current();
    }
  }, [memory, event.eventId, add]);

  // Queued scans go out when the page shows again and when the network comes back.
  useDidShow(() => void sync());
  useEffect(() => {
    const onNetwork = (status: { isConnected: boolean }) => {
      if (status.isConnected) void sync();
    };
    Taro.onNetworkStatusChange(onNetwork);
    return () => Taro.offNetworkStatusChange(onNetwork);
  }, [sync]);

  const scan = async () => {
    setScanning(true);
    let ticket: string | null;
    try {
      ticket = await scanTicket();
    } catch (error) {
      void Taro.showToast({ title: (error as Error).message, icon: 'none' });
      return;
    } finally {
      setScanning(false);
    }
    if (!ticket) return;
    if (memory.hasSeen(ticket)) {
      add(entry('refused', '该入场码已在本机扫描过，请勿重复扫码'));
      return;
    }
    const scannedAt = new Date().toISOString();
    try {
      // One message per scan: the log line below, never the API client's toast beside it
      // (「网络连接失败…」 next to 「已在本机记录签到」 offline).
      const result = await api.checkInEventTicket(event.eventId, { ticket }, { silent: true });
      memory.markSeen(ticket);
      add(entry('checked_in', `${result.registrantNameMasked} 等 ${result.partySize} 人`));
      onChanged();
    } catch (error) {
      if (error instanceof ApiError && error.code === 'NETWORK') {
        memory.markSeen(ticket);
        memory.enqueue({ ticket, scannedAt });
        setPending(memory.queued().length);
        add(entry('queued', '网络不可用：已在本机记录签到，联网后自动同步'));
        return;
      }
      add(entry('refused', (error as Error).message));
    }
  };

  return (
    <View className="zx-events" data-testid="event-door">
      <View className="zx-card">
        <Text className="zx-card__title">{event.title}</Text>
        {event.sessions.map((s) => (
          <Text key={s.sessionId} className="zx-muted" data-testid={`door-session-${s.sessionId}`}>
            {formatShanghaiDateTime(s.startsAt)} {s.venueName}：已签到 {s.checkedIn} 人，余 {s.seatsLeft}{' '}
            个名额
          </Text>
        ))}
        <View className="zx-events__actions">
          <Button type="primary" block loading={scanning} disabled={scanning} onClick={() => void scan()}>
            扫码签到
          </Button>
          <Button block onClick={() => void Taro.navigateTo({ url: pageUrls.eventReport(event.eventId) })}>
            活动报表
          </Button>
          {pending > 0 ? (
            <Button block data-testid="sync-scans" onClick={() => void sync()}>
              同步离线签到（{pending} 条）
            </Button>
          ) : null}
        </View>
      </View>
      {log.length > 0 ? (
        <View className="zx-card" data-testid="door-log">
          <Text className="zx-card__title">本机签到记录</Text>
          {log.map((line) => (
            <View key={line.key} className="zx-events__row" data-testid="door-log-entry">
              <Text className={`zx-events__door-${line.outcome}`}>{OUTCOME_LABELS[line.outcome]}</Text>
              <Text className="zx-muted">{line.text}</Text>
            </View>
          ))}
        </View>
      ) : null}
      <WalkInForm
        event={event}
        onAdded={(line) => {
          add(line);
          onChanged();
        }}
      />
    </View>
  );
}

interface WalkInDraft {
  sessionId: string;
  name: string;
  mobile: string;
  partySize: string;
}

const walkInDraftKey = (eventId: string) => `event-walk-in-draft-${eventId}`;

/** 现场报名: a party without a registration, let in on the session's seats left. */
function WalkInForm({ event, onAdded }: { event: StaffEvent; onAdded: (line: DoorEntry) => void }) {
  const [draft, setDraft] = useState<WalkInDraft>(() => {
    const stored = Taro.getStorageSync(walkInDraftKey(event.eventId)) as WalkInDraft | '' | undefined;
    return stored
      ? stored
      : { sessionId: event.sessions[0]?.sessionId ?? '', name: '', mobile: '', partySize: '1' };
  });
  const [error, setError] = useState('');
  const { busy, run } = useBusyAction(() => undefined);
  const update = (change: Partial<WalkInDraft>) => {
    const next = { ...draft, ...change };
    setDraft(next);
    Taro.setStorageSync(walkInDraftKey(event.eventId), next);
    setError('');
  };
  const submit = () => {
    const partySize = Number(draft.partySize);
    if (!draft.name.trim()) return setError('请填写参加者姓名');
    if (!/^1[3-9]\d{9}$/.test(draft.mobile.trim())) return setError('请输入 11 位手机号码');
    if (!Number.isInteger(partySize) || partySize < 1) return setError('参加人数应为正整数');
    return run(async () => {
      try {
        const result = await api.addEventWalkIn(
          event.eventId,
          {
            sessionId: draft.sessionId,
            name: draft.name.trim(),
            mobile: draft.mobile.trim(),
            partySize,
          },
          { silent: true },
        );
        Taro.removeStorageSync(walkInDraftKey(event.eventId));
        setDraft({ sessionId: draft.sessionId, name: '', mobile: '', partySize: '1' });
        onAdded(
          entry(
            'checked_in',
            `现场报名 ${result.registrantNameMasked} 等 ${result.partySize} 人，该场次余 ${result.seatsLeft} 个名额`,
          ),
        );
      } catch (failure) {
        setError((failure as Error).message);
      }
    });
  };
  return (
    <View className="zx-card" data-testid="walk-in-form">
      <Text className="zx-card__title">现场报名</Text>
      <Text className="zx-muted">
        未报名的参加者可在场次开始前 2 小时至结束前，按剩余名额现场登记并签到。
      </Text>
      <View className="zx-events__chips">
        {event.sessions.map((s) => (
          <View
            key={s.sessionId}
            className={`zx-events__chip${draft.sessionId === s.sessionId ? ' zx-events__chip--selected' : ''}`}
            onClick={() => update({ sessionId: s.sessionId })}
          >
            {formatShanghaiDateTime(s.startsAt)} · 余 {s.seatsLeft}
          </View>
        ))}
      </View>
      <Input
        className="zx-events__input"
        data-testid="walk-in-name"
        placeholder="参加者姓名"
        value={draft.name}
        onInput={(e) => update({ name: e.detail.value })}
      />
      <Input
        className="zx-events__input"
        data-testid="walk-in-mobile"
        type="number"
        placeholder="手机号码"
        value={draft.mobile}
        onInput={(e) => update({ mobile: e.detail.value })}
      />
      <Input
        className="zx-events__input"
        data-testid="walk-in-party-size"
        type="number"
        placeholder="参加人数（含本人）"
        value={draft.partySize}
        onInput={(e) => update({ partySize: e.detail.value })}
      />
      {error ? <Text className="zx-events__error">{error}</Text> : null}
      <View className="zx-events__actions">
        <Button block loading={busy} disabled={busy} onClick={() => void submit()}>
          登记并签到
        </Button>
      </View>
    </View>
  );
}

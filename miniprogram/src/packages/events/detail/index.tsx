import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro';
import { ageOn } from '@zhixiang/shared/endorsement/policy-loan';
import {
  COMPANION_RELATIONS,
  type CompanionRelation,
  ENDED_STATUSES,
  type EventDetail,
  MARKETING_CONSENT_MESSAGE,
} from '@zhixiang/shared/events/schemas';
import { formatShanghaiDateTime, isRealDate, todayInShanghai } from '@zhixiang/shared/format/dates';
import { eventTemplateIds } from '@zhixiang/shared/notifications/content';
import { useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { Button, Tag } from '../../../components/ui';
import { useBusyAction } from '../../../hooks/use-busy-action';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { useSession } from '../../../hooks/use-session';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import { ApiError } from '../../../services/request';
import { CoverImage } from '../cover-image';
import { InviteCard } from '../invite-card';
import { PledgeCard } from '../pledge-card';
import { RegistrationSummary } from '../registration-summary';
import { EventTicketCard } from '../ticket-card';
import '../events.scss';

/**
 * One event: what, where, when and what to bring; its sessions with seats left; and either the
 * person's own registration (change session, cancel, accept or decline an offer) or the form to
 * register with companions — or, when they may not, why.
 */
export default function EventDetailPage() {
  const { params } = useRouter();
  const eventId = decodeURIComponent(params.eventId ?? '');
  // An agent's shared link carries their id: the registration is attributed to them.
  const invitedBy = params.invitedBy ? decodeURIComponent(params.invitedBy) : null;
  const data = usePageData(() => api.getEvent(eventId), Boolean(eventId));
  useReloadOnShow(data);
  const isAgent = useSession()?.me.role === 'agent';
  const invites = usePageData(() => api.listEventInvitees(eventId), isAgent && Boolean(eventId));
  // Forwarded in WeChat: an agent's forward carries their invitation.
  useShareAppMessage(() => ({
    title: data.state.status === 'ready' ? data.state.data.title : '俱乐部活动',
    path: pageUrls.eventDetail(eventId, invites.state.data?.invitedBy ?? undefined),
  }));
  return (
    <PageContainer data={data} refreshable errorTitle="暂时无法查看该活动">
      {(event) => {
        const mine = event.myRegistration;
        const active = mine && !ENDED_STATUSES.includes(mine.status);
        return (
          <View className="zx-events" data-testid="event-detail">
            <View className="zx-card">
              <CoverImage url={event.coverUrl} />
              <View className="zx-events__row">
                <Text className="zx-card__title">{event.title}</Text>
                <Tag type="primary">{event.brandLabel}</Tag>
              </View>
              <Text className="zx-muted">
                {event.city} · 主办：{event.organiserBranchName}
              </Text>
              <View>{event.description}</View>
              <Text className="zx-muted">请携带：{event.whatToBring}</Text>
              <Text className="zx-muted">
                报名时间：{formatShanghaiDateTime(event.registrationOpensAt)} 至{' '}
                {formatShanghaiDateTime(event.registrationClosesAt)}
              </Text>
              {event.venues.map((v) => (
                <Text key={v.venueId} className="zx-muted">
                  {v.name}：{v.address}
                </Text>
              ))}
            </View>
            {active && mine ? (
              <>
                <MyRegistration event={event} onChanged={() => void data.reload()} />
                {mine.status === 'registered' || mine.status === 'checked_in' ? (
                  <EventTicketCard eventId={event.eventId} checkedIn={mine.status === 'checked_in'} />
                ) : null}
              </>
            ) : event.reason ? (
              <View className="zx-card" data-testid="event-reason">
                <Text className="zx-events__reason">{event.reason}</Text>
              </View>
            ) : (
              <RegistrationForm event={event} invitedBy={invitedBy} onRegistered={() => void data.reload()} />
            )}
            {event.brand === 'charity' && event.eligible ? <PledgeCard eventId={event.eventId} /> : null}
            {isAgent && invites.state.status === 'ready' && invites.state.data.invitedBy ? (
              <InviteCard
                eventId={event.eventId}
                invitedBy={invites.state.data.invitedBy}
                invitees={invites.state.data.invitees}
              />
            ) : null}
          </View>
        );
      }}
    </PageContainer>
  );
}

function sessionLabel(s: EventDetail['sessions'][number]): string {
  const seats =
    s.seatsLeft > 0 ? `余 ${s.seatsLeft} 个名额` : `已满${s.waiting > 0 ? `，${s.waiting} 人候补` : ''}`;
  return `${formatShanghaiDateTime(s.startsAt)} ${s.venueName} · ${seats}`;
}

/** The person's registration with what they can do next. */
function MyRegistration({ event, onChanged }: { event: EventDetail; onChanged: () => void }) {
  const mine = event.myRegistration!;
  const [moveTo, setMoveTo] = useState('');
  const { busy, run } = useBusyAction(onChanged);
  const act = (action: () => Promise<unknown>, done: string) =>
    run(async () => {
      await action();
      void Taro.showToast({ title: done, icon: 'success' });
      onChanged();
    });
  const others = event.sessions.filter((s) => s.sessionId !== mine.sessionId);
  return (
    <View className="zx-card" data-testid="my-registration">
      <View className="zx-events__row">
        <Text className="zx-card__title">我的报名</Text>
        <Tag type={mine.status === 'registered' ? 'success' : 'primary'}>{mine.statusLabel}</Tag>
      </View>
      <Text className="zx-muted">
        {formatShanghaiDateTime(mine.sessionStartsAt)} · {mine.venueName}
      </Text>
      <RegistrationSummary registration={mine} />
      {mine.mayRate ? <RatingForm eventId={event.eventId} onRated={onChanged} /> : null}
      {mine.rating ? (
        <Text className="zx-muted" data-testid="my-rating">
          我的评价：{'★'.repeat(mine.rating.score)}
          {mine.rating.comment ? ` ${mine.rating.comment}` : ''}
        </Text>
      ) : null}
      {mine.marketingConsent ? (
        <View data-testid="marketing-consent-status">
          <Text className="zx-muted">
            {mine.marketingConsent.withdrawnAt
              ? `您已于 ${formatShanghaiDateTime(mine.marketingConsent.withdrawnAt)} 撤回营销信息授权，报名不受影响`
              : `您已于 ${formatShanghaiDateTime(mine.marketingConsent.givenAt)} 同意接收营销信息`}
          </Text>
          {mine.marketingConsent.withdrawnAt ? null : (
            <Button
              block
              size="small"
              disabled={busy}
              data-testid="withdraw-marketing-consent"
              onClick={() =>
                void act(() => api.withdrawEventMarketingConsent(event.eventId), '已撤回营销授权')
              }
            >
              撤回营销信息授权
            </Button>
          )}
        </View>
      ) : null}
      <View className="zx-events__actions">
        {mine.status === 'offered' ? (
          <>
            <Button
              type="primary"
              block
              loading={busy}
              disabled={busy}
              data-testid="accept-offer"
              onClick={() => void act(() => api.acceptEventOffer(event.eventId), '已确认参加')}
            >
              确认参加
            </Button>
            <Button
              block
              disabled={busy}
              onClick={() => void act(() => api.declineEventOffer(event.eventId), '已放弃名额')}
            >
              放弃名额
            </Button>
          </>
        ) : null}
        {mine.status === 'registered' && others.length > 0 ? (
          <>
            <Text className="zx-events__label">改到其他场次</Text>
            <View className="zx-events__chips">
              {others.map((s) => (
                <View
                  key={s.sessionId}
                  className={`zx-events__chip${moveTo === s.sessionId ? ' zx-events__chip--selected' : ''}`}
                  onClick={() => setMoveTo(s.sessionId)}
                >
                  {sessionLabel(s)}
                </View>
              ))}
            </View>
            <Button
              block
              disabled={busy || !moveTo}
              onClick={() =>
                void act(() => api.changeEventSession(event.eventId, { sessionId: moveTo }), '已改期')
              }
            >
              确认改期
            </Button>
          </>
        ) : null}
        <Button
          block
          disabled={busy}
          data-testid="cancel-registration"
          onClick={() =>
            void act(
              () => api.cancelEventRegistration(event.eventId),
              mine.status === 'waiting' ? '已取消候补' : '已取消报名',
            )
          }
        >
          {mine.status === 'waiting' ? '取消候补' : mine.status === 'offered' ? '取消' : '取消报名'}
        </Button>
      </View>
    </View>
  );
}

interface CompanionDraft {
  /** Stable while companions are added and removed (the list's React key). */
  key: string;
  name: string;
  relation: CompanionRelation | '';
  birthDate: string;
}
interface Draft {
  sessionId: string;
  companions: CompanionDraft[];
  guardianConsent: boolean;
  /** The separate marketing consent of a marketing event: never ticked in advance. */
  marketingConsent?: boolean;
}

/** What is typed is kept on the device until the registration goes through: leaving loses nothing. */
const draftKey = (eventId: string) => `event-registration-draft-${eventId}`;

function loadDraft(eventId: string): Draft {
  const stored = Taro.getStorageSync(draftKey(eventId)) as Draft | '' | undefined;
  return stored ? stored : { sessionId: '', companions: [], guardianConsent: false };
}

/** Register the person and their companions; a full session offers the waiting list instead. */
function RegistrationForm({
  event,
  invitedBy,
  onRegistered,
}: {
  event: EventDetail;
  invitedBy: string | null;
  onRegistered: () => void;
}) {
  const [draft, setDraft] = useState<Draft>(() => loadDraft(event.eventId));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const { busy, run } = useBusyAction(onRegistered);
  const isCustomer = useSession()?.me.role === 'customer';
  const eventDay = todayInShanghai(new Date(event.firstStartsAt));

  const update = (change: Partial<Draft>) => {
    const next = { ...draft, ...change };
    setDraft(next);
    Taro.setStorageSync(draftKey(event.eventId), next);
    setErrors({});
  };
  const updateCompanion = (index: number, change: Partial<CompanionDraft>) =>
    update({ companions: draft.companions.map((c, i) => (i === index ? { ...c, ...change } : c)) });

  const isChild = (c: CompanionDraft) =>
    isRealDate(c.birthDate) && ageOn(c.birthDate, eventDay) < event.childAgeBelow;
  const hasChild = draft.companions.some(isChild);
  const session = event.sessions.find((s) => s.sessionId === draft.sessionId);
  const partySize = 1 + draft.companions.length;
  const full = session ? session.seatsLeft < partySize : false;

  const missing = (): Record<string, string> => {
    const found: Record<string, string> = {};
    if (!session) found.sessionId = '请选择场次';
    draft.companions.forEach((c, i) => {
      if (!c.name.trim()) found[`companions.${i}.name`] = '请填写同行人姓名';
      if (!c.relation) found[`companions.${i}.relation`] = '请选择同行人与您的关系';
      if (!isRealDate(c.birthDate)) found[`companions.${i}.birthDate`] = '请按 YYYY-MM-DD 填写出生日期';
    });
    if (hasChild && !draft.guardianConsent) found.guardianConsent = '请勾选监护人同意';
    if (event.marketing && !draft.marketingConsent) found.marketingConsent = MARKETING_CONSENT_MESSAGE;
    return found;
  };

  const submit = async () => {
    const problems = missing();
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    // In WeChat, the customer's tap on 报名 (or 加入候补) also asks whether they want the waiting
    // list's offer and the reminder before the session as subscribe messages (WeChat's own dialog;
    // consent only from a tap). A refusal never stops the registration: SMS and the message centre
    // tell them either way.
    if (process.env.TARO_ENV === 'weapp' && isCustomer)
      await Taro.requestSubscribeMessage({ tmplIds: eventTemplateIds(), entityIds: [] }).catch(
        () => undefined,
      );
    return run(async () => {
      try {
        const registration = await api.registerForEvent(event.eventId, {
          sessionId: draft.sessionId,
          companions: draft.companions.map((c) => ({
            name: c.name.trim(),
            relation: c.relation as CompanionRelation,
            birthDate: c.birthDate,
          })),
          guardianConsent: draft.guardianConsent,
          ...(event.marketing ? { marketingConsent: draft.marketingConsent === true } : {}),
          waitIfFull: full,
          ...(invitedBy ? { invitedBy } : {}),
        });
        Taro.removeStorageSync(draftKey(event.eventId));
        void Taro.showToast({
          title:
            registration.status === 'waiting'
              ? `已加入候补，第 ${registration.waitingPosition} 位`
              : '报名成功',
          icon: 'success',
        });
        onRegistered();
      } catch (error) {
        // The API client has shown the message; the field it names is marked and nothing is cleared.
        if (error instanceof ApiError && error.field) setErrors({ [error.field]: error.message });
        throw error;
      }
    });
  };

  return (
    <View className="zx-card" data-testid="registration-form">
      <Text className="zx-card__title">报名</Text>
      <Text className="zx-events__label">选择场次</Text>
      <View className="zx-events__chips">
        {event.sessions.map((s) => (
          <View
            key={s.sessionId}
            data-testid={`session-${s.sessionId}`}
            className={`zx-events__chip${draft.sessionId === s.sessionId ? ' zx-events__chip--selected' : ''}`}
            onClick={() => update({ sessionId: s.sessionId })}
          >
            {sessionLabel(s)}
          </View>
        ))}
      </View>
      {errors.sessionId ? <Text className="zx-events__error">{errors.sessionId}</Text> : null}

      <Text className="zx-events__label">同行人（最多 {event.maxCompanions} 位，与您一起占用名额）</Text>
      {draft.companions.map((c, i) => (
        <View key={c.key} className="zx-events__companion" data-testid={`companion-${i}`}>
          <Input
            className="zx-events__input"
            data-testid={`companion-${i}-name`}
            placeholder="姓名"
            value={c.name}
            onInput={(e) => updateCompanion(i, { name: e.detail.value })}
          />
          {errors[`companions.${i}.name`] ? (
            <Text className="zx-events__error">{errors[`companions.${i}.name`]}</Text>
          ) : null}
          <View className="zx-events__chips">
            {(Object.keys(COMPANION_RELATIONS) as CompanionRelation[]).map((key) => (
              <View
                key={key}
                data-testid={`companion-${i}-relation-${key}`}
                className={`zx-events__chip${c.relation === key ? ' zx-events__chip--selected' : ''}`}
                onClick={() => updateCompanion(i, { relation: key })}
              >
                {COMPANION_RELATIONS[key]}
              </View>
            ))}
          </View>
          {errors[`companions.${i}.relation`] ? (
            <Text className="zx-events__error">{errors[`companions.${i}.relation`]}</Text>
          ) : null}
          <Input
            className="zx-events__input"
            data-testid={`companion-${i}-birth-date`}
            placeholder="出生日期，如 2015-05-08"
            value={c.birthDate}
            onInput={(e) => updateCompanion(i, { birthDate: e.detail.value.trim() })}
          />
          {isChild(c) ? <Text className="zx-muted">未满 {event.childAgeBelow} 周岁：儿童</Text> : null}
          {errors[`companions.${i}.birthDate`] ? (
            <Text className="zx-events__error">{errors[`companions.${i}.birthDate`]}</Text>
          ) : null}
          <Text
            className="zx-events__reason"
            onClick={() => update({ companions: draft.companions.filter((_, j) => j !== i) })}
          >
            移除此同行人
          </Text>
        </View>
      ))}
      {errors.companions ? <Text className="zx-events__error">{errors.companions}</Text> : null}
      {draft.companions.length < event.maxCompanions ? (
        <Button
          block
          data-testid="add-companion"
          onClick={() =>
            update({
              companions: [
                ...draft.companions,
                { key: `${Date.now()}-${draft.companions.length}`, name: '', relation: '', birthDate: '' },
              ],
            })
          }
        >
          添加同行人
        </Button>
      ) : null}

      {hasChild ? (
        <Consent
          testId="guardian-consent"
          agreed={draft.guardianConsent}
          onToggle={() => update({ guardianConsent: !draft.guardianConsent })}
          text="我是同行儿童的监护人。儿童的姓名和出生日期属于敏感个人信息，我同意为本次活动的报名与现场安全保障处理这些信息（加密保存，页面仅显示姓氏）。"
        />
      ) : null}
      {errors.guardianConsent ? <Text className="zx-events__error">{errors.guardianConsent}</Text> : null}
      {event.marketingConsentText ? (
        <Consent
          testId="marketing-consent"
          agreed={draft.marketingConsent === true}
          onToggle={() => update({ marketingConsent: !draft.marketingConsent })}
          text={event.marketingConsentText}
        />
      ) : null}
      {errors.marketingConsent ? <Text className="zx-events__error">{errors.marketingConsent}</Text> : null}

      <View className="zx-events__actions">
        <Button
          type="primary"
          block
          loading={busy}
          disabled={busy}
          data-testid="submit-registration"
          onClick={() => void submit()}
        >
          {full ? `名额已满，加入候补名单（${partySize} 人）` : `提交报名（${partySize} 人）`}
        </Button>
      </View>
    </View>
  );
}

/** A consent the person ticks themselves: its words beside a box that starts unticked. */
function Consent(props: { testId: string; agreed: boolean; onToggle: () => void; text: string }) {
  return (
    <View className="zx-events__consent" data-testid={props.testId} onClick={props.onToggle}>
      <View className={`zx-events__chip${props.agreed ? ' zx-events__chip--selected' : ''}`}>
        {props.agreed ? '已同意' : '同意'}
      </View>
      <Text>{props.text}</Text>
    </View>
  );
}

/** The one-tap rating after the session: a star sends it at once, with the words typed so far. */
function RatingForm({ eventId, onRated }: { eventId: string; onRated: () => void }) {
  const [comment, setComment] = useState('');
  const [error, setError] = useState('');
  const { busy, run } = useBusyAction(() => undefined);
  const rate = (score: number) =>
    run(async () => {
      try {
        await api.rateEvent(
          eventId,
          { score, ...(comment.trim() ? { comment: comment.trim() } : {}) },
          { silent: true },
        );
        void Taro.showToast({ title: '感谢您的评价', icon: 'success' });
        onRated();
      } catch (failure) {
        setError((failure as Error).message);
      }
    });
  return (
    <View className="zx-events__companion" data-testid="rating-form">
      <Text className="zx-card__title">活动已结束，请为本场活动评分</Text>
      <Input
        className="zx-events__input"
        data-testid="rating-comment"
        placeholder="想说的话（选填，200 字以内）"
        value={comment}
        onInput={(e) => setComment(e.detail.value)}
      />
      <View className="zx-events__chips">
        {[1, 2, 3, 4, 5].map((score) => (
          <View
            key={score}
            className="zx-events__chip"
            data-testid={`rate-${score}`}
            onClick={() => (busy ? undefined : void rate(score))}
          >
            {'★'.repeat(score)}
          </View>
        ))}
      </View>
      {error ? <Text className="zx-events__error">{error}</Text> : null}
    </View>
  );
}

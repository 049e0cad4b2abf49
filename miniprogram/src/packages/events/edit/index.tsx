import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  AUDIENCE_ROLE_LABELS,
  type AudienceRole,
  EVENT_BRANDS,
  type EventBrand,
} from '@zhixiang/shared/events/rules';
import type {
  CreateEventRequest,
  EventOrganisersResponse,
  StaffEventDetail,
} from '@zhixiang/shared/events/schemas';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import { useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { Button, Tag } from '../../../components/ui';
import { useBusyAction } from '../../../hooks/use-busy-action';
import { usePageData } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { pickFile, uploadFile } from '../../../lib/upload-file';
import { api } from '../../../services/api';
import { CoverImage } from '../cover-image';
import '../events.scss';

/**
 * 发布俱乐部活动 (staff): create an event for their branch or one below it, edit the draft, and
 * publish it. What is typed is kept on the device until it is saved, so leaving loses nothing;
 * the server checks everything again and answers with the precise reason.
 */
interface SessionDraft {
  /** A key of the form row only, never sent. */
  key: string;
  venueIndex: number;
  startsAt: string;
  endsAt: string;
  capacity: string;
}
interface EventDraft {
  brand: EventBrand;
  title: string;
  city: string;
  description: string;
  organiserBranchId: string;
  venues: { key: string; name: string; address: string }[];
  sessions: SessionDraft[];
  roles: AudienceRole[];
  segment: string;
  minAge: string;
  maxAge: string;
  organiserBranchOnly: boolean;
  registrationOpensAt: string;
  registrationClosesAt: string;
  whatToBring: string;
  maxCompanions: string;
  marketing: boolean;
}

const draftKey = (eventId: string | null) => `event-edit-draft-${eventId ?? 'new'}`;
const WALL_CLOCK = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})$/;
const BRANDS = Object.keys(EVENT_BRANDS) as EventBrand[];
const ROLES = Object.keys(AUDIENCE_ROLE_LABELS) as AudienceRole[];

/** "2027-03-06 09:00" (Shanghai) as the API's instant; null when it is not written that way. */
function instantOf(wallClock: string): string | null {
  const match = WALL_CLOCK.exec(wallClock.trim());
  return match ? `${match[1]}T${match[2]}:00+08:00` : null;
}

let rows = 0;
/** A key for a new row of the form (venues and sessions may be removed from the middle). */
const rowKey = () => `${Date.now()}-${++rows}`;
const emptySession = (): SessionDraft => ({
  key: rowKey(),
  venueIndex: 0,
  startsAt: '',
  endsAt: '',
  capacity: '',
});
const emptyVenue = () => ({ key: rowKey(), name: '', address: '' });

function blankDraft(organiserBranchId: string): EventDraft {
  return {
    brand: 'charity',
    title: '',
    city: '',
    description: '',
    organiserBranchId,
    venues: [emptyVenue()],
    sessions: [emptySession()],
    roles: ['customer', 'agent', 'staff'],
    segment: '',
    minAge: '',
    maxAge: '',
    organiserBranchOnly: false,
    registrationOpensAt: '',
    registrationClosesAt: '',
    whatToBring: '',
    maxCompanions: '0',
    marketing: false,
  };
}

function draftOf(detail: StaffEventDetail): EventDraft {
  const f = detail.form;
  return {
    brand: f.brand,
    title: f.title,
    city: f.city,
    description: f.description,
    organiserBranchId: detail.organiserBranchId,
    venues: f.venues.map((v) => ({ ...emptyVenue(), ...v })),
    sessions: f.sessions.map((s) => ({
      key: rowKey(),
      venueIndex: s.venueIndex,
      startsAt: formatShanghaiDateTime(s.startsAt),
      endsAt: formatShanghaiDateTime(s.endsAt),
      capacity: String(s.capacity),
    })),
    roles: f.audience.roles,
    segment: f.audience.segment ?? '',
    minAge: f.audience.ageBand ? String(f.audience.ageBand.min) : '',
    maxAge: f.audience.ageBand ? String(f.audience.ageBand.max) : '',
    organiserBranchOnly: f.audience.organiserBranchOnly,
    registrationOpensAt: formatShanghaiDateTime(f.registrationOpensAt),
    registrationClosesAt: formatShanghaiDateTime(f.registrationClosesAt),
    whatToBring: f.whatToBring,
    maxCompanions: String(f.maxCompanions),
    marketing: f.marketing,
  };
}

/** The request the draft stands for, or the first thing the form itself can tell is wrong. */
function requestOf(draft: EventDraft): CreateEventRequest | string {
  const times: [string, string][] = [
    [draft.registrationOpensAt, '报名开始时间'],
    [draft.registrationClosesAt, '报名截止时间'],
    ...draft.sessions.flatMap((s, i): [string, string][] => [
      [s.startsAt, `第 ${i + 1} 个场次的开始时间`],
      [s.endsAt, `第 ${i + 1} 个场次的结束时间`],
    ]),
  ];
  for (const [value, label] of times)
    if (!instantOf(value)) return `${label}请按「2027-03-06 09:00」的格式填写`;
  const customersOnly = draft.brand !== 'charity';
  return {
    brand: draft.brand,
    title: draft.title.trim(),
    city: draft.city.trim(),
    description: draft.description.trim(),
    organiserBranchId: draft.organiserBranchId,
    venues: draft.venues.map((v) => ({ name: v.name.trim(), address: v.address.trim() })),
    sessions: draft.sessions.map((s) => ({
      venueIndex: s.venueIndex,
      startsAt: instantOf(s.startsAt) ?? '',
      endsAt: instantOf(s.endsAt) ?? '',
      capacity: Number(s.capacity),
    })),
    audience: {
      roles: customersOnly ? ['customer'] : draft.roles,
      segment: draft.brand === 'premier' ? draft.segment || null : null,
      ageBand: draft.brand === 'vitality' ? { min: Number(draft.minAge), max: Number(draft.maxAge) } : null,
      organiserBranchOnly: draft.organiserBranchOnly,
    },
    registrationOpensAt: instantOf(draft.registrationOpensAt) ?? '',
    registrationClosesAt: instantOf(draft.registrationClosesAt) ?? '',
    whatToBring: draft.whatToBring.trim(),
    maxCompanions: Number(draft.maxCompanions),
    marketing: draft.brand !== 'charity' && draft.marketing === true,
  };
}

/** One line of the form. */
function Field(props: {
  testId?: string;
  number?: boolean;
  placeholder: string;
  value: string;
  onChange: (value: string) => void;
}) {
  return (
    <Input
      className="zx-events__input"
      data-testid={props.testId}
      type={props.number ? 'number' : 'text'}
      placeholder={props.placeholder}
      value={props.value}
      onInput={(e) => props.onChange(e.detail.value)}
    />
  );
}

export default function EditEventPage() {
  const eventId = useRouter().params.eventId ?? null;
  const data = usePageData(async () => {
    const [choices, detail] = await Promise.all([
      api.listEventOrganisers(),
      eventId ? api.getStaffEvent(eventId) : Promise.resolve(null),
    ]);
    return { choices, detail };
  });
  return (
    <PageContainer data={data} refreshable errorTitle="暂时无法打开活动">
      {({ choices, detail }) => (
        <EventForm
          key={detail ? `${detail.eventId}-${detail.status}-${detail.audit.length}` : 'new'}
          choices={choices}
          detail={detail}
          onSaved={() => void data.reload()}
        />
      )}
    </PageContainer>
  );
}

function EventForm({
  choices,
  detail,
  onSaved,
}: {
  choices: EventOrganisersResponse;
  detail: StaffEventDetail | null;
  onSaved: () => void;
}) {
  const eventId = detail?.eventId ?? null;
  const editable = !detail || detail.status === 'draft';
  const [draft, setDraft] = useState<EventDraft>(() => {
    const stored = Taro.getStorageSync(draftKey(eventId)) as EventDraft | '' | undefined;
    if (stored) return stored;
    return detail ? draftOf(detail) : blankDraft(choices.organisers[0]?.branchId ?? '');
  });
  const [error, setError] = useState('');
  const { busy, run } = useBusyAction(() => undefined);

  const update = (change: Partial<EventDraft>) => {
    const next = { ...draft, ...change };
    setDraft(next);
    Taro.setStorageSync(draftKey(eventId), next);
    setError('');
  };
  const updateVenue = (index: number, change: Partial<EventDraft['venues'][number]>) =>
    update({ venues: draft.venues.map((v, i) => (i === index ? { ...v, ...change } : v)) });
  const updateSession = (index: number, change: Partial<SessionDraft>) =>
    update({ sessions: draft.sessions.map((s, i) => (i === index ? { ...s, ...change } : s)) });

  const save = () => {
    const request = requestOf(draft);
    if (typeof request === 'string') return setError(request);
    return run(async () => {
      try {
        const saved = eventId
          ? await api.updateEvent(eventId, request, { silent: true })
          : await api.createEvent(request, { silent: true });
        Taro.removeStorageSync(draftKey(eventId));
        void Taro.showToast({ title: '草稿已保存', icon: 'success' });
        if (eventId) onSaved();
        else void Taro.redirectTo({ url: pageUrls.eventEdit(saved.eventId) });
      } catch (failure) {
        setError((failure as Error).message);
      }
    });
  };
  const publish = () =>
    run(async () => {
      if (!eventId) return;
      try {
        await api.publishEvent(eventId, { silent: true });
        void Taro.showToast({ title: '活动已发布', icon: 'success' });
        onSaved();
      } catch (failure) {
        setError((failure as Error).message);
      }
    });

  /** A line of the form bound to one of the draft's own text fields. */
  const draftField = (
    key:
      | 'title'
      | 'city'
      | 'whatToBring'
      | 'minAge'
      | 'maxAge'
      | 'registrationOpensAt'
      | 'registrationClosesAt'
      | 'maxCompanions',
    placeholder: string,
    testId?: string,
    number?: boolean,
  ) => (
    <Field
      testId={testId}
      number={number}
      placeholder={placeholder}
      value={draft[key]}
      onChange={(value) => update({ [key]: value })}
    />
  );
  const chip = (selected: boolean) => `zx-events__chip${selected ? ' zx-events__chip--selected' : ''}`;

  return (
    <View className="zx-events" data-testid="event-edit">
      {detail ? (
        <View className="zx-card">
          <View className="zx-events__row">
            <Text className="zx-card__title">{detail.title}</Text>
            <Tag type={detail.status === 'published' ? 'success' : 'default'}>
              {detail.status === 'published' ? '已发布' : '草稿'}
            </Tag>
          </View>
          {detail.audit.map((a) => (
            <Text key={`${a.at}-${a.action}`} className="zx-muted" data-testid="event-audit">
              {formatShanghaiDateTime(a.at)} {a.byName} {a.actionLabel}
            </Text>
          ))}
        </View>
      ) : null}

      {detail ? <CoverCard detail={detail} onSaved={onSaved} /> : null}

      {editable ? (
        <View className="zx-card">
          <Text className="zx-card__title">活动品牌</Text>
          <View className="zx-events__chips">
            {BRANDS.map((b) => (
              <View key={b} className={chip(draft.brand === b)} onClick={() => update({ brand: b })}>
                {EVENT_BRANDS[b]}
              </View>
            ))}
          </View>
          {draftField('title', '活动名称（2–40 字）', 'event-title')}
          {draftField('city', '城市', 'event-city')}
          <Textarea
            className="zx-events__input"
            data-testid="event-description"
            placeholder="活动介绍（至少 10 字）"
            maxlength={1000}
            value={draft.description}
            onInput={(e) => update({ description: e.detail.value })}
          />
          {draftField('whatToBring', '携带物品说明', 'event-what-to-bring')}

          <Text className="zx-card__title">主办机构</Text>
          <View className="zx-events__chips">
            {choices.organisers.map((o) => (
              <View
                key={o.branchId}
                className={chip(draft.organiserBranchId === o.branchId)}
                onClick={() => update({ organiserBranchId: o.branchId })}
              >
                {o.name}
              </View>
            ))}
          </View>

          <Text className="zx-card__title">场地</Text>
          {draft.venues.map((v, i) => (
            <View key={v.key} className="zx-events__companion">
              <Field
                testId="venue-name"
                placeholder={`场地 ${i + 1} 名称`}
                value={v.name}
                onChange={(value) => updateVenue(i, { name: value })}
              />
              <Field
                testId="venue-address"
                placeholder="场地地址"
                value={v.address}
                onChange={(value) => updateVenue(i, { address: value })}
              />
              {draft.venues.length > 1 ? (
                <Button
                  size="small"
                  onClick={() =>
                    update({
                      venues: draft.venues.filter((_, j) => j !== i),
                      sessions: draft.sessions.map((s) => ({
                        ...s,
                        venueIndex:
                          s.venueIndex > i ? s.venueIndex - 1 : s.venueIndex === i ? 0 : s.venueIndex,
                      })),
                    })
                  }
                >
                  删除场地
                </Button>
              ) : null}
            </View>
          ))}
          <Button size="small" onClick={() => update({ venues: [...draft.venues, emptyVenue()] })}>
            添加场地
          </Button>

          <Text className="zx-card__title">场次（时间按「2027-03-06 09:00」填写）</Text>
          {draft.sessions.map((s, i) => (
            <View key={s.key} className="zx-events__companion" data-testid="session-draft">
              <View className="zx-events__chips">
                {draft.venues.map((v, vi) => (
                  <View
                    key={v.key}
                    className={chip(s.venueIndex === vi)}
                    onClick={() => updateSession(i, { venueIndex: vi })}
                  >
                    {v.name || `场地 ${vi + 1}`}
                  </View>
                ))}
              </View>
              <Field
                testId="session-starts"
                placeholder="开始时间，如 2027-03-06 09:00"
                value={s.startsAt}
                onChange={(value) => updateSession(i, { startsAt: value })}
              />
              <Field
                testId="session-ends"
                placeholder="结束时间，如 2027-03-06 12:00"
                value={s.endsAt}
                onChange={(value) => updateSession(i, { endsAt: value })}
              />
              <Field
                testId="session-capacity"
                number
                placeholder="名额（1–5000）"
                value={s.capacity}
                onChange={(value) => updateSession(i, { capacity: value })}
              />
              {draft.sessions.length > 1 ? (
                <Button
                  size="small"
                  onClick={() => update({ sessions: draft.sessions.filter((_, j) => j !== i) })}
                >
                  删除场次
                </Button>
              ) : null}
            </View>
          ))}
          <Button size="small" onClick={() => update({ sessions: [...draft.sessions, emptySession()] })}>
            添加场次
          </Button>

          <Text className="zx-card__title">报名对象</Text>
          {draft.brand === 'charity' ? (
            <View className="zx-events__chips">
              {ROLES.map((r) => (
                <View
                  key={r}
                  className={chip(draft.roles.includes(r))}
                  onClick={() =>
                    update({
                      roles: draft.roles.includes(r)
                        ? draft.roles.filter((x) => x !== r)
                        : [...draft.roles, r],
                    })
                  }
                >
                  {AUDIENCE_ROLE_LABELS[r]}
                </View>
              ))}
            </View>
          ) : (
            <Text className="zx-muted">{EVENT_BRANDS[draft.brand]}活动仅面向客户</Text>
          )}
          {draft.brand === 'premier' ? (
            <View className="zx-events__chips">
              {choices.segments.map((s) => (
                <View
                  key={s.key}
                  className={chip(draft.segment === s.key)}
                  onClick={() => update({ segment: s.key })}
                >
                  {s.label}
                </View>
              ))}
            </View>
          ) : null}
          {draft.brand === 'vitality' ? (
            <View className="zx-events__row">
              {draftField('minAge', '最小年龄', undefined, true)}
              {draftField('maxAge', '最大年龄', undefined, true)}
            </View>
          ) : null}
          <View
            className={chip(draft.organiserBranchOnly)}
            onClick={() => update({ organiserBranchOnly: !draft.organiserBranchOnly })}
          >
            仅限主办机构辖内报名
          </View>
          {draft.brand === 'charity' ? null : (
            <View
              className={chip(draft.marketing === true)}
              data-testid="event-marketing"
              onClick={() => update({ marketing: !draft.marketing })}
            >
              营销活动（报名须单独勾选同意接收营销信息）
            </View>
          )}

          <Text className="zx-card__title">报名时间与同行人</Text>
          {draftField('registrationOpensAt', '报名开始，如 2027-02-01 09:00', 'registration-opens')}
          {draftField('registrationClosesAt', '报名截止，如 2027-03-05 18:00', 'registration-closes')}
          {draftField('maxCompanions', '每人最多同行人数（0–10）', 'max-companions', true)}
          {error ? (
            <Text className="zx-events__error" data-testid="event-edit-error">
              {error}
            </Text>
          ) : null}
          <View className="zx-events__actions">
            <Button block loading={busy} disabled={busy} data-testid="event-save" onClick={() => void save()}>
              保存草稿
            </Button>
            {eventId ? (
              <Button
                block
                type="primary"
                loading={busy}
                disabled={busy}
                data-testid="event-publish"
                onClick={() => void publish()}
              >
                发布活动
              </Button>
            ) : null}
          </View>
        </View>
      ) : (
        <View className="zx-card">
          <Text className="zx-muted">活动已发布，内容不能再修改。</Text>
          {error ? <Text className="zx-events__error">{error}</Text> : null}
        </View>
      )}
    </View>
  );
}

/** 活动封面: a JPG or PNG of at most 2 MB, checked by the server before it is shown. */
function CoverCard({ detail, onSaved }: { detail: StaffEventDetail; onSaved: () => void }) {
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState('');
  const { busy, run } = useBusyAction(() => undefined);
  const choose = () =>
    run(async () => {
      setError('');
      try {
        const path = await pickFile('image');
        if (!path) return;
        const ticket = await api.createEventCoverUpload(detail.eventId, { silent: true });
        await uploadFile(ticket, path, setProgress);
        await api.setEventCover(detail.eventId, { uploadId: ticket.uploadId }, { silent: true });
        void Taro.showToast({ title: '封面已更新', icon: 'success' });
        onSaved();
      } catch (failure) {
        setError((failure as Error).message);
      } finally {
        setProgress(null);
      }
    });
  return (
    <View className="zx-card" data-testid="event-cover">
      <Text className="zx-card__title">活动封面</Text>
      <CoverImage url={detail.coverUrl} />
      {detail.coverUrl ? null : (
        <Text className="zx-muted">尚未上传封面，活动列表和详情页将只显示文字。</Text>
      )}
      <Text className="zx-muted">支持 JPG、PNG 格式，不超过 2 MB。</Text>
      {progress !== null ? <Text className="zx-muted">上传中 {progress}%</Text> : null}
      {error ? <Text className="zx-events__error">{error}</Text> : null}
      <Button
        block
        loading={busy}
        disabled={busy}
        data-testid="event-cover-upload"
        onClick={() => void choose()}
      >
        {detail.coverUrl ? '更换封面' : '上传封面'}
      </Button>
    </View>
  );
}

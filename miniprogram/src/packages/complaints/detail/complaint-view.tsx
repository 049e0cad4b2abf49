import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ComplaintDetail, ComplaintStep } from '@zhixiang/shared/complaints/schemas';
import { formatShanghaiDateTime } from '@zhixiang/shared/format/dates';
import { useState } from 'react';
import { AttachmentThumbnails } from '../../../components/attachments';
import { PageContainer } from '../../../components/page-container';
import { Button, Tag } from '../../../components/ui';
import { useBusyAction } from '../../../hooks/use-busy-action';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { getSession } from '../../../lib/session';
import { api } from '../../../services/api';
import '../complaints.scss';

/** The step staff record next, after the complaint's current status. */
const NEXT_STEP: Partial<Record<ComplaintDetail['status'], { step: ComplaintStep; label: string }>> = {
  claimed: { step: 'contacted', label: '记录已联系客户' },
  contacted: { step: 'responded', label: '记录答复' },
  responded: { step: 'decided', label: '记录处理决定并办结' },
};
const EVENT_LABELS: Record<string, string> = {
  received: '受理',
  claimed: '认领',
  contacted: '联系客户',
  responded: '答复',
  decided: '办结',
  escalated: '超时升级',
  extended: '延期',
  reclassified: '重新分类',
  awaiting_customer: '等待客户',
  customer_replied: '客户回复',
  rated: '客户评价',
  reopened: '客户重新提出',
  commented: '督办意见',
  update_requested: '要求反馈进展',
  assigned: '督办指派',
};
const CLOCK_STATE_LABELS: Record<string, string> = {
  not_applicable: '不适用',
  running: '计时中',
  paused: '等待客户，暂停计时',
  warning: '即将超时',
  breached: '已超时',
  met: '已按时完成',
  calendar_missing: '业务日历缺少该年度安排，暂无法计算',
};

/**
 * One complaint: the progress timeline (已受理 → 已联系您 → 已答复 → 已办结) for everyone; for staff and
 * agents also the severity, the clocks and the audit log, and for staff the next step to record.
 */
export function ComplaintView({
  complaintId,
  onChanged,
}: {
  complaintId: string;
  /** Told after a step changed the complaint: a queue beside it reloads. */
  onChanged?: () => void;
}) {
  const data = usePageData(() => api.getComplaint(complaintId), Boolean(complaintId));
  useReloadOnShow(data);
  const changed = () => {
    void data.reload();
    onChanged?.();
  };
  return (
    <PageContainer data={data} refreshable errorTitle="暂时无法查看该投诉">
      {(c) => (
        <View className="zx-complaints" data-testid="complaint-detail">
          <View className="zx-card">
            <View className="zx-complaints__row">
              <Text className="zx-card__title">{c.categoryLabel}</Text>
              <Tag type={c.status === 'decided' ? 'success' : 'primary'}>{c.statusLabel}</Tag>
            </View>
            <Text className="zx-muted">投诉编号 {c.complaintId}</Text>
            <Text className="zx-muted">保单号 {c.policyNo}</Text>
            <Text className="zx-muted">方便联系时间：{c.preferredContactTimeLabel}</Text>
            <View>{c.description}</View>
          </View>
          <AttachmentThumbnails
            count={c.photos.length}
            title="投诉照片"
            note={c.handling ? '点击查看大图；工作人员每次查看照片都会留痕' : '点击查看大图'}
            load={() => api.listComplaintPhotos(c.complaintId)}
            testId="complaint-photos"
          />
          <View className="zx-card" data-testid="complaint-timeline">
            <Text className="zx-card__title">处理进度</Text>
            {c.timeline.map((t) => (
              <View key={t.step} className={`zx-complaints__step${t.at ? ' zx-complaints__step--done' : ''}`}>
                <View className={`zx-complaints__dot${t.at ? ' zx-complaints__dot--done' : ''}`} />
                <View>
                  <Text>{t.label}</Text>
                  {t.at ? <Text className="zx-muted"> {formatShanghaiDateTime(t.at)}</Text> : null}
                </View>
              </View>
            ))}
          </View>
          {c.extension ? (
            <View className="zx-card" data-testid="complaint-extension">
              <Text className="zx-card__title">处理时限已延长至 {c.extension.limitDays} 日</Text>
              <Text className="zx-muted">
                {formatShanghaiDateTime(c.extension.at)} · 原因：{c.extension.reason}
              </Text>
            </View>
          ) : null}
          <Links complaint={c} />
          <DecisionLetter complaint={c} />
          {c.handling ? (
            <Handling complaint={c} onChanged={changed} />
          ) : c.status === 'decided' ? (
            <AfterDecision complaint={c} onChanged={changed} />
          ) : null}
        </View>
      )}
    </PageContainer>
  );
}

/**
 * Once decided: the 投诉处理决定书, issued into the complainant's 我的信函 within minutes of the
 * decision; the complainant opens it from here.
 */
function DecisionLetter({ complaint }: { complaint: ComplaintDetail }) {
  const letter = complaint.decisionLetter;
  if (!letter) return null;
  const letterId = letter.letterId;
  return (
    <View className="zx-card" data-testid="complaint-decision-letter">
      <Text className="zx-card__title">投诉处理决定书</Text>
      {letterId ? (
        <Text className="zx-muted">已发送至「我的信函」，写明了处理决定及对决定有异议时的途径。</Text>
      ) : (
        <Text className="zx-muted">正在生成，几分钟后可在「我的信函」查看。</Text>
      )}
      {letterId && !complaint.handling ? (
        <Text
          className="zx-complaints__link"
          onClick={() => void Taro.navigateTo({ url: pageUrls.letterDetail(letterId) })}
        >
          查看处理决定书
        </Text>
      ) : null}
    </View>
  );
}

/** The complaint this one re-opens, or the one that re-opened it. */
function Links({ complaint }: { complaint: ComplaintDetail }) {
  const open = (id: string) => () => void Taro.navigateTo({ url: pageUrls.complaintDetail(id) });
  if (!complaint.reopenOf && !complaint.reopenedAs) return null;
  return (
    <View className="zx-card" data-testid="complaint-links">
      {complaint.reopenOf ? (
        <Text className="zx-complaints__link" onClick={open(complaint.reopenOf)}>
          重新提出自投诉 {complaint.reopenOf}
        </Text>
      ) : null}
      {complaint.reopenedAs ? (
        <Text className="zx-complaints__link" onClick={open(complaint.reopenedAs)}>
          已重新提出为投诉 {complaint.reopenedAs}
        </Text>
      ) : null}
    </View>
  );
}

/**
 * The complainant after the decision: rate the handling once (1–5 and a word), and within 30 days
 * re-open it saying what is still wrong — which files a new complaint and opens it.
 */
function AfterDecision({ complaint, onChanged }: { complaint: ComplaintDetail; onChanged: () => void }) {
  const [score, setScore] = useState(0);
  const [comment, setComment] = useState('');
  const [reason, setReason] = useState('');
  const { busy, run } = useBusyAction(onChanged);
  const rate = () =>
    run(async () => {
      await api.rateComplaint(complaint.complaintId, { score, ...(comment.trim() ? { comment } : {}) });
      void Taro.showToast({ title: '感谢您的评价', icon: 'success' });
      onChanged();
    });
  const reopen = () =>
    run(async () => {
      const created = await api.reopenComplaint(complaint.complaintId, { reason });
      void Taro.redirectTo({ url: pageUrls.complaintDetail(created.complaintId) });
    });

  return (
    <View data-testid="complaint-after-decision">
      <View className="zx-card" data-testid="complaint-rating">
        <Text className="zx-card__title">对本次处理的评价</Text>
        {complaint.rating ? (
          <Text className="zx-muted">
            您的评价：{complaint.rating.score} 分
            {complaint.rating.comment ? ` · ${complaint.rating.comment}` : ''}
          </Text>
        ) : (
          <View>
            <View className="zx-complaints__chips">
              {[1, 2, 3, 4, 5].map((n) => (
                <Text
                  key={n}
                  className={`zx-complaints__chip${score === n ? ' zx-complaints__chip--selected' : ''}`}
                  onClick={() => setScore(n)}
                >
                  {n} 分
                </Text>
              ))}
            </View>
            <Textarea
              className="zx-complaints__textarea"
              maxlength={200}
              placeholder="还想说点什么（选填）"
              value={comment}
              onInput={(event) => setComment(event.detail.value)}
            />
            <Button
              type="primary"
              block
              loading={busy}
              disabled={busy || score === 0}
              onClick={() => void rate()}
            >
              {score === 0 ? '请先选择分数' : '提交评价'}
            </Button>
          </View>
        )}
      </View>
      {complaint.reopenableUntil ? (
        <View className="zx-card" data-testid="complaint-reopen">
          <Text className="zx-card__title">对处理结果仍有异议？</Text>
          <Text className="zx-muted">
            {formatShanghaiDateTime(complaint.reopenableUntil)} 前可重新提出，我们将作为新的投诉重新受理。
          </Text>
          <Textarea
            className="zx-complaints__textarea"
            maxlength={1000}
            placeholder="请说明仍有异议的地方（至少 10 个字）"
            value={reason}
            onInput={(event) => setReason(event.detail.value)}
          />
          <Button
            block
            loading={busy}
            disabled={busy || reason.trim().length < 10}
            onClick={() => void reopen()}
          >
            {reason.trim().length < 10 ? '请至少填写 10 个字' : '重新提出投诉'}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

function Handling({ complaint, onChanged }: { complaint: ComplaintDetail; onChanged: () => void }) {
  const handling = complaint.handling!;
  const me = getSession()?.me;
  const isStaff = me?.role === 'staff' || me?.role === 'admin';
  const isExecutive = me?.role === 'executive';
  const next = NEXT_STEP[complaint.status];
  const [note, setNote] = useState('');
  const [assignee, setAssignee] = useState('');
  // Only the external response clock pauses, and only while the complaint waits for the customer.
  const waitingForCustomer = handling.clocks.some(
    (c) => c.clock === 'external_response' && c.state === 'paused',
  );
  // A refusal (a colleague claimed it first, a step out of order) reloads; the note stays.
  const { busy, run: send } = useBusyAction(onChanged);
  const run = (action: () => Promise<unknown>, done: string) =>
    send(async () => {
      await action();
      setNote('');
      void Taro.showToast({ title: done, icon: 'success' });
      onChanged();
    });

  /** An action that sends the note typed above (as a reason or an explanation). */
  const noteAction = (label: string, action: () => Promise<unknown>, done: string) => (
    <Button size="small" disabled={busy || note.trim().length < 2} onClick={() => void run(action, done)}>
      {label}
    </Button>
  );

  return (
    <View data-testid="complaint-handling">
      <View className="zx-card">
        <View className="zx-complaints__row">
          <Text className="zx-card__title">
            {handling.customerNameMasked} {handling.customerPhoneMasked}
          </Text>
          <Tag type={handling.severity === 'urgent' ? 'danger' : 'default'}>{handling.severityLabel}</Tag>
        </View>
        {handling.reasons.length > 0 ? (
          <Text className="zx-muted">判定依据：{handling.reasons.join('、')}</Text>
        ) : null}
        <Text className="zx-muted">受理渠道：{complaint.channelLabel}</Text>
        {handling.namedPersons.length > 0 ? (
          <Text className="zx-muted" data-testid="complaint-named-persons">
            涉及人员（须回避）：{handling.namedPersons.join('、')}
          </Text>
        ) : null}
        <Text className="zx-muted">处理机构：{handling.handlingBranchPath}</Text>
        <Text className="zx-muted">处理人：{handling.claimedByName ?? '待认领'}</Text>
      </View>
      <View className="zx-card" data-testid="complaint-clocks">
        <Text className="zx-card__title">服务时限</Text>
        {handling.clocks.map((clock) => (
          <View key={clock.clock} className="zx-complaints__row">
            <Text>{clock.label}</Text>
            <Text className="zx-muted">
              {CLOCK_STATE_LABELS[clock.state]}
              {clock.dueAt && clock.state !== 'met' && clock.state !== 'not_applicable'
                ? ` · ${formatShanghaiDateTime(clock.dueAt)}`
                : ''}
            </Text>
          </View>
        ))}
      </View>
      {isExecutive && complaint.status !== 'decided' ? (
        // An executive joins (督办): a comment, a request for an update, or assigning a handler.
        <View className="zx-card" data-testid="complaint-oversight">
          <Textarea
            className="zx-complaints__textarea"
            maxlength={500}
            placeholder="督办意见：处理要求、需要反馈的内容或指派原因"
            value={note}
            onInput={(event) => setNote(event.detail.value)}
          />
          <Input
            className="zx-complaints__input"
            data-testid="oversight-assignee"
            placeholder="指派对象的员工账号（仅指派时填写）"
            maxlength={64}
            value={assignee}
            onInput={(event) => setAssignee(event.detail.value)}
          />
          <View className="zx-complaints__actions">
            {noteAction(
              '发表督办意见',
              () => api.joinComplaint(complaint.complaintId, { action: 'comment', note }),
              '已记录',
            )}
            {noteAction(
              '要求反馈进展',
              () => api.joinComplaint(complaint.complaintId, { action: 'request_update', note }),
              '已记入处理记录',
            )}
            {noteAction(
              '指派处理人',
              () =>
                api.joinComplaint(complaint.complaintId, {
                  action: 'assign',
                  note,
                  assigneeUserId: assignee.trim(),
                }),
              '已指派',
            )}
          </View>
        </View>
      ) : null}
      {isStaff && complaint.status === 'received' ? (
        <Button
          type="primary"
          block
          loading={busy}
          disabled={busy}
          onClick={() => void run(() => api.claimComplaint(complaint.complaintId), '已认领')}
        >
          认领处理
        </Button>
      ) : null}
      {isStaff && complaint.status !== 'decided' ? (
        <View className="zx-card" data-testid="complaint-step">
          <Textarea
            className="zx-complaints__textarea"
            maxlength={1000}
            placeholder="处理说明或原因：联系结果、答复内容、处理决定，或重新分类、延期的原因"
            value={note}
            onInput={(event) => setNote(event.detail.value)}
          />
          <View className="zx-complaints__actions">
            {noteAction(
              handling.severity === 'urgent' ? '调整为一般' : '调整为紧急/重大',
              () =>
                api.reclassifyComplaint(complaint.complaintId, {
                  category: complaint.category,
                  severity: handling.severity === 'urgent' ? 'ordinary' : 'urgent',
                  reason: note,
                }),
              '已调整等级',
            )}
            {noteAction(
              complaint.extension ? '审批延长至 60 日' : '延长至 30 日',
              () =>
                api.extendComplaint(complaint.complaintId, {
                  limitDays: complaint.extension ? 60 : 30,
                  reason: note,
                }),
              '已延长处理时限',
            )}
            {complaint.status === 'claimed' || complaint.status === 'contacted'
              ? noteAction(
                  waitingForCustomer ? '客户已回复' : '等待客户',
                  () => api.recordCustomerWait(complaint.complaintId, { waiting: !waitingForCustomer, note }),
                  waitingForCustomer ? '已记录客户回复' : '已暂停答复计时',
                )
              : null}
            {next ? (
              <Button
                type="primary"
                size="small"
                loading={busy}
                disabled={busy || note.trim().length < 2}
                onClick={() =>
                  void run(
                    () => api.recordComplaintStep(complaint.complaintId, { step: next.step, note }),
                    '已记录',
                  )
                }
              >
                {next.label}
              </Button>
            ) : null}
          </View>
        </View>
      ) : null}
      {handling.conversation.length > 0 ? (
        <View className="zx-card" data-testid="complaint-conversation">
          <Text className="zx-card__title">客户与智能客服的对话</Text>
          {handling.conversation.map((turn) => (
            <Text key={turn.at} className="zx-muted">
              {formatShanghaiDateTime(turn.at)} · {turn.text}
            </Text>
          ))}
        </View>
      ) : null}
      <View className="zx-card" data-testid="complaint-events">
        <Text className="zx-card__title">处理记录</Text>
        {handling.events.map((e) => (
          <View key={`${e.type}-${e.at}`}>
            <Text className="zx-muted">
              {formatShanghaiDateTime(e.at)} · {EVENT_LABELS[e.type] ?? e.type} · {e.actorName}
              {e.note ? `：${e.note}` : ''}
            </Text>
          </View>
        ))}
      </View>
    </View>
  );
}

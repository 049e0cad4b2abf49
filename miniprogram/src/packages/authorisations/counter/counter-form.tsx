import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ReviewView } from '@zhixiang/shared/authorisations/schemas';
import { COUNTER_PHONE_REFUSED } from '@zhixiang/shared/authorisations/trustee-rules';
import {
  type CreateEndorsementRequest,
  type EndorsementApplication,
  IDEMPOTENCY_KEY_HEADER,
} from '@zhixiang/shared/endorsement/application';
import { CANCELLABLE_STATUSES } from '@zhixiang/shared/endorsement/state-machine';
import { useEffect, useState } from 'react';
import { Button } from '../../../components/ui';
import { forgetIdempotencyKey, idempotencyKeyFor } from '../../../lib/idempotency-key';
import { parseYuanToCents } from '../../../lib/money-text';
import { api } from '../../../services/api';
import { ApiError } from '../../../services/request';

/** What staff type for one matter, kept on the device until the application is submitted. */
export interface CounterDraft {
  policyNo: string;
  type: string;
  address: string;
  email: string;
  /** Yuan as typed: a loan or a withdrawal's amount, a surrender's acknowledged loss. */
  amount: string;
  cardHolderName: string;
  cardNumber: string;
  /** Prepared: the application to submit (a reload resumes at its submission). */
  applicationId: string;
}
export const EMPTY_COUNTER_DRAFT: CounterDraft = {
  policyNo: '',
  type: '',
  address: '',
  email: '',
  amount: '',
  cardHolderName: '',
  cardNumber: '',
  applicationId: '',
};
export const counterDraftKey = (authorisationId: string) => `counter-draft:${authorisationId}`;

const AMOUNT_LABELS: Record<string, string> = {
  policy_loan: '贷款金额（元）',
  dividend_withdrawal: '领取金额（元）',
  surrender: '客户确认的退保损失（元）',
};
/** Matters the counter cannot prepare here (their input needs the trustee's own pages). */
const NOT_AT_THE_COUNTER: Record<string, string> = {
  beneficiary_change: '受益人变更须逐一录入受益人及其证件，暂不支持柜面代办，请由受托人在「受托办理」中办理',
};

const messageOf = (error: unknown) =>
  error instanceof ApiError ? error.message : '网络异常，请检查网络后重试';

/** The request the engine takes, or the first thing missing in Chinese. */
export function counterRequest(draft: CounterDraft): CreateEndorsementRequest | string {
  if (!draft.policyNo) return '请选择办理的保单';
  if (!draft.type) return '请选择办理事项';
  const note = NOT_AT_THE_COUNTER[draft.type];
  if (note) return note;
  if (draft.type === 'contact_change') {
    const change = {
      ...(draft.address.trim() ? { address: draft.address.trim() } : {}),
      ...(draft.email.trim() ? { email: draft.email.trim() } : {}),
    };
    if (Object.keys(change).length === 0) return '请至少填写新的联系地址或电子邮箱中的一项';
    return { type: 'contact_change', ...change };
  }
  if (draft.type === 'renewal_account_change') {
    if (!draft.cardHolderName.trim() || !draft.cardNumber.trim()) return '请填写持卡人姓名和新的银行卡号';
    return {
      type: 'renewal_account_change',
      cardHolderName: draft.cardHolderName.trim(),
      cardNumber: draft.cardNumber.replace(/\s/g, ''),
    };
  }
  const parsed = parseYuanToCents(draft.amount);
  if (!parsed) return `请填写${(AMOUNT_LABELS[draft.type] ?? '金额').replace('（元）', '')}`;
  if (!parsed.ok) return parsed.message;
  // Money goes to the account the authorisation names: the server fills it in.
  if (draft.type === 'surrender') return { type: 'surrender', acknowledgedLossCents: parsed.value };
  if (draft.type === 'policy_loan') return { type: 'policy_loan', amountCents: parsed.value };
  if (draft.type === 'dividend_withdrawal') return { type: 'dividend_withdrawal', amountCents: parsed.value };
  return '该事项暂不支持柜面代办';
}

/**
 * 柜面代办: staff of the subtree process an authorised matter themselves on an approved video
 * authorisation — choose the policy and the matter within its scope, type the change, 准备申请 (the
 * engine checks it as it would the trustee's: scope, validity, revocation, money only to the
 * authorised account), check the figures, 提交申请 — or 撤销申请 (confirmed), back to the form with
 * what was typed. What is typed stays on the device until submitted; a refusal is shown in full and
 * nothing is cleared.
 */
export function CounterForm({ view }: { view: ReviewView }) {
  const key = counterDraftKey(view.authorisationId);
  const [draft, setDraft] = useState<CounterDraft>(() => {
    const stored = Taro.getStorageSync(key) as Partial<CounterDraft> | '' | undefined;
    return stored ? { ...EMPTY_COUNTER_DRAFT, ...stored } : EMPTY_COUNTER_DRAFT;
  });
  const [prepared, setPrepared] = useState<EndorsementApplication | null>(null);
  const [submitted, setSubmitted] = useState<EndorsementApplication | null>(null);
  const [busy, setBusy] = useState<'prepare' | 'submit' | 'cancel' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const update = (next: CounterDraft) => {
    setDraft(next);
    setError(null);
    Taro.setStorageSync(key, next);
  };
  const set = (field: keyof CounterDraft) => (value: string) => update({ ...draft, [field]: value });

  // A prepared application kept from an earlier visit is read again: it may have been submitted or
  // withdrawn meanwhile (on the application page, or by the holder). Withdrawn: back to the form as
  // typed; submitted or later: its result; still open: its figures.
  const storedId = prepared ? '' : draft.applicationId;
  // biome-ignore lint/correctness/useExhaustiveDependencies: read once per kept application (the draft's other fields do not change while it is prepared)
  useEffect(() => {
    if (!storedId) return;
    let current = true;
    api
      .getEndorsement(storedId, { silent: true })
      .then((application) => {
        if (!current) return;
        if (application.status === 'cancelled') update({ ...draft, applicationId: '' });
        else if (CANCELLABLE_STATUSES.includes(application.status)) setPrepared(application);
        else {
          Taro.removeStorageSync(key);
          setSubmitted(application);
        }
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [storedId]);

  const prepare = async () => {
    const request = counterRequest(draft);
    if (typeof request === 'string') return setError(request);
    setBusy('prepare');
    setError(null);
    try {
      const application = await api.prepareCounterEndorsement(view.authorisationId, draft.policyNo, request, {
        silent: true,
      });
      setPrepared(application);
      update({ ...draft, applicationId: application.applicationId });
    } catch (cause) {
      setError(messageOf(cause));
    } finally {
      setBusy(null);
    }
  };

  const submit = async () => {
    const applicationId = prepared?.applicationId ?? draft.applicationId;
    setBusy('submit');
    setError(null);
    try {
      // The same key for every retry of this confirmation, until the server has answered.
      const application = await api.submitCounterEndorsement(
        view.authorisationId,
        applicationId,
        {},
        { silent: true, headers: { [IDEMPOTENCY_KEY_HEADER]: idempotencyKeyFor(applicationId) } },
      );
      forgetIdempotencyKey(applicationId);
      Taro.removeStorageSync(key);
      setSubmitted(application);
    } catch (cause) {
      if (cause instanceof ApiError) forgetIdempotencyKey(applicationId);
      setError(messageOf(cause));
    } finally {
      setBusy(null);
    }
  };

  const withdraw = async () => {
    const applicationId = prepared?.applicationId ?? draft.applicationId;
    const answer = await Taro.showModal({
      title: '撤销申请',
      content: '撤销后本申请不再办理，已填写的内容会保留，可修改后重新准备。确定撤销吗？',
      confirmText: '确定撤销',
      cancelText: '取消',
    });
    if (!answer.confirm) return;
    setBusy('cancel');
    setError(null);
    try {
      await api.cancelCounterEndorsement(view.authorisationId, applicationId, {}, { silent: true });
      forgetIdempotencyKey(applicationId);
      setPrepared(null);
      update({ ...draft, applicationId: '' });
      void Taro.showToast({ title: '申请已撤销', icon: 'none' });
    } catch (cause) {
      setError(messageOf(cause));
    } finally {
      setBusy(null);
    }
  };

  const back = () => void Taro.navigateBack().catch(() => undefined);

  if (submitted)
    return (
      <View className="zx-authorisations" data-testid="counter-submitted">
        <View className="zx-card">
          <Text className="zx-card__title">
            {submitted.typeLabel} · {submitted.statusLabel}
          </Text>
          <Text className="zx-muted">
            申请编号 {submitted.applicationId}，已记录「柜面依据录像授权 {view.authorisationId}{' '}
            代办」及您的工号。
          </Text>
        </View>
        <Button type="primary" onClick={back}>
          返回授权审核
        </Button>
      </View>
    );

  const pendingId = prepared?.applicationId ?? draft.applicationId;
  if (pendingId)
    return (
      <View className="zx-authorisations" data-testid="counter-prepared">
        <View className="zx-card">
          <Text className="zx-card__title">
            {prepared ? `${prepared.typeLabel} · ${prepared.statusLabel}` : '已准备的申请'}
          </Text>
          <Text className="zx-muted">
            申请编号 {pendingId} · 保单 {draft.policyNo} · 投保人 {view.customerName}
          </Text>
          {(prepared?.changes ?? []).map((row) => (
            <Text key={row.label} className="zx-muted">
              {row.label}：{row.before || '—'} → {row.after}
            </Text>
          ))}
          {(prepared?.figureRows ?? []).map((row) => (
            <Text key={row.label} className="zx-muted">
              {row.label}：{row.value}
            </Text>
          ))}
        </View>
        <Actions
          error={error}
          label={busy === 'submit' ? '正在提交…' : '提交申请'}
          busy={busy}
          working={busy === 'submit'}
          onPrimary={() => void submit()}
          onBack={back}
          secondary={{
            label: busy === 'cancel' ? '正在撤销…' : '撤销申请',
            working: busy === 'cancel',
            onClick: () => void withdraw(),
          }}
        />
      </View>
    );

  const input = (id: keyof CounterDraft, label: string, maxlength = 60) => (
    <View>
      <Text className="zx-authorisations__label">{label}</Text>
      <Input
        className="zx-authorisations__input"
        data-testid={`input-${id}`}
        placeholder={`请填写${label}`}
        maxlength={maxlength}
        value={draft[id]}
        onInput={(event) => set(id)(event.detail.value)}
      />
    </View>
  );

  return (
    <View className="zx-authorisations" data-testid="counter-form">
      <View className="zx-notice">
        依据投保人 {view.customerName} 的录像授权 {view.authorisationId} 代为办理（有效期至{' '}
        {view.fields.validUntil}
        ）。仅可办理授权范围内的保单和事项；涉及付款的，款项只转入授权指定的账户
        {view.fields.refundAccount
          ? `（${view.fields.refundAccount.bankName} ${view.fields.refundAccount.accountMasked}）`
          : ''}
        。
      </View>
      <Text className="zx-authorisations__label">办理的保单</Text>
      <View className="zx-authorisations__chips">
        {view.fields.policyNos.map((policyNo) => (
          <View
            key={policyNo}
            data-testid={`policy-${policyNo}`}
            className={`zx-authorisations__chip${draft.policyNo === policyNo ? ' zx-authorisations__chip--selected' : ''}`}
            onClick={() => update({ ...draft, policyNo })}
          >
            {policyNo}
          </View>
        ))}
      </View>
      <Text className="zx-authorisations__label">办理事项</Text>
      <View className="zx-authorisations__chips">
        {view.fields.matters.map((matter) => (
          <View
            key={matter.type}
            data-testid={`matter-${matter.type}`}
            className={`zx-authorisations__chip${draft.type === matter.type ? ' zx-authorisations__chip--selected' : ''}`}
            onClick={() => update({ ...draft, type: matter.type })}
          >
            {matter.label}
          </View>
        ))}
      </View>
      {draft.type === 'contact_change' ? (
        <View>
          <Text className="zx-muted">{COUNTER_PHONE_REFUSED}</Text>
          {input('address', '新的联系地址', 200)}
          {input('email', '新的电子邮箱', 254)}
        </View>
      ) : null}
      {draft.type === 'renewal_account_change' ? (
        <View>
          {input('cardHolderName', '持卡人姓名（投保人本人）', 30)}
          {input('cardNumber', '新的银行卡号', 30)}
        </View>
      ) : null}
      {AMOUNT_LABELS[draft.type] ? input('amount', AMOUNT_LABELS[draft.type] ?? '', 20) : null}
      {NOT_AT_THE_COUNTER[draft.type] ? (
        <Text className="zx-muted">{NOT_AT_THE_COUNTER[draft.type]}</Text>
      ) : null}
      <Actions
        error={error}
        label={busy === 'prepare' ? '正在核对…' : '准备申请'}
        busy={busy}
        working={busy === 'prepare'}
        onPrimary={() => void prepare()}
        onBack={back}
      />
    </View>
  );
}

/** The refusal in full, the step's button(s) with their progress, and the way back. */
function Actions(props: {
  error: string | null;
  label: string;
  busy: string | null;
  working: boolean;
  onPrimary: () => void;
  onBack: () => void;
  secondary?: { label: string; working: boolean; onClick: () => void };
}) {
  return (
    <View>
      {props.error ? (
        <Text className="zx-authorisations__error" data-testid="counter-error">
          {props.error}
        </Text>
      ) : null}
      <View className="zx-authorisations__actions">
        <Button
          type="primary"
          loading={props.working}
          disabled={props.busy !== null}
          onClick={props.onPrimary}
        >
          {props.label}
        </Button>
        {props.secondary ? (
          <Button
            fill="outline"
            loading={props.secondary.working}
            disabled={props.busy !== null}
            data-testid="counter-cancel"
            onClick={props.secondary.onClick}
          >
            {props.secondary.label}
          </Button>
        ) : null}
        <Button fill="outline" disabled={props.busy !== null} onClick={props.onBack}>
          返回
        </Button>
      </View>
    </View>
  );
}

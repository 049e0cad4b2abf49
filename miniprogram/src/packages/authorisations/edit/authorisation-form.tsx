import { Input, Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  AUTHORISED_MATTERS,
  type AuthorisedMatter,
  CUSTOMER_DOCUMENT_TYPES,
  type CustomerDocumentType,
  MAX_VALIDITY_DAYS,
  matterLabel,
  movesMoney,
  type PowerOfAttorneyInput,
  TRUSTEE_ID_TYPES,
  TRUSTEE_RELATIONS,
  type TrusteeIdType,
} from '@zhixiang/shared/authorisations/power-of-attorney';
import type { AuthorisationView } from '@zhixiang/shared/authorisations/schemas';
import { addDays, todayInShanghai } from '@zhixiang/shared/format/dates';
import type { PolicySummary } from '@zhixiang/shared/policy/schemas';
import { useState } from 'react';
import { Button } from '../../../components/ui';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import { ApiError } from '../../../services/request';

/** What the customer types, kept on the device until the server has saved it. */
interface Draft {
  policyNos: string[];
  matters: AuthorisedMatter[];
  trustee: { name: string; idType: TrusteeIdType | ''; idNumber: string; relation: string; phone: string };
  refundAccount: { cardHolderName: string; cardNumber: string };
  validUntil: string;
  document: { type: CustomerDocumentType | ''; number: string; expiresOn: string };
}

const draftKey = (authorisationId: string | undefined) => `authorisation-draft:${authorisationId ?? 'new'}`;

const keyOfLabel = <K extends string>(labels: Record<K, string>, label: string): K | '' =>
  (Object.keys(labels) as K[]).find((key) => labels[key] === label) ?? '';

/**
 * A new draft; or, editing a saved one, its fields as the server shows them — the numbers it shows
 * masked are typed again.
 */
function emptyDraft(today: string, saved: AuthorisationView | undefined): Draft {
  const fields = saved?.fields;
  return {
    policyNos: fields?.policyNos ?? [],
    matters: (fields?.matters.map((m) => m.type) ?? []) as AuthorisedMatter[],
    trustee: {
      name: fields?.trustee.name ?? '',
      idType: fields ? keyOfLabel(TRUSTEE_ID_TYPES, fields.trustee.idTypeLabel) : '',
      idNumber: '',
      relation: fields?.trustee.relation ?? '',
      phone: '',
    },
    refundAccount: { cardHolderName: '', cardNumber: '' },
    validUntil: fields?.validUntil ?? addDays(today, 30),
    document: {
      type: fields ? keyOfLabel(CUSTOMER_DOCUMENT_TYPES, fields.document.typeLabel) : '',
      number: '',
      expiresOn: fields?.document.expiresOn ?? '',
    },
  };
}

function loadDraft(key: string, fallback: Draft): Draft {
  const stored = Taro.getStorageSync(key) as Draft | '' | undefined;
  return stored ? { ...fallback, ...stored } : fallback;
}

type Errors = Record<string, string>;

/** Fields left empty, named as the server names them, before anything is sent. */
function missing(draft: Draft): Errors {
  const found: Errors = {};
  if (draft.policyNos.length === 0) found.policyNos = '请至少选择一张保单';
  if (draft.matters.length === 0) found.matters = '请至少选择一项委托事项';
  if (draft.trustee.name.trim().length < 2) found['trustee.name'] = '请填写受托人姓名';
  if (!draft.trustee.idType) found['trustee.idType'] = '请选择受托人证件类型';
  if (!draft.trustee.idNumber.trim()) found['trustee.idNumber'] = '请填写受托人证件号码';
  if (!draft.trustee.relation) found['trustee.relation'] = '请选择与受托人的关系';
  if (!draft.trustee.phone.trim()) found['trustee.phone'] = '请填写受托人手机号码';
  if (movesMoney(draft.matters)) {
    if (!draft.refundAccount.cardHolderName.trim())
      found['refundAccount.cardHolderName'] = '请填写银行卡户名';
    if (!draft.refundAccount.cardNumber.trim()) found['refundAccount.cardNumber'] = '请填写银行卡号';
  }
  if (!draft.document.type) found['document.type'] = '请选择您的证件类型';
  if (!draft.document.number.trim()) found['document.number'] = '请填写证件号码';
  if (!draft.document.expiresOn) found['document.expiresOn'] = '请选择证件有效期';
  return found;
}

function toRequest(draft: Draft): PowerOfAttorneyInput {
  return {
    policyNos: draft.policyNos,
    matters: draft.matters,
    trustee: {
      ...draft.trustee,
      idType: draft.trustee.idType as TrusteeIdType,
      relation: draft.trustee.relation as PowerOfAttorneyInput['trustee']['relation'],
    },
    ...(movesMoney(draft.matters)
      ? {
          refundAccount: {
            cardHolderName: draft.refundAccount.cardHolderName,
            cardNumber: draft.refundAccount.cardNumber.replace(/\s/g, ''),
          },
        }
      : {}),
    validUntil: draft.validUntil,
    document: { ...draft.document, type: draft.document.type as CustomerDocumentType },
  };
}

function ErrorText({ message, id }: { message: string | undefined; id: string }) {
  return message ? (
    <Text className="zx-authorisations__error" data-testid={`error-${id}`}>
      {message}
    </Text>
  ) : null;
}

/** The sections a server refusal is shown beside: a field's own, else the nearest section's. */
const SECTIONS = ['policyNos', 'matters', 'trustee', 'refundAccount', 'validUntil', 'document'];

/**
 * The power of attorney (授权委托书): the policies the customer holds, the matters from the
 * endorsement types, the trustee, the refund account when a matter moves money, the validity (at
 * most 90 days) and the customer's own passport or permit. The draft stays on the device until
 * the server saves it; a refusal is shown beside the field it names and nothing is cleared.
 */
export function AuthorisationForm({
  policies,
  saved,
}: {
  policies: readonly Pick<PolicySummary, 'policyNo' | 'productName'>[];
  saved?: AuthorisationView | undefined;
}) {
  const today = todayInShanghai();
  const key = draftKey(saved?.authorisationId);
  const [draft, setDraft] = useState<Draft>(() => loadDraft(key, emptyDraft(today, saved)));
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const money = movesMoney(draft.matters);

  const update = (next: Draft) => {
    setDraft(next);
    Taro.setStorageSync(key, next);
    setErrors({});
  };
  const toggle = <T,>(list: readonly T[], item: T): T[] =>
    list.includes(item) ? list.filter((x) => x !== item) : [...list, item];

  const submit = async () => {
    const problems = missing(draft);
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    setBusy(true);
    try {
      const view = saved
        ? await api.updateAuthorisation(saved.authorisationId, toRequest(draft))
        : await api.createAuthorisation(toRequest(draft));
      Taro.removeStorageSync(key);
      void Taro.redirectTo({ url: pageUrls.authorisationDetail(view.authorisationId) });
    } catch (error) {
      // The API client has shown the message as well; it stays beside the field it names.
      if (error instanceof ApiError && error.field) {
        const section = SECTIONS.find((s) => error.field === s || error.field?.startsWith(`${s}.`));
        setErrors({
          [error.field]: error.message,
          ...(section ? { [`${section}:any`]: error.message } : {}),
        });
      } else if (error instanceof ApiError) setErrors({ form: error.message });
    } finally {
      setBusy(false);
    }
  };

  /** The message for a field, or for its section when the server named the section as a whole. */
  const error = (field: string) => errors[field];
  const sectionError = (section: string, fields: string[]) => {
    const message = errors[`${section}:any`];
    return message && !fields.some((f) => errors[f] === message) ? message : errors[section];
  };

  const field = (
    id: string,
    label: string,
    value: string,
    onInput: (value: string) => void,
    extra: { type?: 'text' | 'number'; placeholder?: string; maxlength?: number } = {},
  ) => (
    <View>
      <Text className="zx-authorisations__label">{label}</Text>
      <Input
        className="zx-authorisations__input"
        data-testid={`input-${id}`}
        type={extra.type ?? 'text'}
        placeholder={extra.placeholder ?? `请填写${label}`}
        maxlength={extra.maxlength ?? 30}
        value={value}
        onInput={(event) => onInput(event.detail.value)}
      />
      <ErrorText message={error(id)} id={id} />
    </View>
  );

  const chips = <K extends string>(
    id: string,
    options: readonly K[],
    labelOf: (key: K) => string,
    selected: (key: K) => boolean,
    onTap: (key: K) => void,
  ) => (
    <View className="zx-authorisations__chips">
      {options.map((option) => (
        <View
          key={option}
          data-testid={`${id}-${option}`}
          className={`zx-authorisations__chip${selected(option) ? ' zx-authorisations__chip--selected' : ''}`}
          onClick={() => onTap(option)}
        >
          {labelOf(option)}
        </View>
      ))}
    </View>
  );

  return (
    <View className="zx-authorisations" data-testid="authorisation-form">
      <View className="zx-notice">
        适用于身在境外、无法到柜面办理的投保人。请如实填写委托内容，系统将据此生成您需要朗读的授权文本。
      </View>

      <Text className="zx-authorisations__label">委托办理的保单</Text>
      {chips(
        'policy',
        policies.map((p) => p.policyNo),
        (no) => {
          const policy = policies.find((p) => p.policyNo === no);
          return `${policy?.productName ?? ''} · ${no}`;
        },
        (no) => draft.policyNos.includes(no),
        (no) => update({ ...draft, policyNos: toggle(draft.policyNos, no) }),
      )}
      {policies.length === 0 ? (
        <Text className="zx-muted">您名下暂无可委托办理的保单（仅限您作为投保人的有效或失效保单）</Text>
      ) : null}
      <ErrorText message={sectionError('policyNos', [])} id="policyNos" />

      <Text className="zx-authorisations__label">委托事项</Text>
      {chips(
        'matter',
        AUTHORISED_MATTERS,
        matterLabel,
        (m) => draft.matters.includes(m),
        (m) => update({ ...draft, matters: toggle(draft.matters, m) }),
      )}
      <ErrorText message={sectionError('matters', [])} id="matters" />

      <Text className="zx-card__title zx-authorisations__label">受托人</Text>
      {field('trustee.name', '受托人姓名', draft.trustee.name, (name) =>
        update({ ...draft, trustee: { ...draft.trustee, name } }),
      )}
      <Text className="zx-authorisations__label">受托人证件类型</Text>
      {chips(
        'trustee-id-type',
        Object.keys(TRUSTEE_ID_TYPES) as TrusteeIdType[],
        (t) => TRUSTEE_ID_TYPES[t],
        (t) => draft.trustee.idType === t,
        (idType) => update({ ...draft, trustee: { ...draft.trustee, idType } }),
      )}
      <ErrorText message={error('trustee.idType')} id="trustee.idType" />
      {field('trustee.idNumber', '受托人证件号码', draft.trustee.idNumber, (idNumber) =>
        update({ ...draft, trustee: { ...draft.trustee, idNumber } }),
      )}
      <Text className="zx-authorisations__label">与您的关系</Text>
      {chips(
        'trustee-relation',
        TRUSTEE_RELATIONS,
        (r) => r,
        (r) => draft.trustee.relation === r,
        (relation) => update({ ...draft, trustee: { ...draft.trustee, relation } }),
      )}
      <ErrorText message={error('trustee.relation')} id="trustee.relation" />
      {field(
        'trustee.phone',
        '受托人手机号码',
        draft.trustee.phone,
        (phone) => update({ ...draft, trustee: { ...draft.trustee, phone } }),
        { type: 'number', placeholder: '11 位中国大陆手机号码', maxlength: 11 },
      )}
      <ErrorText
        message={sectionError('trustee', [
          'trustee.name',
          'trustee.idType',
          'trustee.idNumber',
          'trustee.relation',
          'trustee.phone',
        ])}
        id="trustee"
      />

      {money ? (
        <View data-testid="refund-account">
          <Text className="zx-card__title zx-authorisations__label">退费账户</Text>
          <Text className="zx-muted">委托事项涉及退费，款项只会转入您本人名下的这张银行卡。</Text>
          {field(
            'refundAccount.cardHolderName',
            '银行卡户名',
            draft.refundAccount.cardHolderName,
            (cardHolderName) =>
              update({ ...draft, refundAccount: { ...draft.refundAccount, cardHolderName } }),
          )}
          {field(
            'refundAccount.cardNumber',
            '银行卡号',
            draft.refundAccount.cardNumber,
            (cardNumber) => update({ ...draft, refundAccount: { ...draft.refundAccount, cardNumber } }),
            { type: 'number', maxlength: 30 },
          )}
          <ErrorText
            message={sectionError('refundAccount', [
              'refundAccount.cardHolderName',
              'refundAccount.cardNumber',
            ])}
            id="refundAccount"
          />
        </View>
      ) : null}

      <Text className="zx-authorisations__label">委托期限至（最长 {MAX_VALIDITY_DAYS} 天）</Text>
      <Picker
        mode="date"
        value={draft.validUntil}
        start={addDays(today, 1)}
        end={addDays(today, MAX_VALIDITY_DAYS)}
        onChange={(event) => update({ ...draft, validUntil: event.detail.value })}
      >
        <View className="zx-authorisations__picker" data-testid="picker-validUntil">
          {draft.validUntil}
        </View>
      </Picker>
      <ErrorText message={error('validUntil')} id="validUntil" />

      <Text className="zx-card__title zx-authorisations__label">您本人的证件</Text>
      <Text className="zx-muted">境外客户请使用护照或港澳台居民来往内地（大陆）通行证。</Text>
      {chips(
        'document-type',
        Object.keys(CUSTOMER_DOCUMENT_TYPES) as CustomerDocumentType[],
        (t) => CUSTOMER_DOCUMENT_TYPES[t],
        (t) => draft.document.type === t,
        (type) => update({ ...draft, document: { ...draft.document, type } }),
      )}
      <ErrorText message={error('document.type')} id="document.type" />
      {field('document.number', '证件号码', draft.document.number, (number) =>
        update({ ...draft, document: { ...draft.document, number } }),
      )}
      <Text className="zx-authorisations__label">证件有效期至</Text>
      <Picker
        mode="date"
        value={draft.document.expiresOn || addDays(today, 5 * 365)}
        start={today}
        end={addDays(today, 20 * 365)}
        onChange={(event) =>
          update({ ...draft, document: { ...draft.document, expiresOn: event.detail.value } })
        }
      >
        <View className="zx-authorisations__picker" data-testid="picker-document-expiresOn">
          {draft.document.expiresOn || '请选择证件有效期'}
        </View>
      </Picker>
      <ErrorText
        message={sectionError('document', ['document.type', 'document.number', 'document.expiresOn'])}
        id="document"
      />
      <ErrorText message={error('document.expiresOn')} id="document.expiresOn" />
      <ErrorText message={errors.form} id="form" />

      <View className="zx-authorisations__actions">
        <Button type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
          保存，下一步
        </Button>
      </View>
      <Text className="zx-muted">保存前填写内容仅保存在本机；保存后可在录像开始前修改。</Text>
    </View>
  );
}

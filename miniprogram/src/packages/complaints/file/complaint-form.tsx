import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CATEGORY_KEYS,
  type ComplaintCategory,
} from '@zhixiang/shared/complaints/classification';
import {
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  MAX_COMPLAINT_PHOTO_BYTES,
  MAX_COMPLAINT_PHOTOS,
  PREFERRED_CONTACT_TIMES,
  type PreferredContactTime,
} from '@zhixiang/shared/complaints/schemas';
import type { PolicySummary } from '@zhixiang/shared/policy/schemas';
import { megabytes } from '@zhixiang/shared/uploads/attachments';
import { useState } from 'react';
import { AttachmentPicker, type PickedFile } from '../../../components/attachments';
import { Button } from '../../../components/ui';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import { ApiError } from '../../../services/request';

interface Draft {
  category: ComplaintCategory | '';
  policyNo: string;
  description: string;
  preferredContactTime: PreferredContactTime | '';
  aboutAgent: boolean;
  /** A seat names the colleague the complaint is about (their account), who may then not handle it. */
  namedStaffUserId: string;
  /** Photos already uploaded (staged on the server for a day), attached when the complaint is filed. */
  photos: PickedFile[];
}

/** Filing for somebody else: an agent for their customer, or a seat for a caller. */
export interface FilingFor {
  customerId: string;
  name: string;
  /** The call the phone system identified, when a seat files from the screen-pop. */
  callId?: string | undefined;
  bySeat: boolean;
}

/**
 * What is typed is kept in storage until the complaint is filed: a failure or leaving loses nothing.
 * A draft for a customer is kept apart from the signed-in user's own.
 */
const draftKey = (filingFor: FilingFor | undefined) =>
  filingFor ? `complaint-draft:${filingFor.customerId}` : 'complaint-draft';
const EMPTY: Draft = {
  category: '',
  policyNo: '',
  description: '',
  preferredContactTime: '',
  aboutAgent: false,
  namedStaffUserId: '',
  photos: [],
};

function loadDraft(key: string, policyNo: string | undefined): Draft {
  const stored = Taro.getStorageSync(key) as Draft | '' | undefined;
  const draft = stored ? { ...EMPTY, ...stored } : EMPTY;
  return policyNo ? { ...draft, policyNo } : draft;
}

/**
 * 我要投诉: category, the related policy, what happened and when to call back, and whether it is
 * about the policy's agent. An agent or a seat fills the same form for a customer. The server
 * answers with the reference number; a refusal names the field, shown under it, and the form stays
 * filled.
 */
export function ComplaintForm({
  policies,
  initialPolicyNo,
  filingFor,
  conversationId,
}: {
  policies: readonly Pick<PolicySummary, 'policyNo' | 'productName'>[];
  initialPolicyNo?: string | undefined;
  filingFor?: FilingFor | undefined;
  /** Filed from the assistant: the conversation goes with the complaint. */
  conversationId?: string | undefined;
}) {
  const DRAFT_KEY = draftKey(filingFor);
  const [draft, setDraft] = useState<Draft>(() => loadDraft(DRAFT_KEY, initialPolicyNo));
  const [errors, setErrors] = useState<Partial<Record<keyof Draft, string>>>({});
  const [busy, setBusy] = useState(false);

  const update = (change: Partial<Draft>) => {
    const next = { ...draft, ...change };
    setDraft(next);
    Taro.setStorageSync(DRAFT_KEY, next);
    setErrors({});
  };

  const missing = (): Partial<Record<keyof Draft, string>> => {
    const found: Partial<Record<keyof Draft, string>> = {};
    if (!draft.category) found.category = '请选择投诉类别';
    if (!draft.policyNo) found.policyNo = '请选择相关保单';
    if (draft.description.trim().length < DESCRIPTION_MIN)
      found.description = `请详细描述发生了什么（至少 ${DESCRIPTION_MIN} 个字）`;
    if (!draft.preferredContactTime) found.preferredContactTime = '请选择方便联系的时间';
    return found;
  };

  const submit = async () => {
    const problems = missing();
    if (Object.keys(problems).length > 0) {
      setErrors(problems);
      return;
    }
    setBusy(true);
    try {
      const request = {
        category: draft.category as ComplaintCategory,
        policyNo: draft.policyNo,
        description: draft.description,
        preferredContactTime: draft.preferredContactTime as PreferredContactTime,
        ...(draft.aboutAgent && (!filingFor || filingFor.bySeat) ? { aboutAgent: true } : {}),
        ...(draft.photos.length > 0 ? { photos: draft.photos.map((p) => p.uploadId) } : {}),
      };
      const filed = filingFor
        ? await api.fileComplaintForCustomer(filingFor.customerId, {
            ...request,
            ...(filingFor.callId ? { callId: filingFor.callId } : {}),
            ...(filingFor.bySeat && draft.namedStaffUserId.trim()
              ? { namedStaffUserId: draft.namedStaffUserId.trim() }
              : {}),
          })
        : await api.fileComplaint({ ...request, ...(conversationId ? { conversationId } : {}) });
      Taro.removeStorageSync(DRAFT_KEY);
      void Taro.redirectTo({ url: pageUrls.complaintDetail(filed.complaintId) });
    } catch (error) {
      // The API client has shown the message; the field it names is marked and nothing is cleared.
      if (error instanceof ApiError && error.field) setErrors({ [error.field]: error.message });
    } finally {
      setBusy(false);
    }
  };

  const view = { policies };
  return (
    <View className="zx-complaints" data-testid="complaint-form">
      {filingFor ? (
        <Text className="zx-card__title" data-testid="complaint-filing-for">
          {filingFor.bySeat ? '代来电客户登记' : '代客户登记'}：{filingFor.name || filingFor.customerId}
          {filingFor.callId ? '（来电已由语音系统核验）' : ''}
        </Text>
      ) : null}
      {conversationId ? (
        <Text className="zx-muted" data-testid="complaint-with-conversation">
          您与智能客服的对话记录将随投诉一并提交，处理人员无需您重复说明。
        </Text>
      ) : null}
      <Text className="zx-complaints__label">投诉类别</Text>
      <View className="zx-complaints__chips">
        {COMPLAINT_CATEGORY_KEYS.map((key) => (
          <View
            key={key}
            data-testid={`category-${key}`}
            className={`zx-complaints__chip${draft.category === key ? ' zx-complaints__chip--selected' : ''}`}
            onClick={() => update({ category: key })}
          >
            {COMPLAINT_CATEGORIES[key]}
          </View>
        ))}
      </View>
      {errors.category ? <Text className="zx-complaints__error">{errors.category}</Text> : null}

      <Text className="zx-complaints__label">相关保单</Text>
      <View className="zx-complaints__chips">
        {view.policies.map((policy) => (
          <View
            key={policy.policyNo}
            data-testid={`policy-${policy.policyNo}`}
            className={`zx-complaints__chip${draft.policyNo === policy.policyNo ? ' zx-complaints__chip--selected' : ''}`}
            onClick={() => update({ policyNo: policy.policyNo })}
          >
            {policy.productName} · {policy.policyNo}
          </View>
        ))}
      </View>
      {view.policies.length === 0 ? (
        <Text className="zx-muted">
          {filingFor ? '该客户名下暂无保单，无法登记投诉' : '您名下暂无保单，无法在线提交投诉'}
        </Text>
      ) : null}
      {errors.policyNo ? <Text className="zx-complaints__error">{errors.policyNo}</Text> : null}

      <Text className="zx-complaints__label">发生了什么</Text>
      <Textarea
        className="zx-complaints__textarea"
        data-testid="complaint-description"
        maxlength={DESCRIPTION_MAX}
        placeholder="请描述经过、时间和您的诉求，便于我们尽快处理"
        value={draft.description}
        onInput={(event) => update({ description: event.detail.value })}
      />
      <Text className="zx-muted">
        {draft.description.length}/{DESCRIPTION_MAX}
      </Text>
      {errors.description ? <Text className="zx-complaints__error">{errors.description}</Text> : null}

      <Text className="zx-complaints__label">照片（选填）</Text>
      <AttachmentPicker
        files={draft.photos}
        max={MAX_COMPLAINT_PHOTOS}
        what="照片"
        hint={`如信件、截图等，最多 ${MAX_COMPLAINT_PHOTOS} 张，每张不超过 ${megabytes(MAX_COMPLAINT_PHOTO_BYTES)}（JPG、PNG 或 HEIC）`}
        error={errors.photos}
        createUpload={() => api.createComplaintPhotoUpload({ silent: true })}
        onChange={(photos) => update({ photos })}
        testId="complaint-photos"
      />

      <Text className="zx-complaints__label">方便联系的时间</Text>
      <View className="zx-complaints__chips">
        {(Object.keys(PREFERRED_CONTACT_TIMES) as PreferredContactTime[]).map((key) => (
          <View
            key={key}
            data-testid={`contact-${key}`}
            className={`zx-complaints__chip${draft.preferredContactTime === key ? ' zx-complaints__chip--selected' : ''}`}
            onClick={() => update({ preferredContactTime: key })}
          >
            {PREFERRED_CONTACT_TIMES[key]}
          </View>
        ))}
      </View>
      {errors.preferredContactTime ? (
        <Text className="zx-complaints__error">{errors.preferredContactTime}</Text>
      ) : null}

      {/* An agent does not register a complaint about themself (回避): the customer or a seat does. */}
      {filingFor && !filingFor.bySeat ? null : (
        <View>
          <Text className="zx-complaints__label">涉及人员</Text>
          <View className="zx-complaints__chips">
            <View
              data-testid="about-agent"
              className={`zx-complaints__chip${draft.aboutAgent ? ' zx-complaints__chip--selected' : ''}`}
              onClick={() => update({ aboutAgent: !draft.aboutAgent })}
            >
              投诉涉及该保单的代理人
            </View>
          </View>
          <Text className="zx-muted">勾选后，该代理人看不到这件投诉，也不会参与处理。</Text>
          {errors.aboutAgent ? <Text className="zx-complaints__error">{errors.aboutAgent}</Text> : null}
        </View>
      )}
      {filingFor?.bySeat ? (
        <View>
          <Input
            className="zx-complaints__input"
            data-testid="named-staff"
            placeholder="被投诉员工的账号（如有，该员工将回避处理）"
            maxlength={64}
            value={draft.namedStaffUserId}
            onInput={(event) => update({ namedStaffUserId: event.detail.value })}
          />
          {errors.namedStaffUserId ? (
            <Text className="zx-complaints__error">{errors.namedStaffUserId}</Text>
          ) : null}
        </View>
      ) : null}

      <View className="zx-complaints__submit">
        <Button type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
          提交投诉
        </Button>
      </View>
      <Text className="zx-muted">
        {filingFor
          ? '提交后得到投诉编号；客户可在小程序「我的投诉」查看处理进度。'
          : '提交后您会得到投诉编号，可在「我的投诉」查看处理进度。'}
      </Text>
    </View>
  );
}

import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  COMPLAINT_CATEGORIES,
  COMPLAINT_CATEGORY_KEYS,
  type ComplaintCategory,
} from '@zhixiang/shared/complaints/classification';
import {
  DESCRIPTION_MAX,
  DESCRIPTION_MIN,
  PREFERRED_CONTACT_TIMES,
  type PreferredContactTime,
} from '@zhixiang/shared/complaints/schemas';
import type { PolicySummary } from '@zhixiang/shared/policy/schemas';
import { useState } from 'react';
import { Button } from '../../../components/ui';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import { ApiError } from '../../../services/request';

interface Draft {
  category: ComplaintCategory | '';
  policyNo: string;
  description: string;
  preferredContactTime: PreferredContactTime | '';
}

/** What is typed is kept in storage until the complaint is filed: a failure or leaving loses nothing. */
const DRAFT_KEY = 'complaint-draft';
const EMPTY: Draft = { category: '', policyNo: '', description: '', preferredContactTime: '' };

function loadDraft(policyNo: string | undefined): Draft {
  const stored = Taro.getStorageSync(DRAFT_KEY) as Draft | '' | undefined;
  const draft = stored ? { ...EMPTY, ...stored } : EMPTY;
  return policyNo ? { ...draft, policyNo } : draft;
}

/**
 * 我要投诉: category, the related policy, what happened and when to call back. The server answers
 * with the reference number; a refusal names the field, shown under it, and the form stays filled.
 */
export function ComplaintForm({
  policies,
  initialPolicyNo,
}: {
  policies: readonly Pick<PolicySummary, 'policyNo' | 'productName'>[];
  initialPolicyNo?: string | undefined;
}) {
  const [draft, setDraft] = useState<Draft>(() => loadDraft(initialPolicyNo));
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
      const filed = await api.fileComplaint({
        category: draft.category as ComplaintCategory,
        policyNo: draft.policyNo,
        description: draft.description,
        preferredContactTime: draft.preferredContactTime as PreferredContactTime,
      });
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
      {view.policies.length === 0 ? <Text className="zx-muted">您名下暂无保单，无法在线提交投诉</Text> : null}
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

      <View className="zx-complaints__submit">
        <Button type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
          提交投诉
        </Button>
      </View>
      <Text className="zx-muted">提交后您会得到投诉编号，可在「我的投诉」查看处理进度。</Text>
    </View>
  );
}

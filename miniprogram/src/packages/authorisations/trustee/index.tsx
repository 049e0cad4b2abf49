import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { TRUSTEE_ID_TYPES, type TrusteeIdType } from '@zhixiang/shared/authorisations/power-of-attorney';
import type { AuthorisationStatus } from '@zhixiang/shared/authorisations/status';
import type { TrusteeAuthorisation } from '@zhixiang/shared/authorisations/trustee';
import { formatDateCn } from '@zhixiang/shared/format/dates';
import { useState } from 'react';
import { PageContainer } from '../../../components/page-container';
import { Button, Tag } from '../../../components/ui';
import { usePageData, useReloadOnShow } from '../../../hooks/use-page-data';
import { pageUrls } from '../../../lib/navigation';
import { api } from '../../../services/api';
import { ApiError } from '../../../services/request';
import { STATUS_TAG } from '../status-tag';
import '../authorisations.scss';

/** What the trustee types to bind an authorisation, kept on the device until it is bound. */
interface BindDraft {
  authorisationId: string;
  name: string;
  idType: TrusteeIdType | '';
  idNumber: string;
  code: string;
}
const DRAFT_KEY = 'trustee-bind-draft';
const EMPTY: BindDraft = { authorisationId: '', name: '', idType: '', idNumber: '', code: '' };

function loadDraft(): BindDraft {
  const stored = Taro.getStorageSync(DRAFT_KEY) as BindDraft | '' | undefined;
  return stored ? { ...EMPTY, ...stored } : EMPTY;
}

const messageOf = (error: unknown) =>
  error instanceof ApiError ? error.message : '网络异常，请检查网络后重试';

/**
 * 受托办理: the trustee, signed in with their own WeChat, binds the video authorisation a customer
 * gave them — its reference (授权编号), their name and ID as the customer recorded them, and a code
 * texted to the phone recorded for them — then opens the endorsement pages on exactly the
 * authorised policies and matters; any money goes to the authorised account.
 */
export default function TrusteeAuthorisationsPage() {
  const data = usePageData(() => api.listTrusteeAuthorisations());
  useReloadOnShow(data);
  const [draft, setDraft] = useState<BindDraft>(loadDraft);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState<'code' | 'bind' | null>(null);
  const [error, setError] = useState<string | null>(null);

  const update = (next: BindDraft) => {
    setDraft(next);
    setError(null);
    Taro.setStorageSync(DRAFT_KEY, next);
  };
  const details = () => ({
    authorisationId: draft.authorisationId.trim().toUpperCase(),
    name: draft.name.trim(),
    idType: draft.idType as TrusteeIdType,
    idNumber: draft.idNumber.trim().toUpperCase(),
  });
  const incomplete = (): string | null => {
    if (!/^SQ\d{8}[0-9A-F]{8}$/i.test(draft.authorisationId.trim()))
      return '请填写投保人告知您的授权编号（SQ 开头的 18 位编号）';
    if (draft.name.trim().length < 2) return '请填写您的姓名';
    if (!draft.idType) return '请选择您的证件类型';
    if (!draft.idNumber.trim()) return '请填写您的证件号码';
    return null;
  };

  const sendCode = async () => {
    const problem = incomplete();
    if (problem) return setError(problem);
    setBusy('code');
    try {
      const sent = await api.sendTrusteeBindCode(details(), { silent: true });
      setSentTo(sent.phoneMasked);
    } catch (cause) {
      setError(messageOf(cause));
    } finally {
      setBusy(null);
    }
  };

  const bind = async () => {
    const problem = incomplete() ?? (/^\d{6}$/.test(draft.code) ? null : '请填写 6 位短信验证码');
    if (problem) return setError(problem);
    setBusy('bind');
    try {
      await api.bindTrustee({ ...details(), code: draft.code }, { silent: true });
      Taro.removeStorageSync(DRAFT_KEY);
      setDraft(EMPTY);
      setSentTo(null);
      void Taro.showToast({ title: '绑定成功', icon: 'success' });
      await data.reload();
    } catch (cause) {
      setError(messageOf(cause));
    } finally {
      setBusy(null);
    }
  };

  /** One typed field of the binding form, kept in the draft as typed. */
  const field = (
    label: string,
    testId: string,
    placeholder: string,
    key: 'authorisationId' | 'name' | 'idNumber' | 'code',
    maxlength: number,
    type: 'text' | 'number' = 'text',
  ) => (
    <>
      <Text className="zx-authorisations__label">{label}</Text>
      <Input
        className="zx-authorisations__input"
        data-testid={testId}
        type={type}
        placeholder={placeholder}
        maxlength={maxlength}
        value={draft[key]}
        onInput={(event) => update({ ...draft, [key]: event.detail.value })}
      />
    </>
  );

  return (
    <PageContainer data={data} refreshable errorTitle="暂时无法查看受托办理">
      {(view) => (
        <View className="zx-authorisations" data-testid="trustee-page">
          <View className="zx-notice">
            受投保人以录像授权委托，由您代为办理保全的，请先绑定该授权：填写投保人告知您的授权编号和您本人的证件信息，验证码将发送到投保人在授权中登记的您的手机。
          </View>
          {view.authorisations.map((a) => (
            <AuthorisationCard key={a.authorisationId} authorisation={a} />
          ))}
          <View className="zx-card" data-testid="trustee-bind">
            <Text className="zx-card__title">绑定录像授权</Text>
            {field('授权编号', 'input-reference', 'SQ 开头的 18 位编号', 'authorisationId', 18)}
            {field('您的姓名', 'input-name', '与授权中登记的一致', 'name', 30)}
            <Text className="zx-authorisations__label">证件类型</Text>
            <View className="zx-authorisations__chips">
              {(Object.keys(TRUSTEE_ID_TYPES) as TrusteeIdType[]).map((idType) => (
                <View
                  key={idType}
                  data-testid={`id-type-${idType}`}
                  className={`zx-authorisations__chip${draft.idType === idType ? ' zx-authorisations__chip--selected' : ''}`}
                  onClick={() => update({ ...draft, idType })}
                >
                  {TRUSTEE_ID_TYPES[idType]}
                </View>
              ))}
            </View>
            {field('证件号码', 'input-id-number', '请填写证件号码', 'idNumber', 20)}
            <Button block loading={busy === 'code'} disabled={busy !== null} onClick={() => void sendCode()}>
              {busy === 'code' ? '正在发送…' : sentTo ? '重新获取验证码' : '获取验证码'}
            </Button>
            {sentTo ? (
              <Text className="zx-muted" data-testid="code-sent">
                验证码已发送至 {sentTo}，5 分钟内有效
              </Text>
            ) : null}
            {field('短信验证码', 'input-code', '6 位数字', 'code', 6, 'number')}
            {error ? (
              <Text className="zx-authorisations__error" data-testid="trustee-error">
                {error}
              </Text>
            ) : null}
            <Button
              type="primary"
              block
              loading={busy === 'bind'}
              disabled={busy !== null}
              data-testid="bind-trustee"
              onClick={() => void bind()}
            >
              {busy === 'bind' ? '正在绑定…' : '绑定'}
            </Button>
          </View>
          <Button
            block
            onClick={() => void Taro.navigateBack().catch(() => Taro.switchTab({ url: pageUrls.me }))}
          >
            返回
          </Button>
        </View>
      )}
    </PageContainer>
  );
}

/** One bound authorisation: its standing, and a way into each authorised matter on each policy. */
function AuthorisationCard({ authorisation: a }: { authorisation: TrusteeAuthorisation }) {
  const inForce = a.status === 'approved';
  return (
    <View className="zx-card" data-testid="trustee-authorisation">
      <View className="zx-authorisations__row">
        <Text className="zx-card__title">投保人 {a.grantorName} 的委托</Text>
        <Tag type={STATUS_TAG[a.status as AuthorisationStatus] ?? 'default'}>{a.statusLabel}</Tag>
      </View>
      <Text className="zx-muted">授权编号 {a.authorisationId}</Text>
      <Text className="zx-muted">委托期限至 {formatDateCn(a.validUntil)}</Text>
      {a.trusteeIdTypeLabel ? (
        <Text className="zx-muted" data-testid="trustee-id-type">
          您的证件 {a.trusteeIdTypeLabel}
          {a.trusteeIdTypeLabel === '居民身份证'
            ? '（刷脸核验身份）'
            : '（上传证件和自拍视频，人工审核身份）'}
        </Text>
      ) : null}
      {a.refundAccount ? (
        <Text className="zx-muted">
          退费账户 {a.refundAccount.bankName} {a.refundAccount.accountMasked}
        </Text>
      ) : null}
      {inForce ? (
        a.policyNos.flatMap((policyNo) =>
          a.matters.map((matter) => (
            <Button
              key={`${policyNo}-${matter.type}`}
              block
              data-testid={`act-${policyNo}-${matter.type}`}
              onClick={() =>
                void Taro.navigateTo({
                  url: pageUrls.endorsementApply(policyNo, matter.type, a.authorisationId),
                })
              }
            >
              办理{matter.label} · 保单 {policyNo}
            </Button>
          )),
        )
      ) : (
        <Text className="zx-muted">该授权当前为「{a.statusLabel}」，不能再代为办理</Text>
      )}
    </View>
  );
}

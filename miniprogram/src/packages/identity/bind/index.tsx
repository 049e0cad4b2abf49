import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { SENSITIVE_ID_CONSENT_VERSION } from '@zhixiang/shared/auth/schemas';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import { checkIdNumber } from '@zhixiang/shared/identity/id-number';
import { useState } from 'react';
import { IdNumberField } from '../../../components/id-number-field';
import { PageContainer } from '../../../components/page-container';
import { Button } from '../../../components/ui';
import { useCountdown } from '../../../hooks/use-countdown';
import { continueTo, pageUrls } from '../../../lib/navigation';
import { updateMe } from '../../../lib/session';
import { api } from '../../../services/api';
import { ApiError } from '../../../services/request';
import './index.scss';

const PHONE = /^1[3-9]\d{9}$/;

export default function BindIdentityPage() {
  // Reached on the way to a page (a shared link): binding leads on to it, otherwise to 保单.
  const { redirect } = useRouter().params;
  const [name, setName] = useState('');
  const [idNumber, setIdNumber] = useState('');
  const [phone, setPhone] = useState('');
  const [code, setCode] = useState('');
  const [consented, setConsented] = useState(false);
  const [codeSentTo, setCodeSentTo] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [fieldError, setFieldError] = useState<{ field: string; message: string } | null>(null);
  const countdown = useCountdown();

  const idValid = checkIdNumber(idNumber, todayInShanghai()).ok;
  // Why 获取验证码 is not available yet: the first thing still missing, said beside the button.
  const missing =
    name.trim().length < 2
      ? '请填写姓名'
      : !idValid
        ? '请填写正确的身份证号码'
        : !PHONE.test(phone)
          ? '请填写 11 位手机号码'
          : !consented
            ? '请先勾选下方的同意声明'
            : null;
  const detailsValid = missing === null;

  function showFieldError(error: unknown) {
    // The wrapper already toasted the message; keep it beside the field too, and keep every input.
    if (error instanceof ApiError) setFieldError({ field: error.field ?? 'form', message: error.message });
  }

  async function sendCode() {
    setSending(true);
    setFieldError(null);
    try {
      const sent = await api.sendBindCode({
        name: name.trim(),
        idNumber: idNumber.trim(),
        phone,
        sensitiveConsentVersion: SENSITIVE_ID_CONSENT_VERSION,
      });
      setCodeSentTo(sent.sentTo);
      countdown.start(sent.resendAfterSeconds || 60);
    } catch (error) {
      showFieldError(error);
    } finally {
      setSending(false);
    }
  }

  async function submit() {
    setSubmitting(true);
    setFieldError(null);
    try {
      const me = await api.bindIdentity({
        name: name.trim(),
        idNumber: idNumber.trim(),
        phone,
        code,
        sensitiveConsentVersion: SENSITIVE_ID_CONSENT_VERSION,
      });
      updateMe(me);
      await api.renewSession();
      await Taro.showToast({ title: '身份绑定成功', icon: 'success' });
      if (redirect) continueTo(redirect);
      else void Taro.switchTab({ url: pageUrls.policies });
    } catch (error) {
      showFieldError(error);
    } finally {
      setSubmitting(false);
    }
  }

  return (
    <PageContainer className="zx-bind">
      {() => (
        <View>
          <View className="zx-notice">请填写投保时登记的信息，用于核实您是投保人或被保险人本人。</View>
          <View className="zx-card">
            <View className="zx-field">
              <Text className="zx-field__label">姓名</Text>
              <Input
                className="zx-field__input"
                name="name"
                placeholder="请输入姓名"
                maxlength={30}
                value={name}
                onInput={(event) => setName(event.detail.value)}
              />
            </View>
            <IdNumberField value={idNumber} onChange={setIdNumber} />
            <View className="zx-field">
              <Text className="zx-field__label">手机号码</Text>
              <Input
                className="zx-field__input"
                name="phone"
                type="number"
                maxlength={11}
                placeholder="投保时登记的手机号码"
                value={phone}
                onInput={(event) => setPhone(event.detail.value)}
              />
            </View>
            <View className="zx-field zx-bind__code-row">
              <Text className="zx-field__label">验证码</Text>
              <Input
                className="zx-field__input"
                name="code"
                type="number"
                maxlength={6}
                placeholder="6 位短信验证码"
                value={code}
                onInput={(event) => setCode(event.detail.value)}
              />
              <Button
                size="small"
                type="primary"
                fill="outline"
                className="zx-bind__send"
                data-testid="send-code"
                disabled={!detailsValid || countdown.secondsLeft > 0 || sending}
                onClick={() => void sendCode()}
              >
                {countdown.secondsLeft > 0
                  ? `${countdown.secondsLeft} 秒后重发`
                  : codeSentTo
                    ? '重新发送'
                    : '获取验证码'}
              </Button>
            </View>
            {codeSentTo ? (
              <Text className="zx-muted">验证码已发送至 {codeSentTo}</Text>
            ) : missing ? (
              <Text className="zx-muted" data-testid="send-code-reason">
                {missing}后即可获取验证码
              </Text>
            ) : null}
            {fieldError ? (
              <Text className="zx-field__error" data-testid="bind-error">
                {fieldError.message}
              </Text>
            ) : null}
          </View>
          <View
            className="zx-bind__consent"
            data-testid="sensitive-consent"
            role="checkbox"
            aria-checked={consented}
            onClick={() => setConsented((value) => !value)}
          >
            <View className={`zx-bind__box ${consented ? 'zx-bind__box--checked' : ''}`}>
              {consented ? '✓' : ''}
            </View>
            <Text className="zx-bind__consent-text">
              我同意为核实身份处理我的身份证号码（敏感个人信息），仅用于本次身份核验与保单服务。
            </Text>
          </View>
          <Button
            block
            type="primary"
            data-testid="submit-binding"
            loading={submitting}
            disabled={!detailsValid || !codeSentTo || !/^\d{6}$/.test(code)}
            onClick={() => void submit()}
          >
            确认绑定
          </Button>
        </View>
      )}
    </PageContainer>
  );
}

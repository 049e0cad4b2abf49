import { Text, View } from '@tarojs/components';
import { type ContactChangeRequest, checkContactChange } from '@zhixiang/shared/endorsement/contact-change';
import { useState } from 'react';
import { InfoRow } from '../../../components/info-row';
import { FormFooter, type FormProps, fieldMessage, footerMessage, TextField } from './form-parts';

const FIELDS = ['phone', 'address', 'email'];

/** 联系方式变更: only what the customer types changes; a new phone is confirmed by SMS later. */
export function ContactChangeForm({ options, serverProblem, busy, onEdit, onCreate }: FormProps) {
  const [form, setForm] = useState({ phone: '', address: '', email: '' });
  const [showAll, setShowAll] = useState(false);
  const set = (change: Partial<typeof form>) => {
    setForm({ ...form, ...change });
    onEdit();
  };
  const request: ContactChangeRequest = {
    ...(form.phone.trim() ? { phone: form.phone } : {}),
    ...(form.address.trim() ? { address: form.address } : {}),
    ...(form.email.trim() ? { email: form.email } : {}),
  };
  const current = {
    phone: options.contact.phoneMasked,
    address: options.contact.address,
    email: options.contact.email,
  };
  const result = checkContactChange(current, request);
  const problems = result.ok ? [] : result.problems;

  const next = () => {
    setShowAll(true);
    if (result.ok) onCreate({ type: 'contact_change', ...request });
  };

  return (
    <View>
      <View className="zx-card" data-testid="contact-current">
        <Text className="zx-card__title">当前联系方式</Text>
        <InfoRow label="手机号码" value={options.contact.phoneMasked} />
        <InfoRow label="联系地址" value={options.contact.address ?? '未填写'} />
        <InfoRow label="电子邮箱" value={options.contact.email ?? '未填写'} />
      </View>
      <View className="zx-card">
        <Text className="zx-card__title">新的联系方式（只填写需要变更的项目）</Text>
        <TextField
          label="新手机号码"
          type="number"
          maxlength={13}
          placeholder="11 位手机号码，变更后需短信验证"
          value={form.phone}
          onChange={(phone) => set({ phone })}
          error={fieldMessage(problems, serverProblem, 'phone')}
          testId="field-phone"
        />
        <TextField
          label="新联系地址"
          maxlength={120}
          placeholder="省市区、街道及门牌号"
          value={form.address}
          onChange={(address) => set({ address })}
          error={fieldMessage(problems, serverProblem, 'address')}
          testId="field-address"
        />
        <TextField
          label="新电子邮箱"
          placeholder="例如 zhangsan@example.com"
          value={form.email}
          onChange={(email) => set({ email })}
          error={fieldMessage(problems, serverProblem, 'email')}
          testId="field-email"
        />
      </View>
      <FormFooter
        message={footerMessage(problems, serverProblem, FIELDS, showAll)}
        busy={busy}
        onNext={next}
      />
    </View>
  );
}

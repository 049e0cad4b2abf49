import { Text, View } from '@tarojs/components';
import { checkRenewalAccountChange } from '@zhixiang/shared/endorsement/renewal-account-change';
import { useState } from 'react';
import { BankCardInput } from '../components/bank-card-input';
import { FormFooter, type FormProps, fieldMessage, footerMessage, TextField } from './form-parts';

const FIELDS = ['cardHolderName', 'cardNumber'];

/** 续期缴费账户变更: the policyholder's own debit card of a supported bank. */
export function RenewalAccountForm({ options, serverProblem, busy, onEdit, onCreate }: FormProps) {
  const [card, setCard] = useState({ cardHolderName: '', cardNumber: '' });
  const [showAll, setShowAll] = useState(false);
  const result = checkRenewalAccountChange(card, { holderName: options.holder.name, current: null });
  const problems = (result.ok ? [] : result.problems).filter(
    (p) =>
      showAll ||
      (p.field === 'cardHolderName' && card.cardHolderName.trim().length >= 2) ||
      (p.field === 'cardNumber' && card.cardNumber.length >= 16),
  );
  const set = (change: Partial<typeof card>) => {
    setCard({ ...card, ...change });
    onEdit();
  };
  const next = () => {
    setShowAll(true);
    if (result.ok) onCreate({ type: 'renewal_account_change', ...card });
  };
  return (
    <View>
      <View className="zx-card" data-testid="renewal-current">
        <Text className="zx-card__title">
          当前续期缴费账户：
          {options.renewalAccount
            ? `${options.renewalAccount.bankName} ${options.renewalAccount.accountMasked}`
            : '未设置'}
        </Text>
        <Text className="zx-muted">
          新账户须为投保人 {options.holder.name} 本人的借记卡，支持：
          {options.supportedBanks.map((bank) => bank.name).join('、')}
        </Text>
      </View>
      <View className="zx-card">
        <TextField
          label="银行卡户名"
          placeholder="与投保人姓名一致"
          value={card.cardHolderName}
          onChange={(cardHolderName) => set({ cardHolderName })}
          error={fieldMessage(problems, serverProblem, 'cardHolderName')}
          testId="field-card-holder"
        />
        <BankCardInput
          value={card.cardNumber}
          onChange={(cardNumber) => set({ cardNumber })}
          error={fieldMessage(problems, serverProblem, 'cardNumber')}
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

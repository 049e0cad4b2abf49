import { Text, View } from '@tarojs/components';
import { checkRenewalAccountChange } from '@zhixiang/shared/endorsement/renewal-account-change';
import { useState } from 'react';
import { CARD_FIELDS, CardFields, typedCardProblems } from './card-fields';
import { FormFooter, type FormProps, footerMessage } from './form-parts';

/** 续期缴费账户变更: the policyholder's own debit card of a supported bank. */
export function RenewalAccountForm({ options, serverProblem, busy, onEdit, onCreate }: FormProps) {
  const [card, setCard] = useState({ cardHolderName: '', cardNumber: '' });
  const [showAll, setShowAll] = useState(false);
  const result = checkRenewalAccountChange(card, { holderName: options.holder.name, current: null });
  const problems = typedCardProblems(result.ok ? [] : result.problems, card, showAll);
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
        <CardFields card={card} onChange={set} problems={problems} serverProblem={serverProblem} />
      </View>
      <FormFooter
        message={footerMessage(problems, serverProblem, CARD_FIELDS, showAll)}
        busy={busy}
        onNext={next}
      />
    </View>
  );
}

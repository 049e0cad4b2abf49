import { Text, View } from '@tarojs/components';
import { checkDividendWithdrawal } from '@zhixiang/shared/endorsement/dividends';
import { formatYuan } from '@zhixiang/shared/format/money';
import { useState } from 'react';
import { AmountInput, type AmountValue, emptyAmount } from '../components/amount-input';
import { FormFooter, type FormProps, fieldMessage, footerMessage } from './form-parts';
import {
  initialPayee,
  PAYEE_FIELDS,
  PayeeAccount,
  type PayeeState,
  payeeBody,
  payeeProblems,
  payeeReady,
} from './payee-account';

/** 红利领取: up to the accumulated dividends, to the policyholder's account. */
export function DividendWithdrawalForm({ options, serverProblem, busy, onEdit, onCreate }: FormProps) {
  const [amount, setAmount] = useState<AmountValue>(emptyAmount);
  const [payee, setPayee] = useState<PayeeState>(() => initialPayee(options));
  const [showAll, setShowAll] = useState(false);
  const accumulated = options.dividends?.accumulatedCents ?? 0;
  const result = checkDividendWithdrawal(
    amount.cents ?? 0,
    {
      status: 'in_force',
      accumulatedDividendsCents: accumulated,
      dividendOption: options.dividends?.option ?? null,
    },
    { participating: true },
  );
  const problems = [
    ...(result.ok || (amount.text === '' && !showAll) ? [] : result.problems),
    ...payeeProblems(payee, options, showAll),
  ];
  const next = () => {
    setShowAll(true);
    if (result.ok && payeeReady(payee, options))
      onCreate({ type: 'dividend_withdrawal', amountCents: result.value.amountCents, ...payeeBody(payee) });
  };
  return (
    <View>
      <View className="zx-card" data-testid="dividend-balance">
        <Text className="zx-card__title">可领取红利 {formatYuan(accumulated)}</Text>
        <Text className="zx-muted">
          领取后余额按“{options.dividends?.optionLabel ?? '累积生息'}”继续处理，款项转入投保人本人账户。
        </Text>
      </View>
      <View className="zx-card">
        <AmountInput
          label="领取金额"
          value={amount}
          onChange={(value) => {
            setAmount(value);
            onEdit();
          }}
          maxCents={accumulated}
          error={fieldMessage(problems, serverProblem, 'amountCents')}
          testId="dividend-amount"
        />
        {result.ok ? (
          <View className="zx-field__hint" data-testid="dividend-preview">
            领取后剩余红利 {formatYuan(result.value.accumulatedAfterCents)}
          </View>
        ) : null}
      </View>
      <PayeeAccount
        options={options}
        value={payee}
        onChange={(value) => {
          setPayee(value);
          onEdit();
        }}
        problems={problems}
        serverProblem={serverProblem}
      />
      <FormFooter
        message={footerMessage(problems, serverProblem, ['amountCents', ...PAYEE_FIELDS], showAll)}
        busy={busy}
        onNext={next}
      />
    </View>
  );
}

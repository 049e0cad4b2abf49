import { Input, Text, View } from '@tarojs/components';
import {
  checkRenewalAccountChange,
  findBankByBin,
} from '@zhixiang/shared/endorsement/renewal-account-change';
import { useState } from 'react';

/** "6222021234567890123" → "6222 0212 3456 7890 123", as printed on the card. */
export function groupCardNumber(digits: string): string {
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/**
 * What to say about a card number as it is typed: nothing while it could still become valid, the
 * issuing bank once its prefix is known, and the Luhn or length problem once the customer has
 * finished (left the field, or typed the longest card number there is).
 */
export function cardNumberHint(
  digits: string,
  finished: boolean,
): { bankName: string | null; message: string | null } {
  if (digits === '') return { bankName: null, message: null };
  const bank = digits.length >= 6 ? findBankByBin(digits) : null;
  const done = finished || digits.length >= 19;
  if (!done) return { bankName: bank?.name ?? null, message: null };
  // The card-number half of the server's own rule (the holder's name is checked by the page).
  const checked = checkRenewalAccountChange({ cardHolderName: '', cardNumber: digits }, NO_HOLDER_CHECK);
  const problem = checked.ok ? undefined : checked.problems.find((p) => p.field === 'cardNumber');
  return problem
    ? { bankName: null, message: problem.message }
    : { bankName: bank?.name ?? null, message: null };
}

const NO_HOLDER_CHECK = { holderName: '', current: null };

/** The card number, grouped in fours while typed; the page gets the digits only. */
export function BankCardInput(props: {
  value: string;
  onChange: (digits: string) => void;
  /** The rule's or the server's message for this field. */
  error?: string | null;
}) {
  const [finished, setFinished] = useState(false);
  const hint = cardNumberHint(props.value, finished);
  const message = hint.message ?? props.error ?? null;
  return (
    <View className="zx-field" data-testid="card-number-field">
      <Text className="zx-field__label">银行卡号</Text>
      <Input
        className="zx-field__input"
        type="number"
        maxlength={23}
        placeholder="请输入投保人本人的借记卡卡号"
        value={groupCardNumber(props.value)}
        onInput={(event) => {
          setFinished(false);
          props.onChange(event.detail.value.replace(/\D/g, '').slice(0, 19));
        }}
        onBlur={() => setFinished(true)}
      />
      {hint.bankName && !message ? (
        <Text className="zx-field__hint" data-testid="card-bank">
          {hint.bankName}
        </Text>
      ) : null}
      {message ? (
        <Text className="zx-field__error" data-testid="field-error">
          {message}
        </Text>
      ) : null}
    </View>
  );
}

import { Input, Text, View } from '@tarojs/components';
import { formatYuan } from '@zhixiang/shared/format/money';
import { centsToInputText, parseYuanToCents } from '../../../lib/money-text';

export interface AmountValue {
  text: string;
  /** The amount in cents, or null while the text is empty or not an amount. */
  cents: number | null;
}

export const emptyAmount: AmountValue = { text: '', cents: null };

/**
 * An amount in yuan as typed ("12345.67"), handed to the page in integer cents. The format
 * problem is shown as the customer types; the rule's or the server's message (`error`) after it.
 */
export function AmountInput(props: {
  label: string;
  value: AmountValue;
  onChange: (value: AmountValue) => void;
  /** e.g. "可贷金额 ¥12,345.67". */
  hint?: string;
  /** Offers "全部" to fill in this amount (a full withdrawal or repayment). */
  maxCents?: number;
  error?: string | null;
  placeholder?: string;
  testId?: string;
}) {
  const { value, onChange } = props;
  const parsed = parseYuanToCents(value.text);
  const message = parsed && !parsed.ok ? parsed.message : (props.error ?? null);
  const set = (text: string) => {
    const next = parseYuanToCents(text);
    onChange({ text, cents: next?.ok ? next.value : null });
  };
  return (
    <View className="zx-field" data-testid={props.testId ?? 'amount-field'}>
      <Text className="zx-field__label">{props.label}</Text>
      <View className="zx-amount">
        <Text className="zx-amount__unit">¥</Text>
        <Input
          className="zx-field__input zx-amount__input"
          type="digit"
          placeholder={props.placeholder ?? '请输入金额（元）'}
          value={value.text}
          onInput={(event) => set(event.detail.value)}
        />
        {props.maxCents !== undefined && props.maxCents > 0 ? (
          <Text
            className="zx-amount__all"
            data-testid="amount-all"
            onClick={() => set(centsToInputText(props.maxCents ?? 0))}
          >
            全部
          </Text>
        ) : null}
      </View>
      {props.hint ? <Text className="zx-field__hint">{props.hint}</Text> : null}
      {value.cents !== null && !message ? (
        <Text className="zx-field__hint" data-testid="amount-echo">
          即 {formatYuan(value.cents)}
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

import { Input, Text, View } from '@tarojs/components';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import { checkIdNumber } from '@zhixiang/shared/identity/id-number';

/**
 * What to say about a partly typed ID number: nothing while it is still being typed and could
 * become valid, the precise reason once it cannot.
 */
export function idNumberHint(value: string, today: string = todayInShanghai()): string | null {
  const id = value.trim().toUpperCase();
  if (id === '') return null;
  if (!/^\d{0,17}[\dX]?$/.test(id) || (id.length < 18 && id.includes('X'))) {
    return '身份证号码前 17 位应为数字，最后一位为数字或 X';
  }
  if (id.length < 18) return null;
  const check = checkIdNumber(id, today);
  return check.ok ? null : check.message;
}

export function IdNumberField({
  value,
  onChange,
  today,
}: {
  value: string;
  onChange: (value: string) => void;
  today?: string;
}) {
  const hint = idNumberHint(value, today);
  return (
    <View className="zx-field">
      <Text className="zx-field__label">身份证号码</Text>
      <Input
        className="zx-field__input"
        type="idcard"
        maxlength={18}
        placeholder="请输入 18 位身份证号码"
        value={value}
        name="idNumber"
        onInput={(event) => onChange(event.detail.value.toUpperCase())}
      />
      {hint ? (
        <Text className="zx-field__error" data-testid="id-number-error">
          {hint}
        </Text>
      ) : null}
    </View>
  );
}

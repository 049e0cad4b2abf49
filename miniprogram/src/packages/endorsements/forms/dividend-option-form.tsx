import { Text, View } from '@tarojs/components';
import { checkDividendOptionChange } from '@zhixiang/shared/endorsement/dividends';
import type { DIVIDEND_OPTIONS } from '@zhixiang/shared/policy/schemas';
import { useState } from 'react';
import { FormFooter, type FormProps, fieldMessage, footerMessage } from './form-parts';

type DividendOption = (typeof DIVIDEND_OPTIONS)[number];

/** 红利领取方式变更: one of the four options, not the current one. */
export function DividendOptionForm({ options, serverProblem, busy, onEdit, onCreate }: FormProps) {
  const [choice, setChoice] = useState<DividendOption | ''>('');
  const [showAll, setShowAll] = useState(false);
  const dividends = options.dividends;
  const result = checkDividendOptionChange(
    choice,
    {
      status: 'in_force',
      accumulatedDividendsCents: dividends?.accumulatedCents ?? 0,
      dividendOption: dividends?.option ?? null,
    },
    { participating: true },
  );
  const problems = result.ok || (choice === '' && !showAll) ? [] : result.problems;
  const next = () => {
    setShowAll(true);
    if (result.ok && choice !== '') onCreate({ type: 'dividend_option_change', dividendOption: choice });
  };
  const message = fieldMessage(problems, serverProblem, 'dividendOption');
  return (
    <View>
      <View className="zx-card" data-testid="dividend-option">
        <Text className="zx-card__title">当前领取方式：{dividends?.optionLabel ?? '未设置'}</Text>
        <View className="zx-chips">
          {(dividends?.choices ?? []).map((option) => (
            <Text
              key={option.value}
              className={`zx-chip ${choice === option.value ? 'zx-chip--on' : ''}`}
              data-testid="dividend-choice"
              onClick={() => {
                setChoice(option.value);
                onEdit();
              }}
            >
              {option.label}
              {option.value === dividends?.option ? '（当前）' : ''}
            </Text>
          ))}
        </View>
        {message ? (
          <Text className="zx-field__error" data-testid="field-error">
            {message}
          </Text>
        ) : null}
      </View>
      <FormFooter
        message={footerMessage(problems, serverProblem, ['dividendOption'], showAll)}
        busy={busy}
        onNext={next}
      />
    </View>
  );
}

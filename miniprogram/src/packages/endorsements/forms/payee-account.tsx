import { Text, View } from '@tarojs/components';
import type { EndorsementOptions } from '@zhixiang/shared/endorsement/application';
import { checkRenewalAccountChange } from '@zhixiang/shared/endorsement/renewal-account-change';
import type { RuleProblem } from '@zhixiang/shared/endorsement/rule-result';
import { BankCardInput } from '../components/bank-card-input';
import { typedCardProblems } from './card-fields';
import { fieldMessage, TextField } from './form-parts';

/** Where money paid out (a loan, dividends, a surrender) goes: the holder's account on record, or a card of theirs. */
export interface PayeeState {
  useOtherCard: boolean;
  card: { cardHolderName: string; cardNumber: string };
}

export const PAYEE_FIELDS = ['payeeCard.cardHolderName', 'payeeCard.cardNumber'];

export function initialPayee(options: EndorsementOptions): PayeeState {
  // A trustee's money goes to the authorised account, which the server fills in.
  const onRecord = options.authorisedPayee ?? options.renewalAccount;
  return { useOtherCard: onRecord === null, card: { cardHolderName: '', cardNumber: '' } };
}

/**
 * The card's problems by the renewal-account rule (the holder's own card of a supported bank), under
 * the request's paths `payeeCard.*`; none while the account on record is used. Shown once typed
 * (`showAll` after the customer tried to go on).
 */
export function payeeProblems(
  payee: PayeeState,
  options: EndorsementOptions,
  showAll: boolean,
): RuleProblem[] {
  if (!payee.useOtherCard) return [];
  const checked = checkRenewalAccountChange(payee.card, { holderName: options.holder.name, current: null });
  if (checked.ok) return [];
  return typedCardProblems(checked.problems, payee.card, showAll).map((p) => ({
    ...p,
    field: `payeeCard.${p.field}`,
  }));
}

/** `payeeCard` for the request when another card is used, complete or not (the rule decides). */
export function payeeBody(payee: PayeeState): { payeeCard?: PayeeState['card'] } {
  return payee.useOtherCard ? { payeeCard: payee.card } : {};
}

export function payeeReady(payee: PayeeState, options: EndorsementOptions): boolean {
  return payeeProblems(payee, options, true).length === 0;
}

export function PayeeAccount(props: {
  options: EndorsementOptions;
  value: PayeeState;
  onChange: (value: PayeeState) => void;
  problems: readonly RuleProblem[];
  serverProblem: RuleProblem | null;
}) {
  const { options, value, onChange, problems, serverProblem } = props;
  const account = options.renewalAccount;
  if (options.authorisedPayee)
    return (
      <View className="zx-card" data-testid="payee-account">
        <Text className="zx-card__title">收款账户</Text>
        <Text data-testid="authorised-payee">
          {options.authorisedPayee.bankName} {options.authorisedPayee.accountMasked}（录像授权指定账户）
        </Text>
        <Text className="zx-muted">受托人代办的款项只能转入投保人在授权中指定的账户。</Text>
      </View>
    );
  return (
    <View className="zx-card" data-testid="payee-account">
      <Text className="zx-card__title">收款账户（须为投保人本人账户）</Text>
      {account && !value.useOtherCard ? (
        <View>
          <Text>
            {account.bankName} {account.accountMasked}（续期缴费账户）
          </Text>
          <Text
            className="zx-primary-text zx-endorse__reason"
            onClick={() => onChange({ ...value, useOtherCard: true })}
          >
            改用投保人本人的其他银行卡
          </Text>
        </View>
      ) : (
        <View>
          <TextField
            label="银行卡户名"
            placeholder={`须为投保人 ${options.holder.name}`}
            value={value.card.cardHolderName}
            onChange={(cardHolderName) => onChange({ ...value, card: { ...value.card, cardHolderName } })}
            error={fieldMessage(problems, serverProblem, 'payeeCard.cardHolderName')}
          />
          <BankCardInput
            value={value.card.cardNumber}
            onChange={(cardNumber) => onChange({ ...value, card: { ...value.card, cardNumber } })}
            error={fieldMessage(problems, serverProblem, 'payeeCard.cardNumber')}
          />
          {account ? (
            <Text
              className="zx-primary-text zx-endorse__reason"
              onClick={() => onChange({ ...value, useOtherCard: false })}
            >
              仍使用续期缴费账户 {account.accountMasked}
            </Text>
          ) : null}
        </View>
      )}
    </View>
  );
}

import type { RuleProblem } from '@zhixiang/shared/endorsement/rule-result';
import { BankCardInput } from '../components/bank-card-input';
import { fieldMessage, TextField } from './form-parts';

/** A debit card of the policyholder's own, as typed. */
export interface CardInput {
  cardHolderName: string;
  cardNumber: string;
}

export const CARD_FIELDS = ['cardHolderName', 'cardNumber'];

/** The rule's problems worth showing yet: once a field looks finished, or all once the customer tried to go on. */
export function typedCardProblems(
  problems: readonly RuleProblem[],
  card: CardInput,
  showAll: boolean,
): RuleProblem[] {
  return problems.filter(
    (p) =>
      showAll ||
      (p.field === 'cardHolderName' && card.cardHolderName.trim().length >= 2) ||
      (p.field === 'cardNumber' && card.cardNumber.length >= 16),
  );
}

/** 银行卡户名 and 银行卡号, each with the rule's or the server's message. */
export function CardFields(props: {
  card: CardInput;
  onChange: (change: Partial<CardInput>) => void;
  problems: readonly RuleProblem[];
  serverProblem: RuleProblem | null;
}) {
  const { card, onChange, problems, serverProblem } = props;
  return (
    <>
      <TextField
        label="银行卡户名"
        placeholder="与投保人姓名一致"
        value={card.cardHolderName}
        onChange={(cardHolderName) => onChange({ cardHolderName })}
        error={fieldMessage(problems, serverProblem, 'cardHolderName')}
        testId="field-card-holder"
      />
      <BankCardInput
        value={card.cardNumber}
        onChange={(cardNumber) => onChange({ cardNumber })}
        error={fieldMessage(problems, serverProblem, 'cardNumber')}
      />
    </>
  );
}

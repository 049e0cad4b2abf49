import { Input, Text, View } from '@tarojs/components';
import type { CreateEndorsementRequest, EndorsementOptions } from '@zhixiang/shared/endorsement/application';
import type { RuleProblem } from '@zhixiang/shared/endorsement/rule-result';
import { Button } from '../../../components/ui';

/** What the apply page gives every type's form. */
export interface FormProps {
  options: EndorsementOptions;
  /** The server's refusal of the last attempt; the page clears it when the form changes. */
  serverProblem: RuleProblem | null;
  busy: boolean;
  /** Called on every change, so a stale server message disappears as the customer corrects it. */
  onEdit: () => void;
  onCreate: (body: CreateEndorsementRequest) => void;
}

/**
 * The message for a field: the shared rule's (as typed) first, else the server's when it named
 * this field. `fields` lists the paths that mean this field (`payeeCard.cardNumber` and `cardNumber`).
 */
export function fieldMessage(
  problems: readonly RuleProblem[],
  serverProblem: RuleProblem | null,
  ...fields: string[]
): string | null {
  const own = problems.find((p) => fields.includes(p.field));
  if (own) return own.message;
  return serverProblem && fields.includes(serverProblem.field) ? serverProblem.message : null;
}

export function TextField(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder: string;
  error?: string | null;
  type?: 'text' | 'number' | 'idcard' | 'digit';
  maxlength?: number;
  testId?: string;
}) {
  return (
    <View className="zx-field" data-testid={props.testId}>
      <Text className="zx-field__label">{props.label}</Text>
      <Input
        className="zx-field__input"
        type={props.type ?? 'text'}
        maxlength={props.maxlength ?? 140}
        placeholder={props.placeholder}
        value={props.value}
        onInput={(event) => props.onChange(event.detail.value)}
      />
      {props.error ? (
        <Text className="zx-field__error" data-testid="field-error">
          {props.error}
        </Text>
      ) : null}
    </View>
  );
}

/**
 * The bottom of every form: a message no field owns (the server's, or the rule's about the whole
 * request), then the button that creates the application for review.
 */
export function FormFooter(props: {
  message: string | null;
  busy: boolean;
  onNext: () => void;
  label?: string;
  busyLabel?: string;
}) {
  return (
    <View className="zx-endorse__actions">
      {props.message ? (
        <View className="zx-notice zx-error-text" data-testid="form-error">
          {props.message}
        </View>
      ) : null}
      <Button
        type="primary"
        block
        loading={props.busy}
        disabled={props.busy}
        data-testid="form-next"
        onClick={props.onNext}
      >
        {props.busy ? (props.busyLabel ?? '正在生成申请…') : (props.label ?? '下一步：核对变更')}
      </Button>
    </View>
  );
}

/** The message shown above the button: the server's when no field took it, else a whole-request problem. */
export function footerMessage(
  problems: readonly RuleProblem[],
  serverProblem: RuleProblem | null,
  fieldNames: readonly string[],
  showAll: boolean,
): string | null {
  if (serverProblem && !fieldNames.includes(serverProblem.field)) return serverProblem.message;
  if (!showAll) return null;
  return problems.find((p) => !fieldNames.includes(p.field))?.message ?? null;
}

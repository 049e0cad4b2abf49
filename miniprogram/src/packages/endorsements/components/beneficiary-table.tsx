import { Input, Text, View } from '@tarojs/components';
import {
  BENEFICIARY_RELATIONS,
  type BeneficiaryInput,
  FULL_SHARE_BASIS_POINTS,
  formatShare,
  MAX_BENEFICIARIES,
  splitCentsByShares,
} from '@zhixiang/shared/endorsement/beneficiary-change';
import type { RuleProblem } from '@zhixiang/shared/endorsement/rule-result';
import { IdNumberField, idNumberHint } from '../../../components/id-number-field';
import { Button } from '../../../components/ui';
import { basisPointsToInputText, parsePercentToBasisPoints } from '../../../lib/money-text';

/** One row as typed: the share stays text ("33.33") until it is read as basis points. */
export interface BeneficiaryDraft {
  key: string;
  name: string;
  relation: string;
  order: number;
  shareText: string;
  idNumber: string;
}

let nextKey = 0;
export function newBeneficiaryDraft(order = 1): BeneficiaryDraft {
  nextKey += 1;
  return { key: `b${nextKey}`, name: '', relation: '', order, shareText: '', idNumber: '' };
}

/** The rows as the rule and the API take them; a share that is not a number fails the rule's range check. */
export function draftsToInputs(rows: readonly BeneficiaryDraft[]): BeneficiaryInput[] {
  return rows.map((row) => {
    const share = parsePercentToBasisPoints(row.shareText);
    return {
      name: row.name,
      relation: row.relation,
      order: row.order,
      shareBasisPoints: share?.ok ? share.value : Number.NaN,
      idNumber: row.idNumber.trim().toUpperCase(),
    };
  });
}

/** Each order's share total so far, in basis points, orders ascending. */
export function orderTotals(
  rows: readonly BeneficiaryDraft[],
): Array<{ order: number; basisPoints: number }> {
  const totals = new Map<number, number>();
  for (const row of rows) {
    const share = parsePercentToBasisPoints(row.shareText);
    totals.set(row.order, (totals.get(row.order) ?? 0) + (share?.ok ? share.value : 0));
  }
  return [...totals.entries()]
    .sort(([a], [b]) => a - b)
    .map(([order, basisPoints]) => ({ order, basisPoints }));
}

/** Splits 100% equally among one order's rows; the parts sum to exactly 100% (largest remainder). */
export function splitOrderEvenly(rows: readonly BeneficiaryDraft[], order: number): BeneficiaryDraft[] {
  const members = rows.filter((row) => row.order === order);
  const parts = splitCentsByShares(
    FULL_SHARE_BASIS_POINTS,
    members.map(() => 1),
  );
  let i = 0;
  return rows.map((row) =>
    row.order === order ? { ...row, shareText: basisPointsToInputText(parts[i++] ?? 0) } : row,
  );
}

/** The problem the rule (or the server) reported for one field of one row. */
function problemAt(problems: readonly RuleProblem[], index: number, field: string): string | null {
  return problems.find((p) => p.field === `beneficiaries[${index}].${field}`)?.message ?? null;
}

/**
 * The beneficiaries (受益人) as an editable table: name, relation to the insured, order (顺位), share
 * and ID number per row, each order's total shown live. Problems come from the same rule the
 * server runs (`checkBeneficiaryChange`); a field's problem shows once it has been typed in, or
 * every problem once the customer has tried to go on (`showAll`).
 */
export function BeneficiaryTable(props: {
  rows: BeneficiaryDraft[];
  onChange: (rows: BeneficiaryDraft[]) => void;
  problems: readonly RuleProblem[];
  showAll: boolean;
}) {
  const { rows, onChange, problems, showAll } = props;
  const update = (key: string, change: Partial<BeneficiaryDraft>) =>
    onChange(rows.map((row) => (row.key === key ? { ...row, ...change } : row)));
  const tableProblems = problems.filter((p) => p.field === 'beneficiaries').map((p) => p.message);
  const totals = orderTotals(rows);
  const maxOrder = Math.max(1, ...rows.map((row) => row.order));

  return (
    <View className="zx-beneficiaries" data-testid="beneficiary-table">
      {rows.map((row, index) => {
        const shown = (field: keyof BeneficiaryDraft, typed: boolean) =>
          showAll || typed
            ? problemAt(problems, index, field === 'shareText' ? 'shareBasisPoints' : field)
            : null;
        const nameProblem = shown('name', row.name !== '');
        const relationProblem = shown('relation', row.relation !== '');
        const shareProblem = shown('shareText', row.shareText !== '');
        const shareFormat = parsePercentToBasisPoints(row.shareText);
        // The ID field says why a partly typed number cannot be valid; the rule adds duplicates and the insured.
        const idProblem = idNumberHint(row.idNumber) ? null : shown('idNumber', row.idNumber.length === 18);
        return (
          <View key={row.key} className="zx-card zx-beneficiaries__row" data-testid="beneficiary-row">
            <View className="zx-beneficiaries__head">
              <Text className="zx-card__title">受益人 {index + 1}</Text>
              {rows.length > 1 ? (
                <Text
                  className="zx-beneficiaries__remove"
                  data-testid="beneficiary-remove"
                  onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
                >
                  删除
                </Text>
              ) : null}
            </View>
            <View className="zx-field">
              <Text className="zx-field__label">姓名</Text>
              <Input
                className="zx-field__input"
                placeholder="受益人姓名"
                value={row.name}
                onInput={(event) => update(row.key, { name: event.detail.value })}
              />
              {nameProblem ? <Text className="zx-field__error">{nameProblem}</Text> : null}
            </View>
            <View className="zx-field">
              <Text className="zx-field__label">与被保险人关系</Text>
              <View className="zx-chips">
                {BENEFICIARY_RELATIONS.map((relation) => (
                  <Text
                    key={relation}
                    className={`zx-chip ${row.relation === relation ? 'zx-chip--on' : ''}`}
                    data-testid="relation-chip"
                    onClick={() => update(row.key, { relation })}
                  >
                    {relation}
                  </Text>
                ))}
              </View>
              {relationProblem ? <Text className="zx-field__error">{relationProblem}</Text> : null}
            </View>
            <View className="zx-beneficiaries__split">
              <View className="zx-field zx-beneficiaries__order">
                <Text className="zx-field__label">受益顺位</Text>
                <View className="zx-stepper">
                  <Text
                    className="zx-stepper__button"
                    data-testid="order-down"
                    onClick={() => row.order > 1 && update(row.key, { order: row.order - 1 })}
                  >
                    −
                  </Text>
                  <Text className="zx-stepper__value" data-testid="order-value">
                    第 {row.order} 顺位
                  </Text>
                  <Text
                    className="zx-stepper__button"
                    data-testid="order-up"
                    onClick={() => row.order < maxOrder + 1 && update(row.key, { order: row.order + 1 })}
                  >
                    ＋
                  </Text>
                </View>
              </View>
              <View className="zx-field zx-beneficiaries__share">
                <Text className="zx-field__label">受益比例（%）</Text>
                <Input
                  className="zx-field__input"
                  type="digit"
                  placeholder="例如 50"
                  value={row.shareText}
                  onInput={(event) => update(row.key, { shareText: event.detail.value })}
                />
              </View>
            </View>
            {shareFormat && !shareFormat.ok ? (
              <Text className="zx-field__error">{shareFormat.message}</Text>
            ) : shareProblem ? (
              <Text className="zx-field__error">{shareProblem}</Text>
            ) : null}
            <IdNumberField value={row.idNumber} onChange={(idNumber) => update(row.key, { idNumber })} />
            {idProblem ? <Text className="zx-field__error">{idProblem}</Text> : null}
          </View>
        );
      })}

      <View className="zx-card zx-beneficiaries__totals" data-testid="share-totals">
        {totals.map(({ order, basisPoints }) => {
          const complete = basisPoints === FULL_SHARE_BASIS_POINTS;
          return (
            <View key={order} className="zx-beneficiaries__total">
              <Text className={complete ? 'zx-ok-text' : 'zx-error-text'} data-testid="share-total">
                第 {order} 顺位合计 {formatShare(basisPoints)}
                {complete ? ' ✓' : `（应为 100%）`}
              </Text>
              <Text
                className="zx-primary-text zx-beneficiaries__even"
                onClick={() => onChange(splitOrderEvenly(rows, order))}
              >
                平均分配
              </Text>
            </View>
          );
        })}
        {(showAll ? tableProblems : []).map((message) => (
          <Text key={message} className="zx-field__error" data-testid="table-error">
            {message}
          </Text>
        ))}
      </View>

      {rows.length < MAX_BENEFICIARIES ? (
        <Button
          fill="outline"
          block
          data-testid="beneficiary-add"
          onClick={() => onChange([...rows, newBeneficiaryDraft(maxOrder)])}
        >
          添加受益人
        </Button>
      ) : null}
    </View>
  );
}

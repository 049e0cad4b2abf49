import { Text, View } from '@tarojs/components';
import {
  type BeneficiaryRelation,
  checkBeneficiaryChange,
} from '@zhixiang/shared/endorsement/beneficiary-change';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import { useState } from 'react';
import { basisPointsToInputText } from '../../../lib/money-text';
import {
  type BeneficiaryDraft,
  BeneficiaryTable,
  draftsToInputs,
  newBeneficiaryDraft,
} from '../components/beneficiary-table';
import { FormFooter, type FormProps } from './form-parts';

/**
 * 受益人变更: the current beneficiaries as the starting rows (their ID numbers are masked on the
 * server's side, so each must be typed again in full), checked as typed by the shared rule.
 */
export function BeneficiaryChangeForm({ options, serverProblem, busy, onEdit, onCreate }: FormProps) {
  const [rows, setRows] = useState<BeneficiaryDraft[]>(() =>
    options.beneficiaries.length > 0
      ? options.beneficiaries.map((b) => ({
          ...newBeneficiaryDraft(b.order),
          name: b.name,
          relation: b.relation,
          shareText: basisPointsToInputText(b.shareBasisPoints),
        }))
      : [newBeneficiaryDraft()],
  );
  const [showAll, setShowAll] = useState(false);
  const inputs = draftsToInputs(rows);
  const result = checkBeneficiaryChange(inputs, {
    holderId: options.holder.customerId,
    insuredId: options.insured.customerId,
    // The insured's number stays on the server, which refuses naming the insured.
    insuredIdNumber: '',
    current: [],
    today: todayInShanghai(),
  });
  const problems = [...(result.ok ? [] : result.problems), ...(serverProblem ? [serverProblem] : [])];
  const consent = options.options.find((o) => o.type === 'beneficiary_change')?.insuredConsentRequired;

  const next = () => {
    setShowAll(true);
    // The rule has checked every relation against the list, so the narrowing is safe.
    if (result.ok)
      onCreate({
        type: 'beneficiary_change',
        beneficiaries: inputs.map((b) => ({ ...b, relation: b.relation as BeneficiaryRelation })),
      });
  };
  const general =
    serverProblem && !serverProblem.field.startsWith('beneficiaries') ? serverProblem.message : null;

  return (
    <View>
      <View className="zx-notice" data-testid="beneficiary-notice">
        同一顺位内各受益人的受益比例合计须为
        100%；第一顺位全部身故或放弃后，由下一顺位受益。现有受益人的身份证号码已隐藏，请重新完整填写。
        {consent ? (
          <Text>
            被保险人{options.insured.name}须本人验证身份并签署同意书后方可提交（保险法第三十九条）。
          </Text>
        ) : null}
      </View>
      <BeneficiaryTable
        rows={rows}
        onChange={(next) => {
          setRows(next);
          onEdit();
        }}
        problems={problems}
        showAll={showAll || serverProblem !== null}
      />
      <FormFooter message={general} busy={busy} onNext={next} />
    </View>
  );
}

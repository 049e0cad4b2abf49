import { Text } from '@tarojs/components';
import type { AuthorisationView } from '@zhixiang/shared/authorisations/schemas';
import { formatDateCn } from '@zhixiang/shared/format/dates';

/**
 * The power of attorney's fields as every response shows them (numbers masked), one line each:
 * the customer's own page says 您的证件, the reviewer's 客户证件.
 */
export function FieldsSummary({
  fields,
  documentLabel,
}: {
  fields: AuthorisationView['fields'];
  documentLabel: '您的证件' | '客户证件';
}) {
  return (
    <>
      <Text className="zx-muted">保单 {fields.policyNos.join('、')}</Text>
      <Text className="zx-muted">事项 {fields.matters.map((m) => m.label).join('、')}</Text>
      <Text className="zx-muted">
        受托人 {fields.trustee.name}（{fields.trustee.relation}，{fields.trustee.idTypeLabel}{' '}
        {fields.trustee.idNumberMasked}，手机 {fields.trustee.phoneMasked}）
      </Text>
      {fields.refundAccount ? (
        <Text className="zx-muted">
          退费账户 {fields.refundAccount.bankName} {fields.refundAccount.accountMasked}
        </Text>
      ) : null}
      <Text className="zx-muted">委托期限至 {formatDateCn(fields.validUntil)}</Text>
      <Text className="zx-muted">
        {documentLabel} {fields.document.typeLabel} {fields.document.numberMasked}，有效期至{' '}
        {formatDateCn(fields.document.expiresOn)}
      </Text>
    </>
  );
}

import { formatDateCn } from '../format/dates';
import { maskBankAccount, maskIdNumber, maskPhone } from '../privacy/mask';
import {
  CUSTOMER_DOCUMENT_TYPES,
  matterLabel,
  type PowerOfAttorney,
  TRUSTEE_ID_TYPES,
} from './power-of-attorney';

/**
 * The read-aloud script (朗读文本) of a video authorisation, generated from exactly the power of
 * attorney's fields so that the recording states every element of it. The customer reads it in
 * full, so the numbers are whole; every staff or agent view renders it `masked`.
 */
export function readAloudScript(
  poa: PowerOfAttorney,
  grantor: { name: string },
  /** The day the customer records, Asia/Shanghai `YYYY-MM-DD`. */
  today: string,
  options: { masked?: boolean } = {},
): string {
  const id = (n: string) => (options.masked ? maskIdNumber(n) : n);
  const { trustee, document } = poa;
  const refund = poa.refundAccount
    ? `退费请转入本人在${poa.refundAccount.bankName}的账户 ${
        options.masked ? maskBankAccount(poa.refundAccount.accountNumber) : poa.refundAccount.accountNumber
      }`
    : '本次委托不涉及退费';
  return [
    `本人 ${grantor.name}，${CUSTOMER_DOCUMENT_TYPES[document.type]}号码 ${id(document.number)}，`,
    `自愿委托 ${trustee.name}（${trustee.relation}，${TRUSTEE_ID_TYPES[trustee.idType]} ${id(trustee.idNumber)}，`,
    `手机 ${options.masked ? maskPhone(trustee.phone) : trustee.phone}）`,
    `办理保单 ${poa.policyNos.join('、')} 的${poa.matters.map(matterLabel).join('、')}，`,
    `${refund}，委托期限至 ${formatDateCn(poa.validUntil)}，今天是 ${formatDateCn(today)}。`,
  ].join('');
}

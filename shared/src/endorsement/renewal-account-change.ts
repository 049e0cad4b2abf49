import { maskBankAccount } from '../privacy/mask';
import { accept, type RuleProblem, type RuleResult, refuse } from './rule-result';
import { type SupportedBank, supportedBanks } from './settings';

/**
 * Renewal account change (续期缴费账户变更): premiums may only be collected from the
 * policyholder's own card (the card holder's name equals the policyholder's), the card number
 * passes the Luhn check (ISO/IEC 7812-1) and its issuer prefix (BIN) belongs to a bank the insurer
 * collects from (config/supported-banks.json). The bank's own account-name check at the first
 * collection is the final proof; this rule stops the obvious mistakes before that.
 */
export interface RenewalAccountRequest {
  cardHolderName: string;
  cardNumber: string;
}

export interface RenewalAccountOutcome {
  bankCode: string;
  bankName: string;
  accountNumber: string;
  accountMasked: string;
  beforeMasked: string | null;
}

export function checkRenewalAccountChange(
  request: RenewalAccountRequest,
  ctx: { holderName: string; current: { accountNumber: string } | null },
  banks: readonly SupportedBank[] = supportedBanks,
): RuleResult<RenewalAccountOutcome> {
  const problems: RuleProblem[] = [];
  if (normaliseName(request.cardHolderName) !== normaliseName(ctx.holderName))
    problems.push({
      field: 'cardHolderName',
      message: '银行卡户名须与投保人姓名一致，请使用投保人本人的银行卡',
    });

  const number = request.cardNumber.replace(/[\s-]/g, '');
  let bank: SupportedBank | null = null;
  if (!/^\d{16,19}$/.test(number))
    problems.push({ field: 'cardNumber', message: `银行卡号应为 16–19 位数字，当前为 ${number.length} 位` });
  else if (!isLuhnValid(number))
    problems.push({ field: 'cardNumber', message: '银行卡号校验未通过，请核对后重新输入' });
  else {
    bank = findBankByBin(number, banks);
    if (!bank)
      problems.push({
        field: 'cardNumber',
        message: `暂不支持该银行卡，请使用以下银行的借记卡：${banks.map((b) => b.name).join('、')}`,
      });
  }
  if (problems.length > 0 || !bank) return refuse(problems);
  if (ctx.current?.accountNumber === number)
    return refuse([{ field: 'cardNumber', message: '新银行卡与当前续期缴费账户相同，无需变更' }]);
  return accept({
    bankCode: bank.code,
    bankName: bank.name,
    accountNumber: number,
    accountMasked: maskBankAccount(number),
    beforeMasked: ctx.current ? maskBankAccount(ctx.current.accountNumber) : null,
  });
}

/** Names compare without spaces and with every middle-dot variant of minority names as "·". */
function normaliseName(name: string): string {
  return name.replace(/\s+/g, '').replace(/[•・‧∙⋅．.]/g, '·');
}

/** The Luhn (mod 10) check digit for `payload` (the number without its last digit). */
export function luhnCheckDigit(payload: string): number {
  let sum = 0;
  for (let i = 0; i < payload.length; i++) {
    // Doubling starts at the rightmost payload digit (the check digit will sit to its right).
    let d = Number(payload[payload.length - 1 - i]);
    if (i % 2 === 0) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

export function isLuhnValid(number: string): boolean {
  if (!/^\d{2,}$/.test(number)) return false;
  return luhnCheckDigit(number.slice(0, -1)) === Number(number[number.length - 1]);
}

/** The bank whose longest BIN prefix matches the card number, if any. */
export function findBankByBin(
  number: string,
  banks: readonly SupportedBank[] = supportedBanks,
): SupportedBank | null {
  let best: { bank: SupportedBank; length: number } | null = null;
  for (const bank of banks)
    for (const prefix of bank.binPrefixes)
      if (number.startsWith(prefix) && prefix.length > (best?.length ?? 0))
        best = { bank, length: prefix.length };
  return best?.bank ?? null;
}

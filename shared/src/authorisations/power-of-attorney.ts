import * as z from 'zod/mini';
import { MAINLAND_MOBILE } from '../endorsement/contact-change';
import { checkRenewalAccountChange } from '../endorsement/renewal-account-change';
import { accept, type RuleProblem, type RuleResult, refuse } from '../endorsement/rule-result';
import { ENDORSEMENT_TYPE_LABELS, type EndorsementType } from '../endorsement/types';
import { addDays } from '../format/dates';
import { isoDaySchema, singleLine } from '../format/input';
import { checkIdNumber } from '../identity/id-number';

/**
 * The power of attorney an overseas policyholder gives by recorded video (境外客户录像授权): the
 * same elements as the paper form — the policies, the trustee, the matters entrusted, the account
 * any refund goes to, the validity — plus the customer's own travel document, whose photo page is
 * uploaded beside it.
 */

/** The matters a trustee may be entrusted with, named as the endorsement engine names them. */
export const AUTHORISED_MATTERS = [
  'surrender',
  'policy_loan',
  'dividend_withdrawal',
  'beneficiary_change',
  'contact_change',
  'renewal_account_change',
] as const satisfies readonly EndorsementType[];
export type AuthorisedMatter = (typeof AUTHORISED_MATTERS)[number];

/** Matters that pay money out: a refund account is required when any of them is entrusted. */
export const MONEY_MATTERS: readonly AuthorisedMatter[] = ['surrender', 'policy_loan', 'dividend_withdrawal'];

export function movesMoney(matters: readonly AuthorisedMatter[]): boolean {
  return matters.some((m) => MONEY_MATTERS.includes(m));
}

export function matterLabel(matter: AuthorisedMatter): string {
  return ENDORSEMENT_TYPE_LABELS[matter];
}

/** The longest validity a customer may give, counted from the day the draft is checked. */
export const MAX_VALIDITY_DAYS = 90;
export const MAX_POLICIES = 10;

/** The customer's own travel document: those living abroad hold no mainland ID card. */
export const CUSTOMER_DOCUMENT_TYPES = {
  passport: '护照',
  hk_macau_permit: '港澳居民来往内地通行证',
  taiwan_permit: '台湾居民来往大陆通行证',
} as const;
export type CustomerDocumentType = keyof typeof CUSTOMER_DOCUMENT_TYPES;

export const TRUSTEE_ID_TYPES = {
  id_card: '居民身份证',
  ...CUSTOMER_DOCUMENT_TYPES,
} as const;
export type TrusteeIdType = keyof typeof TRUSTEE_ID_TYPES;

export const TRUSTEE_RELATIONS = ['配偶', '父母', '子女', '兄弟姐妹', '其他亲属', '朋友'] as const;

/* @__NO_SIDE_EFFECTS__ */
const keys = <T extends Record<string, string>>(record: T) =>
  Object.keys(record) as [keyof T & string, ...(keyof T & string)[]];

// Messages naming a constant are built by functions marked pure, so that a bundle without the
// schema drops it (esbuild keeps a template literal's interpolation as a possible side effect).
/* @__NO_SIDE_EFFECTS__ */
const policiesAtMost = () => `一次委托最多 ${MAX_POLICIES} 张保单`;
/* @__NO_SIDE_EFFECTS__ */
const relationChoice = () => `与受托人的关系请从列表中选择（${TRUSTEE_RELATIONS.join('、')}）`;
/* @__NO_SIDE_EFFECTS__ */
const name = (label: string) =>
  z
    .string(`请填写${label}`)
    .check(
      z.trim(),
      z.minLength(2, `${label}至少 2 个字`),
      z.maxLength(30, `${label}不能超过 30 个字`),
      singleLine(label),
    );
/* @__NO_SIDE_EFFECTS__ */
const documentNumber = (label: string) =>
  z
    .string(`请填写${label}`)
    .check(z.trim(), z.toUpperCase(), z.minLength(1, `请填写${label}`), z.maxLength(20, `${label}过长`));

export const PowerOfAttorneyInputSchema = z.strictObject({
  policyNos: z
    .array(z.string('保单号应为文字').check(z.maxLength(30, '保单号过长')), '请选择委托办理的保单')
    .check(z.minLength(1, '请至少选择一张保单'), z.maxLength(MAX_POLICIES, policiesAtMost())),
  matters: z
    .array(z.enum(AUTHORISED_MATTERS, '委托事项请从列表中选择'), '请选择委托事项')
    .check(z.minLength(1, '请至少选择一项委托事项')),
  trustee: z.strictObject(
    {
      name: name('受托人姓名'),
      idType: z.enum(keys(TRUSTEE_ID_TYPES), '请选择受托人证件类型'),
      idNumber: documentNumber('受托人证件号码'),
      relation: z.enum(TRUSTEE_RELATIONS, relationChoice()),
      phone: z.string('请填写受托人手机号码').check(z.trim()),
    },
    '请填写受托人信息',
  ),
  /** The policyholder's own card any refund goes to; required when a matter moves money. */
  refundAccount: z.optional(
    z.strictObject({
      cardHolderName: name('银行卡户名'),
      cardNumber: z.string('银行卡号应为文字').check(z.maxLength(30, '银行卡号过长')),
    }),
  ),
  validUntil: isoDaySchema('委托期限'),
  document: z.strictObject(
    {
      type: z.enum(keys(CUSTOMER_DOCUMENT_TYPES), '请选择您的证件类型'),
      number: documentNumber('证件号码'),
      expiresOn: isoDaySchema('证件有效期'),
    },
    '请填写您的证件信息',
  ),
});
export type PowerOfAttorneyInput = z.infer<typeof PowerOfAttorneyInputSchema>;

/** The checked power of attorney: numbers normalised, the refund card's bank named. */
export interface PowerOfAttorney {
  policyNos: string[];
  matters: AuthorisedMatter[];
  trustee: { name: string; idType: TrusteeIdType; idNumber: string; relation: string; phone: string };
  refundAccount: { cardHolderName: string; accountNumber: string; bankName: string } | null;
  validUntil: string;
  document: { type: CustomerDocumentType; number: string; expiresOn: string };
}

const DOCUMENT_NUMBER_RULES: Record<CustomerDocumentType, { pattern: RegExp; message: string }> = {
  passport: { pattern: /^[A-Z0-9]{5,17}$/, message: '护照号码应为 5–17 位字母或数字' },
  hk_macau_permit: {
    pattern: /^[HM]\d{8}(\d{2})?$/,
    message: '港澳居民来往内地通行证号码应为 H 或 M 开头加 8 位或 10 位数字',
  },
  taiwan_permit: { pattern: /^\d{8}(\d{2})?$/, message: '台湾居民来往大陆通行证号码应为 8 位或 10 位数字' },
};

function documentNumberProblem(
  type: CustomerDocumentType | 'id_card',
  number: string,
  today: string,
): string | null {
  if (type === 'id_card') {
    const checked = checkIdNumber(number, today);
    return checked.ok ? null : checked.message;
  }
  const rule = DOCUMENT_NUMBER_RULES[type];
  return rule.pattern.test(number) ? null : rule.message;
}

/** What the rule knows about the customer giving the power of attorney. */
export interface GrantorContext {
  /** The customer's name on record; the refund card must be in this name. */
  name: string;
  /** The customer's own ID number and phone on record, to recognise them named as their own trustee. */
  idNumber: string | null;
  phone: string | null;
  /** The policies the customer holds, any other is refused. */
  ownPolicyNos: readonly string[];
  /** Asia/Shanghai `YYYY-MM-DD`. */
  today: string;
}

/**
 * Every rule of the power of attorney, all problems at once: only the customer's own policies;
 * the trustee's ID valid for its type and a mainland mobile to reach them; the trustee is not the
 * customer; a refund card in the customer's own name (Luhn, supported bank) exactly when money
 * moves; a validity from tomorrow up to {@link MAX_VALIDITY_DAYS} days; the customer's document
 * number well-formed for its type and not expired.
 */
export function checkPowerOfAttorney(
  input: PowerOfAttorneyInput,
  grantor: GrantorContext,
): RuleResult<PowerOfAttorney> {
  const problems: RuleProblem[] = [];
  const policyNos = [...new Set(input.policyNos.map((p) => p.trim()))];
  for (const policyNo of policyNos)
    if (!grantor.ownPolicyNos.includes(policyNo))
      problems.push({ field: 'policyNos', message: `保单 ${policyNo} 不是您作为投保人的保单，不能委托办理` });
  const matters = AUTHORISED_MATTERS.filter((m) => input.matters.includes(m));

  const trustee = input.trustee;
  const trusteeIdProblem = documentNumberProblem(trustee.idType, trustee.idNumber, grantor.today);
  if (trusteeIdProblem) problems.push({ field: 'trustee.idNumber', message: `受托人${trusteeIdProblem}` });
  if (!MAINLAND_MOBILE.test(trustee.phone))
    problems.push({ field: 'trustee.phone', message: '受托人手机号码应为 11 位中国大陆手机号码' });
  const document = input.document;
  const ownNumbers = [grantor.idNumber?.toUpperCase(), document.number].filter(Boolean);
  if (ownNumbers.includes(trustee.idNumber) || (grantor.phone !== null && grantor.phone === trustee.phone))
    problems.push({ field: 'trustee', message: '受托人不能是您本人，请填写您委托的另一位人士' });

  let refundAccount: PowerOfAttorney['refundAccount'] = null;
  if (movesMoney(matters)) {
    if (!input.refundAccount)
      problems.push({
        field: 'refundAccount',
        message: '委托事项包含退保、保单贷款或红利领取，请填写您本人的退费银行账户',
      });
    else {
      const card = checkRenewalAccountChange(input.refundAccount, {
        holderName: grantor.name,
        current: null,
      });
      if (card.ok)
        refundAccount = {
          cardHolderName: input.refundAccount.cardHolderName,
          accountNumber: card.value.accountNumber,
          bankName: card.value.bankName,
        };
      else problems.push(...card.problems.map((p) => ({ ...p, field: `refundAccount.${p.field}` })));
    }
  } else if (input.refundAccount)
    problems.push({ field: 'refundAccount', message: '所选委托事项不涉及退费，无需填写退费账户' });

  const latest = addDays(grantor.today, MAX_VALIDITY_DAYS);
  if (input.validUntil <= grantor.today)
    problems.push({ field: 'validUntil', message: '委托期限须晚于今天' });
  else if (input.validUntil > latest)
    problems.push({
      field: 'validUntil',
      message: `委托期限最长 ${MAX_VALIDITY_DAYS} 天，最晚可至 ${latest}`,
    });

  const documentProblem = documentNumberProblem(document.type, document.number, grantor.today);
  if (documentProblem) problems.push({ field: 'document.number', message: documentProblem });
  if (document.expiresOn < grantor.today)
    problems.push({
      field: 'document.expiresOn',
      message: `您的${CUSTOMER_DOCUMENT_TYPES[document.type]}已于 ${document.expiresOn} 过期，请使用有效证件`,
    });

  if (problems.length > 0) return refuse(problems);
  return accept({
    policyNos,
    matters,
    trustee: { ...trustee },
    refundAccount,
    validUntil: input.validUntil,
    document: { ...document },
  });
}

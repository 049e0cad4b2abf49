import { accept, type RuleProblem, type RuleResult, refuse } from './rule-result';

/**
 * Contact change (联系方式变更): phone, address and email, effective at once. The new phone must
 * later be confirmed by an SMS code sent to it (`newPhoneNeedsConfirmation`); this rule only
 * decides whether the request is well formed and what changes.
 */
export interface ContactDetails {
  phone: string;
  address: string | null;
  email: string | null;
}

export type ContactField = keyof ContactDetails;

export interface ContactChangeRequest {
  phone?: string;
  address?: string;
  email?: string;
}

export interface FieldChange<F extends string = string> {
  field: F;
  before: string | null;
  after: string | null;
}

export interface ContactChangeOutcome {
  changes: FieldChange<ContactField>[];
  after: ContactDetails;
  newPhoneNeedsConfirmation: boolean;
}

/** Mainland mobile numbers: 11 digits starting 13–19 (MIIT numbering plan). */
export const MAINLAND_MOBILE = /^1[3-9]\d{9}$/;
export const ADDRESS_MIN_LENGTH = 5;
export const ADDRESS_MAX_LENGTH = 120;
export const EMAIL_MAX_LENGTH = 254;
// Deliberately simple: one @, a dot in the domain, no spaces. Deliverability is proven by use.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function checkContactChange(
  current: ContactDetails,
  request: ContactChangeRequest,
): RuleResult<ContactChangeOutcome> {
  const problems: RuleProblem[] = [];
  const after: ContactDetails = { ...current };
  const blank = (value: string | undefined) => value === undefined || value.trim() === '';
  // Nothing filled in at all: say what to fill in, not that it equals what is on file.
  if (blank(request.phone) && blank(request.address) && request.email === undefined)
    return refuse([{ field: 'request', message: '请至少填写新的手机号码、联系地址或电子邮箱中的一项' }]);

  if (request.phone !== undefined) {
    const phone = request.phone.replace(/[\s-]/g, '');
    if (!/^\d{11}$/.test(phone))
      problems.push({ field: 'phone', message: `手机号码应为 11 位数字，当前为 ${phone.length} 位` });
    else if (!MAINLAND_MOBILE.test(phone))
      problems.push({ field: 'phone', message: '请输入以 13–19 开头的中国大陆手机号码' });
    after.phone = phone;
  }
  if (request.address !== undefined) {
    const address = request.address.trim().replace(/\s+/g, ' ');
    const length = [...address].length;
    if (length < ADDRESS_MIN_LENGTH)
      problems.push({
        field: 'address',
        message: `联系地址过短，请填写到街道门牌号（至少 ${ADDRESS_MIN_LENGTH} 个字）`,
      });
    else if (length > ADDRESS_MAX_LENGTH)
      problems.push({
        field: 'address',
        message: `联系地址不能超过 ${ADDRESS_MAX_LENGTH} 个字，当前 ${length} 个字`,
      });
    after.address = address;
  }
  if (request.email !== undefined) {
    const email = request.email.trim().toLowerCase();
    if (email === '') after.email = null;
    else {
      if (email.length > EMAIL_MAX_LENGTH || !EMAIL.test(email))
        problems.push({ field: 'email', message: '电子邮箱格式不正确，例如 zhangsan@example.com' });
      after.email = email;
    }
  }
  if (problems.length > 0) return refuse(problems);

  const changes = (['phone', 'address', 'email'] as const)
    .filter((field) => after[field] !== current[field])
    .map((field) => ({ field, before: current[field], after: after[field] }));
  if (changes.length === 0)
    return refuse([{ field: 'request', message: '新的联系方式与原来相同，无需变更' }]);
  return accept({ changes, after, newPhoneNeedsConfirmation: after.phone !== current.phone });
}

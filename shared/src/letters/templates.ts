import { type Brand, brand as defaultBrand } from '../brand';
import { formatDateCn } from '../format/dates';
import { formatYuan } from '../format/money';
import { LETTER_TYPE_NAMES, type LetterContent, type LetterType } from './model';

/**
 * The letter templates (Chinese; the insurer's name and phone from the brand configuration):
 * each letter type turns the facts of one event into a title, a greeting, paragraphs and a table
 * of facts. The PDF renderer lays this out; the in-app view shows the same content.
 */
export interface LetterFacts {
  holderName: string;
  policyNo: string;
  productName: string;
  /** The premium, dividend or interest amount concerned, in cents. */
  amountCents?: number;
  /** The debit or due date concerned (`YYYY-MM-DD`). */
  dueDate?: string;
  /** The next due date after a successful debit. */
  nextDueDate?: string | null;
  bankName?: string;
  /** Always masked (`**** **** **** 0123`). */
  accountMasked?: string;
  /** The e-endorsement this letter confirms (endorsement_confirmation). */
  documentId?: string;
  changeType?: string;
  /** The day the endorsement took effect (`YYYY-MM-DD`, Asia/Shanghai). */
  effectiveDate?: string;
  /** Why the debit failed, as the bank reported it. */
  failureReason?: string;
  /** complaint_decision: the reference number, its category, the decision in the handler's words. */
  complaintId?: string;
  complaintCategory?: string;
  decision?: string;
  /** complaint_decision: when it was received and decided (`YYYY-MM-DD`, Asia/Shanghai). */
  receivedDate?: string;
  decidedDate?: string;
  /** complaint_decision: how many days after the decision the complainant may re-open it in the app. */
  reopenWindowDays?: number;
  /** authorisation_decision: the authorisation, approved or not, and (approved) its scope. */
  authorisationId?: string;
  authorisationApproved?: boolean;
  trusteeName?: string;
  matterNames?: string;
  /** authorisation_decision: the last day of the validity (`YYYY-MM-DD`). */
  validUntil?: string;
  /** authorisation_decision, rejected: days within which the customer may appeal before the recording is deleted. */
  appealWindowDays?: number;
}

/** What composeLetter returns; declared beside the letter record that keeps it. */

const money = (cents: number | undefined) => (cents === undefined ? '—' : formatYuan(cents));
const date = (iso: string | undefined | null) => (iso ? formatDateCn(iso) : '—');

export function composeLetter(
  type: LetterType,
  facts: LetterFacts,
  brand: Brand = defaultBrand,
): LetterContent {
  const policyFacts: [string, string][] = [
    ['保单号', facts.policyNo],
    ['险种名称', facts.productName],
  ];
  const account = facts.bankName ? `${facts.bankName} ${facts.accountMasked ?? ''}`.trim() : '—';
  const closing = `如有疑问，请致电${brand.insurerName}客服热线 ${brand.servicePhone}，或在「${brand.serviceName}」中咨询${brand.assistantName}。`;
  const base = { title: LETTER_TYPE_NAMES[type], greeting: `尊敬的${facts.holderName}：` };
  switch (type) {
    case 'pre_debit_notice':
      return {
        ...base,
        paragraphs: [
          `您的保单续期保费将于${date(facts.dueDate)}从您的续期账户扣缴，请在扣款日前确保账户余额充足。`,
          closing,
        ],
        facts: [
          ...policyFacts,
          ['应缴保费', money(facts.amountCents)],
          ['扣款日期', date(facts.dueDate)],
          ['扣款账户', account],
        ],
      };
    case 'debit_success_notice':
      return {
        ...base,
        paragraphs: [
          `您的保单续期保费已于${date(facts.dueDate)}扣缴成功，保障持续有效。感谢您的信任。`,
          closing,
        ],
        facts: [
          ...policyFacts,
          ['实缴保费', money(facts.amountCents)],
          ['扣款日期', date(facts.dueDate)],
          ['扣款账户', account],
          ['下次应缴日', date(facts.nextDueDate)],
        ],
      };
    case 'debit_failure_notice':
      return {
        ...base,
        paragraphs: [
          `您的保单续期保费于${date(facts.dueDate)}扣缴未成功（${facts.failureReason ?? '银行未说明原因'}）。`,
          '请在 60 天宽限期内缴费以免保单效力中止：可在续期账户存足余额等待再次扣款，或在小程序「保单」中变更续期账户，或前往柜面缴费。',
          closing,
        ],
        facts: [
          ...policyFacts,
          ['应缴保费', money(facts.amountCents)],
          ['应缴日期', date(facts.dueDate)],
          ['扣款账户', account],
        ],
      };
    case 'endorsement_confirmation':
      return {
        ...base,
        paragraphs: [
          `您申请的保全变更（${facts.changeType ?? '保全变更'}）已生效，电子批单${facts.documentId ? ` ${facts.documentId} ` : ''}已签章，与纸质批单具有同等效力。您可以在「${brand.serviceName}」的「我的批单」中查看和下载，或在「电子批单验真」中输入批单号核验真伪。`,
          closing,
        ],
        facts: [
          ...policyFacts,
          ['批单号', facts.documentId ?? '—'],
          ['变更项目', facts.changeType ?? '—'],
          ['生效日期', date(facts.effectiveDate)],
          // Loans, withdrawals and surrenders name the amount paid or lent.
          ...(facts.amountCents === undefined
            ? []
            : [['涉及金额', money(facts.amountCents)] as [string, string]]),
        ],
      };
    case 'dividend_statement':
      return {
        ...base,
        paragraphs: ['本保单年度的红利分配结果如下。红利分配具有不确定性，过往红利不代表未来表现。', closing],
        facts: [...policyFacts, ['本年度红利', money(facts.amountCents)], ['分配日期', date(facts.dueDate)]],
      };
    case 'anniversary_report':
      return {
        ...base,
        paragraphs: ['感谢您一年来的信任。以下是您的保单周年概况。', closing],
        facts: [...policyFacts, ['周年日', date(facts.dueDate)]],
      };
    case 'lapse_warning':
      return {
        ...base,
        paragraphs: [
          `您的保单续期保费尚未缴纳，宽限期将于${date(facts.dueDate)}届满，届满仍未缴费保单效力将中止。`,
          closing,
        ],
        facts: [
          ...policyFacts,
          ['应缴保费', money(facts.amountCents)],
          ['宽限期届满日', date(facts.dueDate)],
        ],
      };
    // The decision must name every way on (银行业保险业消费投诉处理管理办法: 核查、调解、仲裁、诉讼).
    case 'complaint_decision':
      return {
        ...base,
        paragraphs: [
          `您于${date(facts.receivedDate)}提出的投诉（编号 ${facts.complaintId ?? '—'}）已于${date(facts.decidedDate)}办结，处理决定如下：`,
          facts.decision ?? '—',
          `如您对处理决定有异议，可以在办结之日起 ${facts.reopenWindowDays ?? 30} 日内，在「${brand.serviceName}」的「我的投诉」中重新提出，我们将作为新的投诉重新核查处理；也可以向当地银行业保险业纠纷调解组织申请调解；保险合同约定了仲裁条款或双方另行达成仲裁协议的，可以向约定的仲裁机构申请仲裁；您也可以依法向人民法院提起诉讼。`,
          closing,
        ],
        facts: [
          ...policyFacts,
          ['投诉编号', facts.complaintId ?? '—'],
          ['投诉类别', facts.complaintCategory ?? '—'],
          ['受理日期', date(facts.receivedDate)],
          ['办结日期', date(facts.decidedDate)],
        ],
      };
    case 'authorisation_decision':
      return {
        ...base,
        paragraphs: facts.authorisationApproved
          ? [
              `您的录像授权（编号 ${facts.authorisationId ?? '—'}）已于${date(facts.decidedDate)}审核通过，委托内容以您录像中朗读的授权文本为准：受托人${facts.trusteeName ?? ''}在委托期限内办理所委托的事项，退费仅转入您指定的账户。`,
              closing,
            ]
          : [
              `您的录像授权（编号 ${facts.authorisationId ?? '—'}）经审核未通过，原因如下：`,
              facts.decision ?? '—',
              `如对审核结果有异议，请在 ${facts.appealWindowDays ?? 30} 日内致电客服热线申诉；期满后本次录像将被删除。`,
              closing,
            ],
        facts: [
          ...policyFacts,
          ['授权编号', facts.authorisationId ?? '—'],
          ['审核结果', facts.authorisationApproved ? '通过' : '未通过'],
          ...(facts.authorisationApproved
            ? ([
                ['受托人', facts.trusteeName ?? '—'],
                ['委托事项', facts.matterNames ?? '—'],
                ['委托期限至', date(facts.validUntil)],
              ] as [string, string][])
            : []),
          ['审核日期', date(facts.decidedDate)],
        ],
      };
    case 'loan_interest_reminder':
      return {
        ...base,
        paragraphs: [
          `您的保单贷款将于${date(facts.dueDate)}到期，请按时归还本息，逾期将自动续贷或影响保单效力。`,
          closing,
        ],
        facts: [...policyFacts, ['应还利息', money(facts.amountCents)], ['到期日', date(facts.dueDate)]],
      };
  }
}

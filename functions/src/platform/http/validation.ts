import { AppError } from '@zhixiang/shared/errors';
import { hasUnsafeCharacters, UNSAFE_CHARACTERS_MESSAGE } from '@zhixiang/shared/format/input';
import * as z from 'zod/mini';
// The one locale by path: `z.locales` would bundle all of zod's ~50 languages into every handler.
import zhCN from 'zod/v4/locales/zh-CN.js';

// Chinese messages for every built-in check, once per process (schemas with their own messages keep
// them; `fieldMessage` below names the field for the rest, so the locale is the last resort).
z.config(zhCN());

/**
 * What each request field is called in the messages a caller reads, by its name (the last key of
 * its path). Schemas that give a check its own message keep it; every other problem is worded
 * from this label and the check that failed.
 */
const FIELD_LABELS: Record<string, string> = {
  acknowledgedLossCents: '退保损失金额',
  action: '操作类型',
  address: '联系地址',
  after: '起始序号',
  age: '年龄',
  amountCents: '金额（分）',
  answers: '回访问题的回答',
  applicationId: '申请编号',
  attemptId: '核验编号',
  backUploadId: '身份证反面照片',
  beneficiaries: '受益人',
  callId: '来电编号',
  callingNumber: '来电号码',
  cardChecked: '银行卡核对结果',
  cardHolderName: '银行卡户名',
  cardNumber: '银行卡号',
  category: '险种',
  channels: '通知渠道',
  close: '结束时间',
  code: '验证码',
  contentHash: '批单内容摘要',
  conversationId: '会话编号',
  coolingOffRights: '犹豫期权利的回答',
  coverageAndExclusions: '保险责任和责任免除的回答',
  customerId: '客户编号',
  date: '日期',
  decision: '审核结论',
  delivery: '送达方式',
  dividendOption: '红利领取方式',
  documentId: '批单编号',
  dueDate: '应缴日期',
  email: '电子邮箱',
  end: '结束时间',
  eventId: '活动编号',
  failureReason: '失败原因',
  from: '开始日期',
  frontUploadId: '身份证正面照片',
  handoffId: '转人工编号',
  identity: '本人身份确认的回答',
  idNumber: '身份证号码',
  intent: '意图',
  kind: '类型',
  leadDays: '提前天数',
  letterId: '信函编号',
  letterType: '信函类型',
  limit: '条数',
  name: '姓名',
  note: '备注',
  open: '是否开放',
  order: '受益顺位',
  outcome: '结果',
  payeeCard: '收款银行卡',
  paymentPeriod: '缴费期间的回答',
  paymentTerm: '缴费期',
  pdfBase64: 'PDF 文件',
  personalSignature: '本人签名的回答',
  phone: '手机号码',
  phoneCode: '短信验证码',
  points: '回访要点',
  policyNo: '保单号',
  privacyConsentVersion: '隐私保护指引版本',
  purpose: '核验用途',
  q: '搜索词',
  quietHours: '免打扰时段',
  rating: '评价',
  reason: '原因',
  refreshToken: '登录凭证',
  relation: '关系',
  resultId: '结果编号',
  results: '结果',
  reviewId: '审核编号',
  scope: '适用范围',
  seats: '坐席数',
  sensitiveConsentVersion: '身份证号码处理授权版本',
  shareBasisPoints: '受益比例',
  slotId: '时段编号',
  start: '开始时间',
  successNotice: '扣款成功通知',
  summary: '服务小结',
  surrenderLoss: '退保损失的回答',
  text: '内容',
  to: '结束日期',
  token: '凭证',
  turn: '对话轮次',
  type: '类型',
  understoodBrochure: '产品说明书的回答',
  uploadId: '上传编号',
  userId: '账号',
  verifyId: '核身会话编号',
  version: '版本号',
  videoUploadId: '自拍视频',
  weekdays: '工作日安排',
  weekends: '周末安排',
};

/** The field's label: its name's, else the nearest named parent's; `「name」` for a name without one. */
function fieldLabel(path: readonly PropertyKey[]): string {
  for (let i = path.length - 1; i >= 0; i--) {
    const key = path[i];
    if (typeof key !== 'string') continue;
    return FIELD_LABELS[key] ?? `「${key}」`;
  }
  return '请求内容';
}

const TYPE_WORDS: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: '是或否（true / false）',
  array: '列表',
};

/** The per-parse error map: a precise message for every check whose schema gives none. */
function fieldMessage(issue: z.core.$ZodRawIssue): string | undefined {
  const label = fieldLabel(issue.path ?? []);
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return `请填写${label}`;
      return TYPE_WORDS[issue.expected] ? `${label}应为${TYPE_WORDS[issue.expected]}` : `${label}格式不正确`;
    case 'too_small': {
      const minimum = Number(issue.minimum);
      if (issue.origin === 'string') return minimum <= 1 ? `请填写${label}` : `${label}至少 ${minimum} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return minimum <= 1 ? `${label}至少要有一项` : `${label}至少 ${minimum} 项`;
      return issue.inclusive ? `${label}不能小于 ${minimum}` : `${label}应大于 ${minimum}`;
    }
    case 'too_big': {
      const maximum = Number(issue.maximum);
      if (issue.origin === 'string') return `${label}不能超过 ${maximum} 个字`;
      if (issue.origin === 'array' || issue.origin === 'set') return `${label}最多 ${maximum} 项`;
      if (maximum >= Number.MAX_SAFE_INTEGER) return `${label}过大`;
      return issue.inclusive ? `${label}不能大于 ${maximum}` : `${label}应小于 ${maximum}`;
    }
    case 'invalid_value':
      return issue.values.length <= 8
        ? `${label}应为以下之一：${issue.values.map(String).join('、')}`
        : `${label}不在可选范围内`;
    case 'not_multiple_of':
      return `${label}应为 ${String(issue.divisor)} 的倍数`;
    case 'invalid_format':
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
      return `${label}格式不正确`;
    case 'custom':
      return `${label}不正确`;
    default:
      return undefined;
  }
}

/**
 * Parses a request body (or path parameters, a query string, a frame) with its shared schema. The
 * first problem becomes a 400 that names the field, in words a customer can act on. Text that
 * passes its schema is refused too when it carries invisible control or direction characters.
 */
export function parseBody<S extends z.ZodMiniType>(schema: S, body: unknown): z.output<S> {
  const result = schema.safeParse(body, { error: fieldMessage });
  if (result.success) {
    const unsafe = unsafeTextPath(result.data, []);
    if (unsafe) {
      const field = unsafe.map(String).join('.') || undefined;
      throw new AppError('VALIDATION_FAILED', `${fieldLabel(unsafe)}${UNSAFE_CHARACTERS_MESSAGE}`, {
        ...(field ? { field } : {}),
      });
    }
    return result.data;
  }
  const issue = result.error.issues[0];
  if (!issue) throw new AppError('VALIDATION_FAILED');
  if (issue.code === 'unrecognized_keys') {
    const field = [...issue.path, issue.keys[0]].join('.');
    throw new AppError('VALIDATION_FAILED', `不支持的字段：${issue.keys.join('、')}`, { field });
  }
  const field = issue.path.map(String).join('.') || undefined;
  if (issue.code === 'invalid_type' && field && valueAt(body, issue.path) === undefined) {
    throw new AppError('VALIDATION_FAILED', `缺少必填项：${field}`, { field });
  }
  if (issue.code === 'invalid_type' && !field) {
    throw new AppError('VALIDATION_FAILED', '请求内容应为 JSON 对象');
  }
  throw new AppError('VALIDATION_FAILED', issue.message, field ? { field } : {});
}

/** The path of the first string (or object key) holding an unsafe character, or null. */
function unsafeTextPath(value: unknown, path: PropertyKey[]): PropertyKey[] | null {
  if (typeof value === 'string') return hasUnsafeCharacters(value) ? path : null;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = unsafeTextPath(item, [...path, index]);
      if (found) return found;
    }
    return null;
  }
  if (typeof value === 'object' && value !== null) {
    for (const [key, item] of Object.entries(value)) {
      if (hasUnsafeCharacters(key)) return [...path, key];
      const found = unsafeTextPath(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = body;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

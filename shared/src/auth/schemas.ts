import * as z from 'zod/mini';

export const ROLES = ['customer', 'agent', 'staff', 'executive', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const BRANCH_LEVELS = ['head_office', 'branch', 'sub_branch', 'agency'] as const;
export type BranchLevel = (typeof BRANCH_LEVELS)[number];
export const BRANCH_LEVEL_LABELS: Record<BranchLevel, string> = {
  head_office: '总公司',
  branch: '分公司',
  sub_branch: '中支',
  agency: '四级机构',
};

/** The privacy guide version the client shows; bump it when the text changes. */
export const PRIVACY_GUIDE_VERSION = '2026-11-01';
/** Separate consent for processing the ID number (sensitive personal information, PIPL Art. 29). */
export const SENSITIVE_ID_CONSENT_VERSION = '2026-11-01';

const privacyConsentVersion = z.string().check(z.minLength(1, '请先阅读并同意隐私保护指引'), z.maxLength(32));

export const WechatSignInRequestSchema = z.strictObject({
  code: z.string().check(z.minLength(1, '缺少微信登录凭证'), z.maxLength(128)),
  privacyConsentVersion,
});
export type WechatSignInRequest = z.infer<typeof WechatSignInRequestSchema>;

export const DemoSignInRequestSchema = z.strictObject({
  userId: z.string().check(z.minLength(1), z.maxLength(64)),
  privacyConsentVersion,
});
export type DemoSignInRequest = z.infer<typeof DemoSignInRequestSchema>;

export const RefreshRequestSchema = z.strictObject({
  refreshToken: z.string().check(z.minLength(16), z.maxLength(256)),
});
export type RefreshRequest = z.infer<typeof RefreshRequestSchema>;

export const SignOutRequestSchema = RefreshRequestSchema;

export const BranchSchema = z.object({
  branchId: z.string(),
  name: z.string(),
  level: z.enum(BRANCH_LEVELS),
});
export type Branch = z.infer<typeof BranchSchema>;

/** Who is signed in, as the client sees it. */
export const MeSchema = z.object({
  userId: z.string(),
  role: RoleSchema,
  displayName: z.string(),
  /** Customers only: set once the WeChat user is bound to a customer record. */
  customerId: z.nullable(z.string()),
  phoneMasked: z.nullable(z.string()),
  branch: z.nullable(BranchSchema),
  privacyConsentVersion: z.nullable(z.string()),
});
export type Me = z.infer<typeof MeSchema>;

export const SessionResponseSchema = z.object({
  accessToken: z.string(),
  refreshToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number(),
  me: MeSchema,
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

export const DemoUserSchema = z.object({
  userId: z.string(),
  role: RoleSchema,
  displayName: z.string(),
  description: z.string(),
});
export const DemoUsersResponseSchema = z.object({ users: z.array(DemoUserSchema) });
export type DemoUser = z.infer<typeof DemoUserSchema>;

const name = z
  .string()
  .check(z.trim(), z.minLength(2, '请输入姓名（至少 2 个字）'), z.maxLength(30, '姓名不能超过 30 个字'));
const idNumber = z
  .string()
  .check(z.trim(), z.toUpperCase(), z.regex(/^\d{17}[\dX]$/, '请输入 18 位身份证号码'));
const phone = z.string().check(z.trim(), z.regex(/^1[3-9]\d{9}$/, '请输入 11 位手机号码'));

export const SendBindCodeRequestSchema = z.strictObject({
  name,
  idNumber,
  phone,
  sensitiveConsentVersion: z.string().check(z.minLength(1, '请先同意处理您的身份证号码'), z.maxLength(32)),
});
export type SendBindCodeRequest = z.infer<typeof SendBindCodeRequestSchema>;

export const SendBindCodeResponseSchema = z.object({
  sentTo: z.string(),
  resendAfterSeconds: z.number(),
  expiresInSeconds: z.number(),
});
export type SendBindCodeResponse = z.infer<typeof SendBindCodeResponseSchema>;

export const BindIdentityRequestSchema = z.strictObject({
  name,
  idNumber,
  phone,
  code: z.string().check(z.regex(/^\d{6}$/, '请输入 6 位数字验证码')),
  sensitiveConsentVersion: z.string().check(z.minLength(1, '请先同意处理您的身份证号码'), z.maxLength(32)),
});
export type BindIdentityRequest = z.infer<typeof BindIdentityRequestSchema>;

/** Claims inside the access token. */
export interface AccessClaims {
  sub: string;
  role: Role;
  customerId?: string;
  agentId?: string;
  branchId?: string;
  /** Materialised path of the staff member's branch, e.g. `HQ/SH/SH01`; subtree checks use prefixes. */
  branchPath?: string;
}

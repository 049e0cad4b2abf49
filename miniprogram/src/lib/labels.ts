import type { Role } from '@zhixiang/shared/auth/schemas';

export const ROLE_LABELS: Record<Role, string> = {
  customer: '客户',
  agent: '业务员',
  staff: '员工',
  executive: '高管',
  admin: '管理员',
};

export const VIEWER_ROLE_LABELS = { holder: '投保人', insured: '被保险人' } as const;

/** Basis points → "5.00%". */
export function formatBasisPoints(basisPoints: number): string {
  return `${(basisPoints / 100).toFixed(2)}%`;
}

import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import { addDays, isRealDate } from '@zhixiang/shared/format/dates';
import { shanghaiClock } from '@zhixiang/shared/notices/due-notices';
import type { NoticeFunnelResponse } from '@zhixiang/shared/notices/schemas';
import type { NoticeStore } from '@zhixiang/shared/ports/notices';

export const MAX_FUNNEL_DAYS = 31;

/**
 * The delivery funnel per notice type, channel and day: eligible → had a channel and credit
 * (reachable) → accepted by the provider → delivered (WeChat's sent event) → opened (link click).
 * Staff read the notices of customers in their branch subtree; head-office staff (a top-level
 * branch path: the executives) and admins read the whole company.
 */
export async function getNoticeFunnel(
  deps: { notices: Pick<NoticeStore, 'readFunnel'>; now: () => number },
  claims: AccessClaims,
  query: { from?: string; to?: string },
): Promise<NoticeFunnelResponse> {
  if (claims.role !== 'staff' && claims.role !== 'admin')
    throw new AppError('FORBIDDEN', '续期通知送达报表仅供内勤人员查看');
  const today = shanghaiClock(deps.now()).date;
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -6);
  if (!isRealDate(from))
    throw new AppError('VALIDATION_FAILED', '开始日期应为存在的日期，格式 YYYY-MM-DD', { field: 'from' });
  if (!isRealDate(to))
    throw new AppError('VALIDATION_FAILED', '结束日期应为存在的日期，格式 YYYY-MM-DD', { field: 'to' });
  if (from > to) throw new AppError('VALIDATION_FAILED', '开始日期不能晚于结束日期', { field: 'from' });
  if (addDays(from, MAX_FUNNEL_DAYS - 1) < to)
    throw new AppError('VALIDATION_FAILED', `一次最多查询 ${MAX_FUNNEL_DAYS} 天`, { field: 'to' });
  const rows = await deps.notices.readFunnel(from, to, funnelSubtree(claims));
  rows.sort(
    (a, b) =>
      a.day.localeCompare(b.day) ||
      a.noticeType.localeCompare(b.noticeType) ||
      a.channel.localeCompare(b.channel),
  );
  return { from, to, rows };
}

/** The branch subtree whose notices the caller may count; null = the whole company. */
function funnelSubtree(claims: AccessClaims): string | null {
  if (claims.role === 'admin') return null;
  if (!claims.branchPath) throw new AppError('FORBIDDEN', '续期通知送达报表仅供内勤人员查看');
  return claims.branchPath.includes('/') ? claims.branchPath : null;
}

import { isInBranchSubtree } from '../auth/access';

/**
 * The staff home (工作台), pure: for each queue of the staff member's duties, how many items wait
 * in their branch subtree and since when the oldest has waited. Each context's query returns the
 * items as facts (their branch and when they began to wait); the subtree rule is applied here once
 * more, so a prefix query that reached a sibling branch (`HQ/SH2` for `HQ/SH`) cannot count it.
 */
export const STAFF_QUEUES = [
  'endorsementReviews',
  'handoffsWaiting',
  'callbacksToday',
  'problemCases',
  'identityReviews',
  'complaints',
] as const;
export type StaffQueueName = (typeof STAFF_QUEUES)[number];

export const STAFF_QUEUE_LABELS: Record<StaffQueueName, string> = {
  endorsementReviews: '保全待审核',
  handoffsWaiting: '转人工排队',
  callbacksToday: '今日待回访',
  problemCases: '回访问题件',
  identityReviews: '身份核验待审',
  complaints: '未办结投诉',
};

export interface QueueItemFact {
  branchPath: string;
  /** Epoch ms the item began to wait (a callback: its slot's start). */
  since: number;
}

export interface StaffQueue {
  queue: StaffQueueName;
  count: number;
  /** Epoch ms of the oldest item; null when the queue is empty. */
  oldestSince: number | null;
  /** Whole minutes the oldest item has waited at `now` (negative: a callback still ahead); null when empty. */
  oldestAgeMinutes: number | null;
}

/** `scope` is the staff member's branch path; '' (an admin) is every branch. */
export function staffQueue(
  queue: StaffQueueName,
  items: readonly QueueItemFact[],
  scope: string,
  now: number,
): StaffQueue {
  const mine = items.filter((item) => scope === '' || isInBranchSubtree(item.branchPath, scope));
  const oldestSince = mine.length ? Math.min(...mine.map((item) => item.since)) : null;
  return {
    queue,
    count: mine.length,
    oldestSince,
    oldestAgeMinutes: oldestSince === null ? null : Math.floor((now - oldestSince) / 60_000),
  };
}

/**
 * 「最久等待 3 小时」: how long the oldest item has waited, in the largest whole unit; a callback
 * still ahead says when the first one is due.
 */
export function formatWait(minutes: number): string {
  if (minutes <= -60) return `最早一通 ${Math.floor(-minutes / 60)} 小时后`;
  if (minutes < 0) return `最早一通 ${-minutes} 分钟后`;
  if (minutes < 60) return `最久等待 ${minutes} 分钟`;
  if (minutes < 24 * 60) return `最久等待 ${Math.floor(minutes / 60)} 小时`;
  return `最久等待 ${Math.floor(minutes / (24 * 60))} 天`;
}

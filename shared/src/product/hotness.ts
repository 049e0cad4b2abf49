import type { ProductActivity } from '../ports/product-catalogue';

/**
 * Hotness (热度): an exponentially decayed sum of recent activity. Each day the previous value
 * loses half of itself every HALF_LIFE_DAYS and the day's activity is added; a sale counts much
 * more than a view, a view more than appearing in search results.
 */
export const HALF_LIFE_DAYS = 7;
export const ACTIVITY_WEIGHTS = { sales: 20, views: 1, searchHits: 0.2 } as const;

export function activityScore(activity: Omit<ProductActivity, 'productCode'>): number {
  return (
    ACTIVITY_WEIGHTS.sales * activity.sales +
    ACTIVITY_WEIGHTS.views * activity.views +
    ACTIVITY_WEIGHTS.searchHits * activity.searchHits
  );
}

/** `previous` decayed over `days` days, plus the activity of the last of them; one decimal. */
export function nextHotness(
  previous: number,
  days: number,
  activity: Omit<ProductActivity, 'productCode'> | null,
): number {
  const decayed = Math.max(0, previous) * 0.5 ** (Math.max(0, days) / HALF_LIFE_DAYS);
  return Math.round((decayed + (activity ? activityScore(activity) : 0)) * 10) / 10;
}

/**
 * The business figures operators watch beside the technical alarms (docs/operations.md, the
 * dashboard's business widgets). Names are a closed list: a new figure is added here, and the
 * deployment test then asks for it on the dashboard.
 */
export const BUSINESS_COUNTS = [
  /** A renewal or debit notice reached the customer (WeChat subscribe message or SMS link). */
  'NoticeDelivered',
  /** A signed endorsement application was submitted (auto-approved or sent to review). */
  'EndorsementSubmitted',
  /** A new-policy callback slot was booked. */
  'CallbackBooked',
] as const;

export const BUSINESS_GAUGES = [
  /** Handoffs to a person queued and not yet taken, company-wide, sampled when the queue changes. */
  'HandoffsWaiting',
] as const;

export type BusinessCount = (typeof BUSINESS_COUNTS)[number];
export type BusinessGauge = (typeof BUSINESS_GAUGES)[number];

export interface BusinessMetrics {
  /** One occurrence of a business event. */
  count(name: BusinessCount): void;
  /** The current value of a business figure. */
  gauge(name: BusinessGauge, value: number): void;
}

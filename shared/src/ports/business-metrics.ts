/**
 * The business figures operators watch beside the technical alarms (docs/operations.md, the
 * dashboard's 业务指标 row). Names are a closed list: a new figure is added here, to the dashboard
 * and to the operations page together.
 */
export type BusinessCount =
  /** A renewal or debit notice reached the customer (WeChat subscribe message or SMS link). */
  | 'NoticeDelivered'
  /** A signed endorsement application was submitted (auto-approved or sent to review). */
  | 'EndorsementSubmitted'
  /** A new-policy callback slot was booked. */
  | 'CallbackBooked';

export type BusinessGauge =
  /** Handoffs to a person queued and not yet taken, company-wide, sampled when the queue changes. */
  'HandoffsWaiting';

export interface BusinessMetrics {
  /** One occurrence of a business event. */
  count(name: BusinessCount): void;
  /** The current value of a business figure. */
  gauge(name: BusinessGauge, value: number): void;
}

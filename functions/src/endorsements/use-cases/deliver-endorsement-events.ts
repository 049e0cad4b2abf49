import type { Logger } from '@aws-lambda-powertools/logger';
import { ENDORSEMENT_TYPE_LABELS } from '@zhixiang/shared/endorsement/application';
import type { DomainEventRecord, EndorsementRecord } from '@zhixiang/shared/endorsement/model';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import { applicationNotification, isNotifyingEvent } from '@zhixiang/shared/notifications/content';
import type { EndorsementRepository } from '@zhixiang/shared/ports/endorsements';
import type { Notifier } from '@zhixiang/shared/ports/notifications';
import { type IssueEndorsementDeps, issueEndorsement } from '../../documents/use-cases/issue-endorsement';
import { type IssueLetterDeps, issueLetter } from '../../letters/use-cases/issue-letter';
import { drainOutbox } from '../../platform/outbox/drain-outbox';

/** Events taken per run (the schedule runs every 5 minutes; locally every minute). */
export const DOMAIN_EVENT_PAGE = 100;

export interface DeliverEndorsementEventsDeps {
  endorsements: Pick<
    EndorsementRepository,
    'get' | 'listPendingDomainEvents' | 'markDomainEventConsumed' | 'recordDomainEventFailure'
  >;
  letterDeps: IssueLetterDeps;
  /** Issuing and sealing the 批单 (the insurer's signing key, the PDF tools, the documents' files). */
  documentDeps: IssueEndorsementDeps;
  /** Tells the customer of a decision or a money step (the notifications context's port). */
  notifier: Notifier;
  logger: Pick<Logger, 'info' | 'error'>;
  now: () => number;
}

export interface EndorsementEventReport {
  /** Pending events read this run. */
  pending: number;
  /** 批单 issued and sealed (a repeated event finds its 批单 and issues none). */
  endorsementsIssued: number;
  /** Letters issued (a repeated event finds its letter and issues none). */
  lettersIssued: number;
  /** Customers told (a repeated event finds its message delivered and sends nothing). */
  notified: number;
  /** Events this run took off the pending index. */
  consumed: number;
  /** Events another consumer took first. */
  takenElsewhere: number;
  /** Events whose delivery failed: left pending for the next run, attempts counted. */
  failed: number;
}

/**
 * The consumer of the endorsement outbox. An event the customer is told of (a decision, a money
 * step: `endorsement.approved`, `endorsement.rejected`, `payment.received`, `payment.expired`,
 * the renewal-account debit's `debit.requested` / `debit.failed`, and the payouts' `payout.paid` /
 * `payout.failed`) goes to the notifier, which sends it once
 * per event and records it in the customer's message centre. For each `endorsement.effective`, it issues the
 * 批单 (rendered and sealed by the insurer only now that the change took effect, referencing the
 * signed application, which becomes effective with it), then the 保全批单确认函 to the holder in
 * 我的信函 linking that 批单, then takes the event off the pending index with a conditional write.
 * The 批单 is idempotent per application (its number derives from the application's) and the
 * letter per event (its source key), so two consumers of one event, or a retry after a crash
 * between the steps, issue one of each.
 * One event's failure is logged and counted on it (the outbox loop of `platform/outbox`, shared
 * with the renewal notices); the others go on.
 */
export async function deliverEndorsementEvents(
  deps: DeliverEndorsementEventsDeps,
): Promise<EndorsementEventReport> {
  const events = await deps.endorsements.listPendingDomainEvents(DOMAIN_EVENT_PAGE);
  const report: EndorsementEventReport = {
    pending: events.length,
    endorsementsIssued: 0,
    lettersIssued: 0,
    notified: 0,
    consumed: 0,
    takenElsewhere: 0,
    failed: 0,
  };
  const { failed } = await drainOutbox(events, {
    deliver: async (event) => {
      if (isNotifyingEvent(event.type)) {
        const told = await deps.notifier.notify(applicationNotification({ ...event, type: event.type }));
        // A provider failure is retried with the event (the next claim takes the message over).
        if (told.status === 'failed')
          throw new Error(
            `customer not told of ${event.type}: ${told.attempts.at(-1)?.detail ?? 'send failed'}`,
          );
        if (!told.duplicate) report.notified++;
      } else {
        const application = await deps.endorsements.get(event.applicationId);
        if (!application)
          throw new Error(`application ${event.applicationId} of event ${event.eventId} not found`);
        const endorsement = await issueEndorsement(deps.documentDeps, {
          applicationDocumentId: application.documentId,
          consentDocumentId: application.consentDocumentId,
          effectiveAt: event.at,
        });
        if (endorsement.created) report.endorsementsIssued++;
        if (await issueConfirmationLetter(deps, event, application, endorsement.documentId))
          report.lettersIssued++;
      }
      if (await deps.endorsements.markDomainEventConsumed(event.eventId, deps.now())) report.consumed++;
      else report.takenElsewhere++;
    },
    // Conditional: a failure counted after another consumer took the event recreates nothing.
    recordFailure: (event, reason) => deps.endorsements.recordDomainEventFailure(event.eventId, reason),
    describe: (event) => ({ eventId: event.eventId, applicationId: event.applicationId }),
    logger: deps.logger,
  });
  report.failed = failed;
  return report;
}

/** True when this call created the letter (linking the 批单 `documentId`). */
async function issueConfirmationLetter(
  deps: DeliverEndorsementEventsDeps,
  event: DomainEventRecord,
  application: EndorsementRecord,
  documentId: string,
): Promise<boolean> {
  const { created } = await issueLetter(deps.letterDeps, {
    customerId: event.holderId,
    policyNo: event.policyNo,
    letterType: 'endorsement_confirmation',
    documentId,
    sourceKey: `endorsement.effective:${event.eventId}`,
    facts: {
      holderName: application.holder.name,
      policyNo: event.policyNo,
      productName: application.productName,
      changeType: ENDORSEMENT_TYPE_LABELS[event.endorsementType],
      documentId,
      effectiveDate: todayInShanghai(new Date(event.at)),
      ...(event.amountCents === null ? {} : { amountCents: event.amountCents }),
    },
  });
  return created;
}

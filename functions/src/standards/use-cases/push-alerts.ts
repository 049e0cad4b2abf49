import { createHash } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { AlertPushEntry, StandardStore } from '@zhixiang/shared/ports/standards';
import type { VoiceStore } from '@zhixiang/shared/ports/voice';
import { maskIdNumber } from '@zhixiang/shared/privacy/mask';
import { alertLevelLabel } from '@zhixiang/shared/standards/alerts';
import { caseKeyOf } from '@zhixiang/shared/standards/measure';
import { JOURNEY_LABELS } from '@zhixiang/shared/standards/model';
import type { StandardAlertPush } from '@zhixiang/shared/voice/schemas';
import type { LiveChatDeps } from '../../assistant/use-cases/publish-handoff-update';
import { drainOutbox, nextAttemptAt } from '../../platform/outbox/drain-outbox';
import { announceStandardAlert } from '../../voice/use-cases/listen-to-voice';
import { branchNamesOf, catalogue, nameOf, type StandardsUseCaseDeps } from './standards-access';

/** Entries pushed per run (every 5 minutes, after the alerts are raised). */
export const ALERT_PUSH_PAGE = 100;

/** How long a run holds an entry it took: a run that dies holding it leaves it due again then. */
export const ALERT_PUSH_LEASE_MS = 2 * 60_000;

export interface AlertPushReport {
  pushed: number;
  /** Taken by an overlapping run first. */
  taken: number;
  failed: number;
}

export type AlertPushDeps = Pick<StandardsUseCaseDeps, 'now'> &
  Omit<LiveChatDeps, 'repositories'> & {
    repositories: Pick<StandardsUseCaseDeps['repositories'], 'branches'> &
      LiveChatDeps['repositories'] & {
        standards: Pick<
          StandardStore,
          'listAll' | 'listDueAlertPushes' | 'claimAlertPush' | 'completeAlertPush' | 'recordAlertPushFailure'
        >;
        voice: Pick<VoiceStore, 'endListening'>;
      };
    logger: Pick<Logger, 'warn' | 'error'>;
  };

/** The alert's opaque key in a push: a listener drops a repeat (a retried push) by it. */
export function alertKeyOf(alert: AlertPushEntry['alert']): string {
  return createHash('sha256')
    .update(`${alert.standardId}|${caseKeyOf(alert)}|${alert.level}`)
    .digest('hex')
    .slice(0, 24);
}

/**
 * Pushes each alert raised to the staff and executives listening to the branch it went to and every
 * level above (the live chat's WebSocket, `listenVoice`: the channel that brings them complaints'
 * escalations), once per alert and level. The entry is written in the alert's own transaction; a
 * run takes it (a conditional write on its due time, with a lease), pushes, then removes it with
 * the audit event `alert_pushed` in one transaction. Two runs at once: one takes it. A push that
 * fails is retried after 1, 5, 15, 60 and 180 minutes, then left with its reason (logged as an
 * error). A run that dies after pushing and before removing it pushes it again when the lease ends:
 * the frame carries the alert's key, so the listener shows it once.
 */
export async function pushStandardAlerts(deps: AlertPushDeps): Promise<AlertPushReport> {
  const now = deps.now();
  const report: AlertPushReport = { pushed: 0, taken: 0, failed: 0 };
  const due = await deps.repositories.standards.listDueAlertPushes(now, ALERT_PUSH_PAGE);
  if (due.length === 0) return report;
  const standards = await catalogue(deps);
  const names = await branchNamesOf(
    deps,
    due.flatMap((e) => [e.alert.branchPath, e.alert.escalatedTo]),
  );
  const leaseUntil = now + ALERT_PUSH_LEASE_MS;
  const { failed } = await drainOutbox<AlertPushEntry>(due, {
    deliver: async (entry) => {
      if (!(await deps.repositories.standards.claimAlertPush(entry, now, leaseUntil))) {
        report.taken += 1;
        return;
      }
      const { alert } = entry;
      const version = standards.get(alert.standardId)?.find((v) => v.version === alert.version);
      const push: StandardAlertPush = {
        alertKey: alertKeyOf(alert),
        standardId: alert.standardId,
        standardName: version?.name ?? alert.standardId,
        journeyLabel: version ? JOURNEY_LABELS[version.journey] : '',
        level: alert.level,
        levelLabel: alertLevelLabel(alert.level),
        branchName: nameOf(names, alert.branchPath),
        escalatedToName: nameOf(names, alert.escalatedTo),
        policyNo: alert.policyNo ? maskIdNumber(alert.policyNo) : null,
        startAt: new Date(alert.startAt).toISOString(),
        raisedAt: new Date(alert.raisedAt).toISOString(),
      };
      const reached = await announceStandardAlert(deps, push, alert.escalatedTo);
      await deps.repositories.standards.completeAlertPush(
        entry,
        leaseUntil,
        now,
        `${alert.caseId} 第 ${alert.level} 级已推送至 ${alert.escalatedTo} 及以上机构的 ${reached} 个聆听连接`,
      );
      report.pushed += 1;
    },
    recordFailure: (entry, reason) =>
      deps.repositories.standards.recordAlertPushFailure(
        entry,
        leaseUntil,
        reason,
        nextAttemptAt(entry.attempts + 1, now),
      ),
    describe: (entry) => ({
      standardId: entry.alert.standardId,
      level: entry.alert.level,
      attempts: entry.attempts + 1,
    }),
    logger: deps.logger,
    concurrency: 8,
  });
  report.failed = failed;
  return report;
}

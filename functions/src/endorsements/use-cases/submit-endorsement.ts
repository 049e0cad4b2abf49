import {
  assertAuthorisationCovers,
  assertTrusteeMayAct,
  counterActNote,
  trusteeActNote,
} from '@zhixiang/shared/authorisations/trustee-rules';
import {
  ENDORSEMENT_TYPE_LABELS,
  type EndorsementApplication,
  IDEMPOTENCY_KEY_PATTERN,
  IDEMPOTENT_ENDORSEMENT_TYPES,
  type SubmitEndorsementRequest,
} from '@zhixiang/shared/endorsement/application';
import {
  type EndorsementRecord,
  POLICY_CHANGED_MESSAGE,
  SUBMISSION_IN_PROGRESS_MESSAGE,
} from '@zhixiang/shared/endorsement/model';
import { transition } from '@zhixiang/shared/endorsement/state-machine';
import { AppError } from '@zhixiang/shared/errors';
import type { EndorsementCommit } from '@zhixiang/shared/ports/endorsements';
import { assertTrusteePayout } from './create-endorsement';
import {
  type Actor,
  actsForHolder,
  applicationView,
  authorisationsOf,
  COUNTER_AUTHORISATION_NOT_FOUND,
  type EndorsementDeps,
  endorsementEvent,
  eventActorOf,
  HOLDER_ONLY_MESSAGE,
  loadOpenableEndorsement,
  SYSTEM_ACTOR,
  todayOf,
} from './endorsement-deps';
import { observeEvidence } from './observe-evidence';
import { phoneCodeSubject } from './send-endorsement-phone-code';
import { effectiveCommit, evaluateForSubmission, reevaluate } from './take-effect';

export const IDEMPOTENCY_KEY_REQUIRED_MESSAGE =
  '提交请求缺少有效的幂等键（Idempotency-Key），请刷新页面后重新提交';
export const AUTO_APPROVAL_DETAIL = '符合自动审核规则，系统自动通过';

/**
 * Submits a signed application. The rule is checked again against the policy as it is now; the
 * policy must still be at the version the customer signed (a fresh draft is evaluated on the
 * policy it kept, the transaction's version condition standing for a read: see
 * `evaluateForSubmission`). Within the automatic-approval rules,
 * one transaction submits, approves and applies it (policy + version bump + audit + outbox);
 * otherwise it is submitted to the branch's review queue (the policy version still checked).
 * Loans, dividend withdrawals and surrenders run at most once per Idempotency-Key: the answer is
 * recorded by the same transaction, a repeat gets it back, and a repeat refused while the first
 * is being committed waits for its answer (409 「该请求正在处理中…」 if none comes).
 */
export async function submitEndorsement(
  deps: EndorsementDeps,
  actor: Actor,
  applicationId: string,
  request: SubmitEndorsementRequest,
  idempotencyKey: string | undefined,
  /** Staff submitting at the counter name the authorisation the application was prepared on. */
  options: { counterAuthorisationId?: string } = {},
): Promise<EndorsementApplication> {
  const key =
    idempotencyKey && IDEMPOTENCY_KEY_PATTERN.test(idempotencyKey)
      ? deps.idempotency.keyOf({ applicationId, userId: actor.claims.sub, idempotencyKey })
      : null;
  // The recorded answer (if any) is read beside the application, not before it.
  const recorded = key ? deps.idempotency.recorded<EndorsementApplication>(key, deps.now()) : null;
  recorded?.catch(() => {});
  const opened = await loadOpenableEndorsement(deps, actor.claims, applicationId);
  if (
    options.counterAuthorisationId !== undefined &&
    opened.record.counterAct?.authorisationId !== options.counterAuthorisationId
  )
    throw new AppError('NOT_FOUND', COUNTER_AUTHORISATION_NOT_FOUND, { field: 'authorisationId' });
  if (!actsForHolder(actor.claims, opened.record, opened.holderAgentId))
    throw new AppError('FORBIDDEN', HOLDER_ONLY_MESSAGE);
  if (!IDEMPOTENT_ENDORSEMENT_TYPES.includes(opened.record.type))
    return submitOrMovedOn(deps, actor, opened, request, null);
  if (!key)
    throw new AppError('VALIDATION_FAILED', IDEMPOTENCY_KEY_REQUIRED_MESSAGE, { field: 'Idempotency-Key' });
  const earlier = await recorded;
  if (earlier) return earlier;
  for (let attempt = 1; ; attempt++) {
    try {
      return await submitOrMovedOn(deps, actor, opened, request, key);
    } catch (error) {
      if (!(error instanceof AppError) || error.code !== 'CONFLICT') throw error;
      // Refused: a repeat of this key may have committed first; its answer is then ours.
      const answer = await deps.idempotency.recorded<EndorsementApplication>(key, deps.now());
      if (answer) return answer;
      // Collided with a transaction still in flight: try again shortly (it may have been a repeat
      // that failed too), at most a few times.
      if (error.userMessage !== SUBMISSION_IN_PROGRESS_MESSAGE || attempt >= IN_PROGRESS_ATTEMPTS)
        throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 30 * attempt));
    }
  }
}

/**
 * A refusal computed while another submission of this application committed — the application read
 * before it, the rest (a contact change already made, an authorisation's matter already used) after
 * — is not the caller's answer: the application has moved on, and that conflict is what they learn,
 * as the refused write would have told them.
 */
async function submitOrMovedOn(...args: Parameters<typeof submitOnce>): Promise<EndorsementApplication> {
  try {
    return await submitOnce(...args);
  } catch (error) {
    if (error instanceof AppError && error.code !== 'CONFLICT') {
      const [deps, , opened] = args;
      const current = await deps.repositories.endorsements.get(opened.record.applicationId);
      if (current && current.status !== opened.record.status) transition(current.status, 'submit');
    }
    throw error;
  }
}

/** How often a submission that collided with another transaction on its key is tried again. */
const IN_PROGRESS_ATTEMPTS = 8;

async function submitOnce(
  deps: EndorsementDeps,
  actor: Actor,
  opened: { record: EndorsementRecord; holderAgentId: string | null },
  request: SubmitEndorsementRequest,
  idempotencyKey: string | null,
): Promise<EndorsementApplication> {
  // Everything the submission reads goes out at once; refusals are then checked in their order.
  // A fresh draft reads nothing more: its policy, parties and timeline are on the application.
  const [observed, evaluated, timeline, who] = await Promise.all([
    observeEvidence(deps, opened.record),
    settle(evaluateForSubmission(deps, opened.record)),
    opened.record.timeline ?? deps.repositories.endorsements.listEvents(opened.record.applicationId),
    eventActorOf(deps, actor, opened.record.holder, opened.record.trustee, Boolean(opened.record.counterAct)),
  ]);
  const { record, evidence } = observed;
  // A trustee's application stands on its authorisation as it is now: revoked or past its
  // validity, nothing is submitted (checked first, so that is what the trustee reads); its money
  // goes only to the authorised account.
  const authority =
    record.trustee || record.counterAct ? await assertTrusteeStillAuthorised(deps, record) : null;
  const to = transition(record.status, 'submit');
  if (record.consentDocumentId && !record.insuredConsented)
    throw new AppError('CONFLICT', `请先由被保险人 ${record.insured.name} 验证身份并签署同意书，再提交申请`, {
      field: 'insuredConsent',
    });
  let phoneConfirmed = record.phoneConfirmed;
  if (phoneConfirmed === false) {
    if (!request.phoneCode)
      throw new AppError('VALIDATION_FAILED', '请输入新手机号收到的 6 位验证码', { field: 'phoneCode' });
    await deps.phoneCodes.consume(phoneCodeSubject(record.applicationId), request.phoneCode, 'phoneCode');
    phoneConfirmed = true;
  }
  if (!evaluated.ok) throw evaluated.error;
  const { target, evaluation, fromDraft } = evaluated.value;
  if (authority) assertTrusteePayout(authority, evaluation.effect);
  const now = deps.now();
  const patch = {
    figures: evaluation.figures,
    figureRows: evaluation.figureRows,
    reviewReasons: evaluation.reviewReasons,
    phoneConfirmed,
    submittedAt: now,
  };
  const phoneEvent =
    record.phoneConfirmed === false
      ? [endorsementEvent(record, 'phone_confirmed', who, now - 1, { detail: '新手机号短信验证码验证通过' })]
      : [];
  const submitted = (from: EndorsementRecord['status'], toStatus: EndorsementRecord['status']) =>
    endorsementEvent(record, 'submitted', who, now, {
      fromStatus: from,
      toStatus,
      before: JSON.stringify(record.changes),
      detail:
        (evaluation.reviewReasons.length > 0
          ? `提交保全审核：${evaluation.reviewReasons.join('；')}`
          : `${ENDORSEMENT_TYPE_LABELS[record.type]}申请已提交`) +
        (record.trustee ? `；${trusteeActNote(record.trustee.authorisationId)}` : '') +
        (record.counterAct
          ? `；${counterActNote(record.counterAct.authorisationId)}（柜面人员 ${actor.claims.sub}）`
          : ''),
    });

  const commit: EndorsementCommit =
    evaluation.reviewReasons.length > 0
      ? {
          application: { ...record, ...patch, status: to, updatedAt: now },
          expectedVersion: record.version,
          events: [...phoneEvent, submitted(record.status, to)],
          policyVersionCheck: { policyNo: record.policyNo, version: record.policyVersion },
        }
      : effectiveCommit({
          record,
          leadingActions: ['submit'],
          leadingEvents: ([step]) => [...phoneEvent, submitted(step?.from ?? record.status, step?.to ?? to)],
          approver: SYSTEM_ACTOR,
          approvalDetail: AUTO_APPROVAL_DETAIL,
          target,
          evaluation,
          now: now + 1,
          patch,
        });
  // The application's own copy of its timeline; else the one read beside the policy, unless
  // observing the evidence wrote to it meanwhile.
  const earlier =
    record.timeline ??
    (record.version === opened.record.version
      ? timeline
      : await deps.repositories.endorsements.listEvents(record.applicationId));
  // The answer is known before the commit (the stored application is the commit's, one version
  // up), so a financial submission records it in the same transaction.
  const view = await applicationView(
    deps,
    actor.claims,
    {
      record: { ...commit.application, version: commit.expectedVersion + 1 },
      holderAgentId: opened.holderAgentId,
    },
    evidence,
    [...earlier, ...commit.events].sort((a, b) => a.at - b.at || a.seq.localeCompare(b.seq)),
  );
  try {
    await deps.repositories.endorsements.commit(
      idempotencyKey ? { ...commit, idempotency: { key: idempotencyKey, response: view, at: now } } : commit,
    );
  } catch (error) {
    // Evaluated on the draft's policy and refused by the policy's version: the policy as stored
    // now names the refusal (changed since signing, or the rule's own message).
    if (fromDraft && error instanceof AppError && error.userMessage === POLICY_CHANGED_MESSAGE)
      await reevaluate(deps, record);
    throw error;
  }
  deps.metrics.count('EndorsementSubmitted');
  return view;
}

/**
 * The authorisation a trustee's (or the counter's) application stands on, checked again for its
 * trustee, policy and matter today (a revocation counts at once).
 */
async function assertTrusteeStillAuthorised(deps: EndorsementDeps, record: EndorsementRecord) {
  const today = todayOf(deps);
  if (record.counterAct) {
    const authorisation = await authorisationsOf(deps).get(record.counterAct.authorisationId);
    if (!authorisation)
      throw new AppError('NOT_FOUND', COUNTER_AUTHORISATION_NOT_FOUND, { field: 'authorisationId' });
    assertAuthorisationCovers(authorisation, { policyNo: record.policyNo, matter: record.type, today });
    return authorisation;
  }
  const trustee = record.trustee as NonNullable<EndorsementRecord['trustee']>;
  const authorisation = await authorisationsOf(deps).get(trustee.authorisationId);
  assertTrusteeMayAct(authorisation, {
    userId: trustee.userId,
    policyNo: record.policyNo,
    matter: record.type,
    today,
  });
  return authorisation;
}

async function settle<T>(
  promise: Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: unknown }> {
  try {
    return { ok: true, value: await promise };
  } catch (error) {
    return { ok: false, error };
  }
}

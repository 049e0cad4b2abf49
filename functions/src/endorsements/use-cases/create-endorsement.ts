import {
  assertAuthorisedPayee,
  COUNTER_PHONE_REFUSED,
  counterActNote,
  trusteeActNote,
} from '@zhixiang/shared/authorisations/trustee-rules';
import {
  type CreateEndorsementRequest,
  ENDORSEMENT_TYPE_LABELS,
  type EndorsementApplication,
} from '@zhixiang/shared/endorsement/application';
import {
  type EndorsementEffect,
  evaluateEndorsement,
  maskedChanges,
} from '@zhixiang/shared/endorsement/evaluate';
import { APPLICATION_CHANGED_MESSAGE, type EndorsementRecord } from '@zhixiang/shared/endorsement/model';
import { problemsToAppError } from '@zhixiang/shared/endorsement/rule-result';
import { isFinal, transitionAll } from '@zhixiang/shared/endorsement/state-machine';
import { consentPurposeOf, identityPurposeOf } from '@zhixiang/shared/endorsement/view';
import { AppError } from '@zhixiang/shared/errors';
import type { AuthorisationRecord } from '@zhixiang/shared/ports/authorisations';
import type { OpenApplicationSlot } from '@zhixiang/shared/ports/endorsements';
import { prepareApplicationDocument } from '../../documents/use-cases/prepare-application-document';
import {
  type Actor,
  applicationView,
  assertActsForHolder,
  counterAuthority,
  type EndorsementDeps,
  endorsementEvent,
  eventActorOf,
  keepsDraftedTarget,
  loadEndorsablePolicy,
  newApplicationId,
  todayOf,
  trusteeAuthority,
} from './endorsement-deps';

/** Creating reads and writes the records only (the demo seed creates its application with it). */
type CreateDeps = Pick<EndorsementDeps, 'repositories' | 'payoutSandbox' | 'now'>;

export const INSURED_CONSENT_ANNOTATION =
  '本人作为被保险人，已知悉并同意投保人对上述保险合同所作的变更。本同意书经本人身份验证后签署，与纸质签名具有同等法律效力。';

/**
 * Creates a draft: the holder (or their assigned agent) asks for a change; the type's rule checks
 * it against the policy as stored; the application (申请书) the holder will sign is prepared (and
 * the insured's consent document when the law asks for it) — the 批单 comes only when the change
 * takes effect. Nothing is written when the rule refuses; one open application per type and
 * policy (a second gets 409 naming the open one).
 */
export async function createEndorsement(
  deps: CreateDeps,
  actor: Actor,
  policyNo: string,
  asked: CreateEndorsementRequest,
  options: {
    /** A fixed number for the application document (the demo seed's); new ones get a fresh one. */
    documentId?: string;
    /** The trustee acts on this approved video authorisation (docs/authorisations.md). */
    authorisationId?: string;
    /** Staff of the subtree process the matter themselves on this approved authorisation (柜面代办). */
    counterAuthorisationId?: string;
  } = {},
): Promise<EndorsementApplication> {
  const { claims } = actor;
  const act = { policyNo, type: asked.type };
  const authority = options.counterAuthorisationId
    ? await counterAuthority(deps, claims, { ...act, authorisationId: options.counterAuthorisationId })
    : options.authorisationId
      ? await trusteeAuthority(deps, claims, { ...act, authorisationId: options.authorisationId })
      : null;
  const counter = Boolean(options.counterAuthorisationId);
  if (counter && asked.type === 'contact_change' && asked.phone !== undefined)
    throw new AppError('VALIDATION_FAILED', COUNTER_PHONE_REFUSED, { field: 'phone' });
  const request = authority ? withAuthorisedPayee(asked, authority) : asked;
  const target = await loadEndorsablePolicy(deps, claims, policyNo, authority);
  if (!authority) assertActsForHolder(claims, target.holder);
  const today = todayOf(deps);
  const evaluated = evaluateEndorsement(request, {
    ...target,
    today,
    channel: claims.role === 'agent' ? 'agent_assisted' : 'self_service',
  });
  if (!evaluated.ok) throw problemsToAppError(evaluated.problems);
  const evaluation = evaluated.value;
  if (authority) assertTrusteePayout(authority, evaluation.effect);
  const trustee =
    authority && !counter
      ? { authorisationId: authority.authorisationId, userId: claims.sub, name: authority.poa.trustee.name }
      : null;
  const counterAct =
    authority && counter
      ? {
          authorisationId: authority.authorisationId,
          userId: claims.sub,
          name: (await deps.repositories.users.get(claims.sub))?.displayName ?? claims.sub,
        }
      : null;

  const label = ENDORSEMENT_TYPE_LABELS[request.type];
  // Applications opened before the per-type slot existed hold none: the list still finds them.
  const open = (await deps.repositories.endorsements.listByHolder(target.holder.customerId)).find(
    (a) => a.policyNo === policyNo && a.type === request.type && !isFinal(a.status),
  );
  if (open) throw openApplicationConflict(label, open.applicationId);

  const now = deps.now();
  const applicationId = newApplicationId(now);
  const slot = { policyNo, type: request.type };
  await reserveOpenApplication(deps, slot, applicationId, now, label);
  try {
    return await createDraft(deps, actor, {
      acting: { trustee, counterAct, recordingSha256: authority?.recording?.sha256 ?? null },
      applicationId,
      now,
      today,
      target,
      request,
      evaluation,
      label,
      ...(options.documentId ? { documentId: options.documentId } : {}),
    });
  } catch (error) {
    // Nothing was created: the slot goes back (a crash here leaves it to go stale and be taken over).
    await deps.repositories.endorsements.releaseOpenApplication(slot, applicationId).catch(() => undefined);
    throw error;
  }
}

/**
 * A trustee sees the authorised account only masked, so money they ask for without a card goes
 * to that account (the renewal account on record would be another's choice).
 */
function withAuthorisedPayee(
  request: CreateEndorsementRequest,
  authority: AuthorisationRecord,
): CreateEndorsementRequest {
  const account = authority.poa.refundAccount;
  if (!account) return request;
  const card = { cardHolderName: account.cardHolderName, cardNumber: account.accountNumber };
  if (
    request.type === 'surrender' ||
    request.type === 'policy_loan' ||
    request.type === 'dividend_withdrawal'
  )
    return request.payeeCard ? request : { ...request, payeeCard: card };
  return request;
}

/**
 * Money on a trustee's application (a loan, a dividend withdrawal, a surrender's refund) goes only
 * to the account the authorisation names: any other card, or the renewal account on record when it
 * is another, is refused before anything is written.
 */
export function assertTrusteePayout(authority: AuthorisationRecord, effect: EndorsementEffect): void {
  if (effect.kind === 'loan' || effect.kind === 'dividend_withdrawal' || effect.kind === 'surrender')
    if (effect.kind !== 'surrender' || effect.refundCents > 0) assertAuthorisedPayee(authority, effect.payee);
}

/** How long a reserved slot whose application does not exist yet still counts as being created. */
export const OPEN_APPLICATION_RESERVATION_MS = 60_000;

function openApplicationConflict(label: string, applicationId: string): AppError {
  return new AppError('CONFLICT', `该保单已有办理中的${label}申请（${applicationId}），请继续办理或先撤销`, {
    field: 'type',
    relatedId: applicationId,
  });
}

/**
 * One open application per type and policy, enforced by a conditional write on the slot's item
 * before anything is prepared: of simultaneous creates one reserves it, the others get 409. A slot
 * whose holder is final, or was reserved long ago and never created, is stale and taken over
 * (conditionally on that holder, so two takers still make one winner).
 */
async function reserveOpenApplication(
  deps: CreateDeps,
  slot: OpenApplicationSlot,
  applicationId: string,
  now: number,
  label: string,
): Promise<void> {
  let replacing: string | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const held = await deps.repositories.endorsements.reserveOpenApplication(
      slot,
      applicationId,
      now,
      replacing,
    );
    if (!held) return;
    const holder = await deps.repositories.endorsements.get(held.applicationId);
    const stale = holder ? isFinal(holder.status) : now - held.reservedAt > OPEN_APPLICATION_RESERVATION_MS;
    if (!stale) throw openApplicationConflict(label, held.applicationId);
    replacing = held.applicationId;
  }
  throw new AppError('CONFLICT', APPLICATION_CHANGED_MESSAGE, { field: 'type' });
}

interface DraftInput {
  /** Who acts for the holder on an authorisation, if anyone; a counter's stands on the recording. */
  acting: {
    trustee: EndorsementRecord['trustee'];
    counterAct: EndorsementRecord['counterAct'];
    recordingSha256: string | null;
  };
  applicationId: string;
  now: number;
  today: string;
  target: Awaited<ReturnType<typeof loadEndorsablePolicy>>;
  request: CreateEndorsementRequest;
  evaluation: Extract<ReturnType<typeof evaluateEndorsement>, { ok: true }>['value'];
  label: string;
  documentId?: string;
}

async function createDraft(
  deps: CreateDeps,
  actor: Actor,
  { acting, applicationId, now, today, target, request, evaluation, label, documentId }: DraftInput,
): Promise<EndorsementApplication> {
  const { trustee, counterAct, recordingSha256 } = acting;
  const { claims } = actor;
  const policyNo = target.policy.policyNo;
  const changes = maskedChanges(evaluation.changes);
  const documentRows = [
    ...changes,
    ...evaluation.figureRows.map((row) => ({ label: row.label, before: '', after: row.value })),
  ].slice(0, 12);
  const describe = {
    policyNo,
    changeType: label,
    changes: documentRows,
    effectiveDate: today,
    createdBy: claims.sub,
  };
  const document = await prepareApplicationDocument(deps, {
    ...describe,
    purpose: identityPurposeOf(applicationId),
    ...(documentId ? { documentId } : {}),
    ...(trustee ? { trustee } : {}),
    ...(counterAct ? { counter: counterAct } : {}),
  });
  const consent = evaluation.insuredConsentRequired
    ? await prepareApplicationDocument(deps, {
        ...describe,
        purpose: consentPurposeOf(applicationId),
        signer: 'insured',
        title: '被保险人同意书',
        annotation: INSURED_CONSENT_ANNOTATION,
      })
    : null;

  const eventActor = await eventActorOf(
    deps,
    actor,
    { customerId: target.holder.customerId, name: target.holder.name },
    trustee,
    Boolean(counterAct),
  );
  // At the counter the reviewed recording is the holder's identity and will: the application is
  // verified and signed on it as it is created (nobody signs the 申请书), then staff submit it.
  const counterSteps = counterAct ? transitionAll('draft', ['verify_identity', 'sign']) : null;
  const record: EndorsementRecord = {
    applicationId,
    type: request.type,
    status: counterSteps?.status ?? 'draft',
    policyNo,
    productName: target.product.name,
    holder: { customerId: target.holder.customerId, name: target.holder.name },
    insured: { customerId: target.insured.customerId, name: target.insured.name },
    branchPath: target.policy.branchPath,
    policyVersion: target.policy.version,
    request,
    channel: claims.role === 'agent' ? 'agent_assisted' : 'self_service',
    changes,
    figures: evaluation.figures,
    figureRows: evaluation.figureRows,
    reviewReasons: evaluation.reviewReasons,
    documentId: document.documentId,
    consentDocumentId: consent?.documentId ?? null,
    insuredConsented: false,
    phoneConfirmed: evaluation.phoneToConfirm ? false : null,
    preparedBy: {
      userId: claims.sub,
      role: claims.role === 'agent' ? 'agent' : claims.role === 'staff' ? 'staff' : 'customer',
      name: eventActor.name,
      agentId: claims.role === 'agent' ? (claims.agentId ?? null) : null,
    },
    decision: null,
    payment: null,
    createdAt: now,
    updatedAt: now,
    submittedAt: null,
    version: 1,
    drafted: keepsDraftedTarget(request.type)
      ? { policy: target.policy, holder: target.holder, insured: target.insured }
      : null,
    holdsOpenSlot: true,
    trustee,
    counterAct,
  };
  const actNote = trustee
    ? `；${trusteeActNote(trustee.authorisationId)}`
    : counterAct
      ? `；${counterActNote(counterAct.authorisationId)}（柜面人员 ${counterAct.userId}）`
      : '';
  const created = endorsementEvent(record, 'created', eventActor, now, {
    toStatus: 'draft',
    after: JSON.stringify(changes),
    detail: `${label}：申请书 ${document.documentId}${consent ? `，被保险人同意书 ${consent.documentId}` : ''}${actNote}`,
  });
  const counterEvents = (counterSteps?.steps ?? []).map((step, i) =>
    endorsementEvent(
      record,
      step.action === 'verify_identity' ? 'identity_verified' : 'signed',
      eventActor,
      now + 1 + i,
      {
        fromStatus: step.from,
        toStatus: step.to,
        ...(step.action === 'verify_identity'
          ? {
              verificationId: counterAct?.authorisationId ?? null,
              detail: `核验方式：录像授权（审核通过的授权录像 SHA-256 ${recordingSha256 ?? '—'}）${actNote}`,
            }
          : {
              after: document.contentHash,
              detail: `申请书 ${document.documentId} 由柜面人员 ${counterAct?.name}（${counterAct?.userId}）依据录像授权代为申请，投保人的意愿以授权录像为凭，无需另行签署${actNote}`,
            }),
      },
    ),
  );
  await deps.repositories.endorsements.create(record, [created, ...counterEvents]);
  return applicationView(
    deps,
    claims,
    { record, holderAgentId: target.holder.agentId },
    {
      identityVerified: counterAct !== null,
      documentSigned: counterAct !== null,
      consentSigned: consent === null,
    },
    // The trail is the events just written: no Query.
    [created, ...counterEvents],
  );
}

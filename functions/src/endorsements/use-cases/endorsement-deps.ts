import { randomBytes } from 'node:crypto';
import { canOpenEndorsement, canViewPolicy, isInBranchSubtree } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import {
  assertAuthorisationCovers,
  assertTrusteeMayAct,
} from '@zhixiang/shared/authorisations/trustee-rules';
import type { EndorsementApplication, EndorsementEventType } from '@zhixiang/shared/endorsement/application';
import type {
  EndorsementActorRole,
  EndorsementEventRecord,
  EndorsementParty,
  EndorsementRecord,
} from '@zhixiang/shared/endorsement/model';
import { type EndorsementEvidence, toEndorsementApplication } from '@zhixiang/shared/endorsement/view';
import { AppError } from '@zhixiang/shared/errors';
import { todayInShanghai } from '@zhixiang/shared/format/dates';
import type { CustomerRecord, PolicyRecord, ProductRecord } from '@zhixiang/shared/policy/model';
import type { AuthorisationRecord, AuthorisationStore } from '@zhixiang/shared/ports/authorisations';
import type { BusinessMetrics } from '@zhixiang/shared/ports/business-metrics';
import type { DocumentRepository } from '@zhixiang/shared/ports/documents';
import type { EndorsementRepository } from '@zhixiang/shared/ports/endorsements';
import type { IdentityProofs } from '@zhixiang/shared/ports/identity-proofs';
import type { PhoneCodes } from '@zhixiang/shared/ports/phone-codes';
import type { UserAccountRepository } from '@zhixiang/shared/ports/repositories';
import { POLICY_NOT_FOUND_MESSAGE } from '../../policies/use-cases/get-policy';
import type { PolicyReadRepositories } from '../../policies/use-cases/policy-view-loader';
import type { SubmissionIdempotency } from '../adapters/submission-idempotency';

export const ENDORSEMENT_NOT_FOUND_MESSAGE = '未找到该保全申请';
export const HOLDER_ONLY_MESSAGE = '保全申请须由投保人本人或其服务业务员办理';

/** What the endorsement use cases need from the composition root. */
export interface EndorsementDeps {
  repositories: PolicyReadRepositories & {
    endorsements: EndorsementRepository;
    documents: DocumentRepository;
    users: Pick<UserAccountRepository, 'get'>;
    /**
     * The video authorisations a trustee acts on: wired only into the functions a trustee calls
     * (`wiring-trustee.ts`), so the money steps' functions do not carry them.
     */
    authorisations?: Pick<AuthorisationStore, 'get'>;
  };
  identityProofs: IdentityProofs;
  /** Texts a one-time code (1 a minute, 5 an hour per subject) and checks it (a contact change's new phone). */
  phoneCodes: PhoneCodes;
  /** A financial submission's answer under its Idempotency-Key (recorded by its transaction). */
  idempotency: Pick<SubmissionIdempotency, 'keyOf' | 'recorded'>;
  metrics: Pick<BusinessMetrics, 'count'>;
  /** The local stage's finance sandbox reports payout results (the application page shows its panel). */
  payoutSandbox: boolean;
  /** The local stage's billing sandbox reports repayment debits' results (its panel on the page). */
  debitSandbox?: boolean;
  now: () => number;
}

/** A random suffix that orders events written in the same millisecond. */
export function eventSeq(): string {
  return randomBytes(4).toString('hex');
}

export function todayOf(deps: Pick<EndorsementDeps, 'now'>): string {
  return todayInShanghai(new Date(deps.now()));
}

/** Who did something, as the gateway saw them: the audit trail's "who, from where". */
export interface Actor {
  claims: AccessClaims;
  sourceIp: string | null;
  userAgent: string | null;
}

/** A visible policy with everything the rules need. Not visible answers exactly like get-policy's 404. */
export interface EndorsablePolicy {
  policy: PolicyRecord;
  product: ProductRecord;
  holder: CustomerRecord;
  insured: CustomerRecord;
}

export async function loadEndorsablePolicy(
  deps: Pick<EndorsementDeps, 'repositories'>,
  claims: AccessClaims,
  policyNo: string,
  /** A trustee's authorisation already checked to cover this policy: it stands for the view rule. */
  authority: AuthorisationRecord | null = null,
): Promise<EndorsablePolicy> {
  const notFound = () =>
    new AppError('NOT_FOUND', POLICY_NOT_FOUND_MESSAGE, {
      logMessage: `policy ${policyNo} not found or not visible to ${claims.sub}`,
    });
  const policy = await deps.repositories.policies.get(policyNo);
  if (!policy) throw notFound();
  const [holder, insured, product] = await Promise.all([
    deps.repositories.customers.get(policy.holderId),
    policy.insuredId === policy.holderId ? null : deps.repositories.customers.get(policy.insuredId),
    deps.repositories.products.get(policy.productCode),
  ]);
  const insuredRecord = insured ?? holder;
  if (!holder || !insuredRecord || !product)
    throw new AppError('INTERNAL', undefined, {
      logMessage: `policy ${policyNo} has missing parties or product`,
    });
  const parties = holder === insuredRecord ? [holder] : [holder, insuredRecord];
  const covered = authority?.customerId === holder.customerId && authority.poa.policyNos.includes(policyNo);
  if (!covered && !canViewPolicy(claims, policy, parties)) throw notFound();
  return { policy, product, holder, insured: insuredRecord };
}

/**
 * The approved video authorisation a trustee acts on, checked for this act today: bound to the
 * caller, in force (a revocation counts at once, the validity to its last day), this policy and
 * this matter within its scope (`assertTrusteeMayAct`). Only a signed-in customer-role account
 * can be a trustee; anyone else's or an unknown authorisation is the same 404.
 */
export async function trusteeAuthority(
  deps: Pick<EndorsementDeps, 'repositories' | 'now'>,
  claims: AccessClaims,
  act: { authorisationId: string; policyNo: string; type: EndorsementRecord['type'] | null },
): Promise<AuthorisationRecord> {
  if (claims.role !== 'customer')
    throw new AppError('FORBIDDEN', '依据录像授权代办须由受托人本人使用微信登录后办理', {
      field: 'authorisationId',
    });
  const record = await authorisationsOf(deps).get(act.authorisationId);
  assertTrusteeMayAct(record, {
    userId: claims.sub,
    policyNo: act.policyNo,
    matter: act.type,
    today: todayOf(deps),
  });
  return record;
}

export const COUNTER_AUTHORISATION_NOT_FOUND = '未找到该授权';

/**
 * The approved video authorisation staff process a matter on themselves (柜面代办), checked for
 * this act today: the authorisation reviewed in the staff member's branch subtree (any other, or
 * an unknown one, is the 404 of one that does not exist, as for its review), in force, this policy
 * and this matter within its scope — the trustee's own checks (`assertAuthorisationCovers`), with
 * the same messages.
 */
export async function counterAuthority(
  deps: Pick<EndorsementDeps, 'repositories' | 'now'>,
  claims: AccessClaims,
  act: { authorisationId: string; policyNo: string; type: EndorsementRecord['type'] | null },
): Promise<AuthorisationRecord> {
  const record = await authorisationsOf(deps).get(act.authorisationId);
  if (
    claims.role !== 'staff' ||
    !claims.branchPath ||
    !record ||
    !isInBranchSubtree(record.reviewBranchPath, claims.branchPath)
  )
    throw new AppError('NOT_FOUND', COUNTER_AUTHORISATION_NOT_FOUND, {
      field: 'authorisationId',
      logMessage: `authorisation ${act.authorisationId} not found or outside ${claims.sub}'s subtree`,
    });
  assertAuthorisationCovers(record, { policyNo: act.policyNo, matter: act.type, today: todayOf(deps) });
  return record;
}

/** Whether the signed-in person is staff of the subtree of an application prepared at the counter. */
export function isCounterOf(claims: AccessClaims, record: EndorsementRecord): boolean {
  return Boolean(record.counterAct) && claims.role === 'staff' && reviewsBranch(claims, record);
}

/** The authorisations store of a function a trustee calls; elsewhere a wiring mistake. */
export function authorisationsOf(
  deps: Pick<EndorsementDeps, 'repositories'>,
): Pick<AuthorisationStore, 'get'> {
  const store = deps.repositories.authorisations;
  if (!store)
    throw new AppError('INTERNAL', undefined, { logMessage: 'video authorisations are not wired here' });
  return store;
}

/** Whether the signed-in person is the trustee who prepared this application. */
export function isTrusteeOf(claims: AccessClaims, record: Pick<EndorsementRecord, 'trustee'>): boolean {
  return claims.role === 'customer' && Boolean(record.trustee) && record.trustee?.userId === claims.sub;
}

/**
 * Endorsements are the policyholder's to make (保险法: the holder is the contract's party): the
 * holder as a customer, or the holder's assigned agent preparing it for them. The insured, who
 * may view the policy, cannot.
 */
export function assertActsForHolder(claims: AccessClaims, holder: CustomerRecord): void {
  const allowed =
    (claims.role === 'customer' && claims.customerId === holder.customerId) ||
    (claims.role === 'agent' && Boolean(claims.agentId) && claims.agentId === holder.agentId);
  if (!allowed) throw new AppError('FORBIDDEN', HOLDER_ONLY_MESSAGE);
}

export function actsForHolder(
  claims: AccessClaims,
  record: EndorsementRecord,
  holderAgentId: string | null,
): boolean {
  if (isTrusteeOf(claims, record) || isCounterOf(claims, record)) return true;
  if (claims.role === 'customer') return claims.customerId === record.holder.customerId;
  return claims.role === 'agent' && Boolean(claims.agentId) && claims.agentId === holderAgentId;
}

export function reviewsBranch(claims: AccessClaims, record: EndorsementRecord): boolean {
  if (claims.role === 'admin') return true;
  return (
    claims.role === 'staff' &&
    Boolean(claims.branchPath) &&
    isInBranchSubtree(record.branchPath, claims.branchPath ?? '')
  );
}

export interface OpenableEndorsement {
  record: EndorsementRecord;
  /** The holder's assigned agent now. */
  holderAgentId: string | null;
}

/** The application if this viewer may open it; anything else answers exactly like a missing one. */
export async function loadOpenableEndorsement(
  deps: Pick<EndorsementDeps, 'repositories'>,
  claims: AccessClaims,
  applicationId: string,
): Promise<OpenableEndorsement> {
  const notFound = () =>
    new AppError('NOT_FOUND', ENDORSEMENT_NOT_FOUND_MESSAGE, {
      logMessage: `endorsement ${applicationId} not found or not visible to ${claims.sub}`,
    });
  const record = await deps.repositories.endorsements.get(applicationId);
  if (!record) throw notFound();
  const holder =
    claims.role === 'agent' ? await deps.repositories.customers.get(record.holder.customerId) : null;
  const facts = {
    holderId: record.holder.customerId,
    consentingInsuredId: record.consentDocumentId ? record.insured.customerId : null,
    holderAgentId: holder?.agentId ?? null,
    branchPath: record.branchPath,
  };
  if (!isTrusteeOf(claims, record) && !canOpenEndorsement(claims, facts)) throw notFound();
  return { record, holderAgentId: holder?.agentId ?? null };
}

/** EA + the Shanghai date + 6 random characters (no 0/O/1/I confusion). */
export function newApplicationId(now: number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const random = [...randomBytes(6)].map((b) => alphabet[b % alphabet.length]).join('');
  return `EA${todayInShanghai(new Date(now)).replaceAll('-', '')}${random}`;
}

export interface EventActor {
  userId: string;
  role: EndorsementActorRole;
  name: string;
  onBehalfOf: EndorsementParty | null;
  sourceIp: string | null;
  userAgent: string | null;
}

export const SYSTEM_ACTOR: EventActor = {
  userId: 'system',
  role: 'system',
  name: '系统',
  onBehalfOf: null,
  sourceIp: null,
  userAgent: null,
};

/** The signed-in person as the audit trail names them (an agent or a trustee acts for the holder). */
export async function eventActorOf(
  deps: Pick<EndorsementDeps, 'repositories'>,
  actor: Actor,
  holder: EndorsementParty,
  /** The trustee of the application, when it is theirs: named as the holder's trustee. */
  trusteeActing: EndorsementRecord['trustee'] = null,
  /** Staff processing it at the counter on an authorisation: named as acting for the holder. */
  counter = false,
): Promise<EventActor> {
  const trustee = trusteeActing?.userId === actor.claims.sub ? trusteeActing : null;
  if (trustee)
    return {
      userId: actor.claims.sub,
      role: 'customer',
      name: trustee.name,
      onBehalfOf: holder,
      sourceIp: actor.sourceIp,
      userAgent: actor.userAgent,
    };
  // The holder acting for themself is named as on the application; others by their account.
  const self = actor.claims.role === 'customer' && actor.claims.customerId === holder.customerId;
  const user = self ? { displayName: holder.name } : await deps.repositories.users.get(actor.claims.sub);
  const role: EndorsementActorRole =
    actor.claims.role === 'agent' ? 'agent' : actor.claims.role === 'customer' ? 'customer' : 'staff';
  return {
    userId: actor.claims.sub,
    role,
    name: user?.displayName ?? actor.claims.sub,
    onBehalfOf: role === 'agent' || (counter && role === 'staff') ? holder : null,
    sourceIp: actor.sourceIp,
    userAgent: actor.userAgent,
  };
}

export function endorsementEvent(
  record: Pick<EndorsementRecord, 'applicationId'>,
  type: EndorsementEventType,
  actor: EventActor,
  at: number,
  fields: Partial<
    Pick<EndorsementEventRecord, 'fromStatus' | 'toStatus' | 'verificationId' | 'before' | 'after' | 'detail'>
  > = {},
): EndorsementEventRecord {
  return {
    applicationId: record.applicationId,
    at,
    seq: eventSeq(),
    type,
    fromStatus: fields.fromStatus ?? null,
    toStatus: fields.toStatus ?? null,
    actorUserId: actor.userId,
    actorRole: actor.role,
    actorName: actor.name,
    onBehalfOf: actor.onBehalfOf,
    sourceIp: actor.sourceIp,
    userAgent: actor.userAgent,
    verificationId: fields.verificationId ?? null,
    before: fields.before ?? null,
    after: fields.after ?? null,
    detail: fields.detail ?? null,
  };
}

/**
 * Whether a draft of this type keeps the policy and parties its rule read, for the submission to
 * evaluate on. Not a contact change: its effect replaces the holder, whose record carries no
 * version for the transaction to check, so its submission reads the holder as stored.
 */
export function keepsDraftedTarget(type: EndorsementRecord['type']): boolean {
  return type !== 'contact_change';
}

/** The application as this viewer sees it, with its timeline. */
export async function applicationView(
  deps: Pick<EndorsementDeps, 'repositories' | 'payoutSandbox' | 'debitSandbox'>,
  claims: AccessClaims,
  opened: OpenableEndorsement,
  evidence: EndorsementEvidence,
  /** The timeline when the caller already has it (read before its own write, plus what it wrote); else the application's copy, or a Query for an application without one. */
  known?: readonly EndorsementEventRecord[],
): Promise<EndorsementApplication> {
  const events =
    known ??
    opened.record.timeline ??
    (await deps.repositories.endorsements.listEvents(opened.record.applicationId));
  return toEndorsementApplication(opened.record, {
    evidence,
    events,
    viewerActsForHolder: actsForHolder(claims, opened.record, opened.holderAgentId),
    viewerReviews: reviewsBranch(claims, opened.record),
    viewerPays: claims.role === 'customer' && claims.customerId === opened.record.holder.customerId,
    payoutSandbox: deps.payoutSandbox,
    debitSandbox: deps.debitSandbox === true,
  });
}

import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import type { EndorsementApplication } from '@zhixiang/shared/endorsement/application';
import { applicationView, type EndorsementDeps, loadOpenableEndorsement } from './endorsement-deps';
import { observeEvidence } from './observe-evidence';

/** One application with its timeline; identity verification and signatures seen since are recorded first. */
export async function getEndorsement(
  deps: EndorsementDeps,
  claims: AccessClaims,
  applicationId: string,
): Promise<EndorsementApplication> {
  const opened = await loadOpenableEndorsement(deps, claims, applicationId);
  const { record, evidence } = await observeEvidence(deps, opened.record);
  return applicationView(deps, claims, { ...opened, record }, evidence);
}

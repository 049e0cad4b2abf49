import type { Repositories } from '@zhixiang/shared/ports/repositories';
import { claimsFor } from '../auth/use-cases/session';
import { createEndorsement } from '../endorsements/use-cases/create-endorsement';
import type { EndorsementDeps } from '../endorsements/use-cases/endorsement-deps';
import type { DemoData } from './demo-data';

/**
 * The application document (申请书) of 张伟's demo address change, awaiting his signature: the demo
 * of 我的批单 and signing.
 */
export const DEMO_DOCUMENT_ID = 'PD20261125ZXDEMO';
/** The new contact address the demo application asks for. */
export const DEMO_NEW_ADDRESS = '上海市徐汇区漕溪北路88号2201室';

/**
 * Creates 张伟's contact-address change once, through the endorsement engine's own use case (as
 * he would in the app), so its "before" is his address on record and signing, submitting and
 * taking effect really change it. A signed or finished demo stays as it is across re-seeds.
 */
export async function seedDemoDocuments(
  repositories: Repositories & Pick<EndorsementDeps['repositories'], 'documents' | 'endorsements'>,
  data: DemoData,
): Promise<void> {
  if (await repositories.documents.get(DEMO_DOCUMENT_ID)) return;
  // His critical-illness policy: the one no other demo or test changes the contact of.
  const policy = data.policies.find(
    (p) => p.holderId === 'C001' && p.insuredId === 'C001' && p.productCode === 'CI01',
  );
  const user = data.users.find((u) => u.userId === 'demo-customer-c001');
  if (!policy || !user) return;
  await createEndorsement(
    { repositories, payoutSandbox: false, now: () => Date.now() },
    { claims: claimsFor(user), sourceIp: null, userAgent: 'seed' },
    policy.policyNo,
    { type: 'contact_change', address: DEMO_NEW_ADDRESS },
    { documentId: DEMO_DOCUMENT_ID },
  );
}

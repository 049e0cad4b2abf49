import type { ApplicationFact } from '@zhixiang/shared/home/agent-home';
import type { EndorsementRepository } from '@zhixiang/shared/ports/endorsements';

/** The customer's applications as policyholder, as the facts of the agent's home: one Query of their partition. */
export async function applicationFactsOf(
  deps: { repositories: { endorsements: Pick<EndorsementRepository, 'listByHolder'> } },
  customerId: string,
): Promise<ApplicationFact[]> {
  const applications = await deps.repositories.endorsements.listByHolder(customerId);
  return applications.map((application) => ({
    applicationId: application.applicationId,
    type: application.type,
    status: application.status,
    policyNo: application.policyNo,
    preparedByAgentId: application.preparedBy.role === 'agent' ? application.preparedBy.agentId : null,
    createdAt: application.createdAt,
  }));
}

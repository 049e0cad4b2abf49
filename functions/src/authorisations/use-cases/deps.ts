import type { AuthorisationStore, AuthorisationVideoFiles } from '@zhixiang/shared/ports/authorisations';
import type { PrivateFileStore } from '@zhixiang/shared/ports/private-files';
import type { CustomerRepository, PolicyRepository } from '@zhixiang/shared/ports/repositories';

/** What the authorisations use cases need, and nothing more. */
export interface AuthorisationDeps {
  now: () => number;
  repositories: {
    authorisations: AuthorisationStore;
    customers: Pick<CustomerRepository, 'get'>;
    policies: Pick<PolicyRepository, 'listByCustomer'>;
  };
  authorisationFiles: Pick<PrivateFileStore, 'presignPut' | 'size' | 'read' | 'delete'>;
  authorisationVideos: AuthorisationVideoFiles;
}

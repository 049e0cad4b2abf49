import type { AuthorisationStore, AuthorisationVideoFiles } from '@zhixiang/shared/ports/authorisations';
import type { PrivateFileStore } from '@zhixiang/shared/ports/private-files';
import type {
  CustomerRepository,
  PolicyRepository,
  ProductRepository,
} from '@zhixiang/shared/ports/repositories';

/** What the authorisations use cases need, and nothing more. */
export interface AuthorisationDeps {
  now: () => number;
  repositories: {
    authorisations: AuthorisationStore;
    customers: Pick<CustomerRepository, 'get'>;
    policies: Pick<PolicyRepository, 'listByCustomer'>;
    /** The products' terms: the evidence's retention follows the policies' ends. */
    products: Pick<ProductRepository, 'get'>;
  };
  authorisationFiles: Pick<PrivateFileStore, 'presignPut' | 'size' | 'read' | 'delete'>;
  authorisationVideos: AuthorisationVideoFiles;
}

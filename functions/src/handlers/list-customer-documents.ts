import { routes } from '@zhixiang/shared/api/routes';
import { CustomerPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { documentDeps } from '../use-cases/documents/document-deps';
import { listCustomerDocuments } from '../use-cases/documents/list-customer-documents';

export const handler = httpHandler(routes.listCustomerDocuments, ({ auth, pathParameters, container }) =>
  listCustomerDocuments(
    documentDeps(container),
    auth,
    parseBody(CustomerPathSchema, pathParameters).customerId,
  ),
);

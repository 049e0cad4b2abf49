import { listCustomerDocumentsRoute } from '@zhixiang/shared/documents/routes';
import { CustomerPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { documentDeps } from '../use-cases/document-deps';
import { listCustomerDocuments } from '../use-cases/list-customer-documents';
import { documentsWiring } from '../wiring';

export const handler = httpHandler(
  listCustomerDocumentsRoute,
  documentsWiring,
  ({ auth, pathParameters, deps }) =>
    listCustomerDocuments(documentDeps(deps), auth, parseBody(CustomerPathSchema, pathParameters).customerId),
);

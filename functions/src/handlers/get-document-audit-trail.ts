import { routes } from '@zhixiang/shared/api/routes';
import { DocumentPathSchema } from '@zhixiang/shared/documents/schemas';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { documentDeps } from '../use-cases/documents/document-deps';
import { getDocumentAuditTrail } from '../use-cases/documents/get-document-audit-trail';

export const handler = httpHandler(
  routes.getDocumentAuditTrail,
  ({ auth, pathParameters, sourceIp, userAgent, container }) =>
    getDocumentAuditTrail(
      documentDeps(container),
      { claims: auth, sourceIp, userAgent },
      parseBody(DocumentPathSchema, pathParameters).documentId,
    ),
);

import { routes } from '@zhixiang/shared/api/routes';
import { DocumentPathSchema } from '@zhixiang/shared/documents/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { documentDeps } from '../use-cases/document-deps';
import { getDocumentAuditTrail } from '../use-cases/get-document-audit-trail';

export const handler = httpHandler(
  routes.getDocumentAuditTrail,
  ({ auth, pathParameters, sourceIp, userAgent, container }) =>
    getDocumentAuditTrail(
      documentDeps(container),
      { claims: auth, sourceIp, userAgent },
      parseBody(DocumentPathSchema, pathParameters).documentId,
    ),
);

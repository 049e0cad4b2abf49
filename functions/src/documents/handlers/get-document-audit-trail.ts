import { getDocumentAuditTrailRoute } from '@zhixiang/shared/documents/routes';
import { DocumentPathSchema } from '@zhixiang/shared/documents/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { documentDeps } from '../use-cases/document-deps';
import { getDocumentAuditTrail } from '../use-cases/get-document-audit-trail';
import { documentsWiring } from '../wiring';

export const handler = httpHandler(
  getDocumentAuditTrailRoute,
  documentsWiring,
  ({ auth, pathParameters, sourceIp, userAgent, deps }) =>
    getDocumentAuditTrail(
      documentDeps(deps),
      { claims: auth, sourceIp, userAgent },
      parseBody(DocumentPathSchema, pathParameters).documentId,
    ),
);

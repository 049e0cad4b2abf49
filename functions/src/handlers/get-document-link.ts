import { routes } from '@zhixiang/shared/api/routes';
import { DocumentPathSchema } from '@zhixiang/shared/documents/schemas';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { documentDeps } from '../use-cases/documents/document-deps';
import { getDocumentLink } from '../use-cases/documents/get-document-link';

export const handler = httpHandler(
  routes.getDocumentLink,
  ({ auth, pathParameters, sourceIp, userAgent, container }) =>
    getDocumentLink(
      documentDeps(container),
      { claims: auth, sourceIp, userAgent },
      parseBody(DocumentPathSchema, pathParameters).documentId,
    ),
);

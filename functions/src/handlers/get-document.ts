import { routes } from '@zhixiang/shared/api/routes';
import { DocumentPathSchema } from '@zhixiang/shared/documents/schemas';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { documentDeps } from '../use-cases/documents/document-deps';
import { getDocument } from '../use-cases/documents/get-document';

export const handler = httpHandler(
  routes.getDocument,
  ({ auth, pathParameters, sourceIp, userAgent, container }) =>
    getDocument(
      documentDeps(container),
      { claims: auth, sourceIp, userAgent },
      parseBody(DocumentPathSchema, pathParameters).documentId,
    ),
);

import { routes } from '@zhixiang/shared/api/routes';
import { DocumentPathSchema } from '@zhixiang/shared/documents/schemas';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { createSignatureUpload } from '../use-cases/documents/create-signature-upload';
import { documentDeps } from '../use-cases/documents/document-deps';

export const handler = httpHandler(
  routes.createSignatureUpload,
  ({ auth, pathParameters, sourceIp, userAgent, container }) =>
    createSignatureUpload(
      documentDeps(container),
      { claims: auth, sourceIp, userAgent },
      parseBody(DocumentPathSchema, pathParameters).documentId,
    ),
  { roles: ['customer', 'agent'] },
);

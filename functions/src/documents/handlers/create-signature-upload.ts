import { routes } from '@zhixiang/shared/api/routes';
import { DocumentPathSchema } from '@zhixiang/shared/documents/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { createSignatureUpload } from '../use-cases/create-signature-upload';
import { documentDeps } from '../use-cases/document-deps';

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

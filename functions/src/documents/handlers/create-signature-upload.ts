import { createSignatureUploadRoute } from '@zhixiang/shared/documents/routes';
import { DocumentPathSchema } from '@zhixiang/shared/documents/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { createSignatureUpload } from '../use-cases/create-signature-upload';
import { documentDeps } from '../use-cases/document-deps';
import { documentsWiring } from '../wiring';

export const handler = httpHandler(
  createSignatureUploadRoute,
  documentsWiring,
  ({ auth, pathParameters, sourceIp, userAgent, deps }) =>
    createSignatureUpload(
      documentDeps(deps),
      { claims: auth, sourceIp, userAgent },
      parseBody(DocumentPathSchema, pathParameters).documentId,
    ),
  { roles: ['customer', 'agent'] },
);

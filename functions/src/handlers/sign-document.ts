import { routes } from '@zhixiang/shared/api/routes';
import { DocumentPathSchema } from '@zhixiang/shared/documents/schemas';
import { insurerSigningKey } from '../adapters/signing/insurer-signing-key';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { documentDeps } from '../use-cases/documents/document-deps';
import { signDocument } from '../use-cases/documents/sign-document';

export const handler = httpHandler(
  routes.signDocument,
  ({ auth, pathParameters, sourceIp, userAgent, container, body }) =>
    signDocument(
      { ...documentDeps(container), signingKey: insurerSigningKey(container.config) },
      { claims: auth, sourceIp, userAgent },
      parseBody(DocumentPathSchema, pathParameters).documentId,
      body,
    ),
  { roles: ['customer', 'agent'] },
);

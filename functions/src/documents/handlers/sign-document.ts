import { routes } from '@zhixiang/shared/api/routes';
import { DocumentPathSchema } from '@zhixiang/shared/documents/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { insurerSigningKey } from '../adapters/signing/insurer-signing-key';
import { documentDeps } from '../use-cases/document-deps';
import { signDocument } from '../use-cases/sign-document';

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

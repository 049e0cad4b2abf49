import { signDocumentRoute } from '@zhixiang/shared/documents/routes';
import { DocumentPathSchema } from '@zhixiang/shared/documents/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { documentDeps } from '../use-cases/document-deps';
import { signDocument } from '../use-cases/sign-document';
import { signingWiring } from '../wiring-signing';

export const handler = httpHandler(
  signDocumentRoute,
  signingWiring,
  ({ auth, pathParameters, sourceIp, userAgent, deps, body }) =>
    signDocument(
      { ...documentDeps(deps), signingKey: deps.signingKey, pdf: deps.pdf },
      { claims: auth, sourceIp, userAgent },
      parseBody(DocumentPathSchema, pathParameters).documentId,
      body,
    ),
  { roles: ['customer', 'agent'] },
);

import { getDocumentLinkRoute } from '@zhixiang/shared/documents/routes';
import { DocumentPathSchema } from '@zhixiang/shared/documents/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { documentDeps } from '../use-cases/document-deps';
import { getDocumentLink } from '../use-cases/get-document-link';
import { documentsWiring } from '../wiring';

export const handler = httpHandler(
  getDocumentLinkRoute,
  documentsWiring,
  ({ auth, pathParameters, sourceIp, userAgent, deps }) =>
    getDocumentLink(
      documentDeps(deps),
      { claims: auth, sourceIp, userAgent },
      parseBody(DocumentPathSchema, pathParameters).documentId,
    ),
);

import { getDocumentRoute } from '@zhixiang/shared/documents/routes';
import { DocumentPathSchema } from '@zhixiang/shared/documents/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { documentDeps } from '../use-cases/document-deps';
import { getDocument } from '../use-cases/get-document';
import { documentsWiring } from '../wiring';

export const handler = httpHandler(
  getDocumentRoute,
  documentsWiring,
  ({ auth, pathParameters, sourceIp, userAgent, deps }) =>
    getDocument(
      documentDeps(deps),
      { claims: auth, sourceIp, userAgent },
      parseBody(DocumentPathSchema, pathParameters).documentId,
    ),
);

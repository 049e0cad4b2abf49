import { listMyDocumentsRoute } from '@zhixiang/shared/documents/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { documentDeps } from '../use-cases/document-deps';
import { listMyDocuments } from '../use-cases/list-my-documents';
import { documentsWiring } from '../wiring';

export const handler = httpHandler(listMyDocumentsRoute, documentsWiring, ({ auth, deps }) =>
  listMyDocuments(documentDeps(deps), auth),
);

import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../middleware/http-handler';
import { documentDeps } from '../use-cases/documents/document-deps';
import { listMyDocuments } from '../use-cases/documents/list-my-documents';

export const handler = httpHandler(routes.listMyDocuments, ({ auth, container }) =>
  listMyDocuments(documentDeps(container), auth),
);

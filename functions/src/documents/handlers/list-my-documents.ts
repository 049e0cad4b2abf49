import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { documentDeps } from '../use-cases/document-deps';
import { listMyDocuments } from '../use-cases/list-my-documents';

export const handler = httpHandler(routes.listMyDocuments, ({ auth, container }) =>
  listMyDocuments(documentDeps(container), auth),
);

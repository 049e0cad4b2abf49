import { createAuthorisationDocumentUploadRoute } from '@zhixiang/shared/authorisations/routes';
import { AuthorisationPathSchema } from '@zhixiang/shared/authorisations/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { createDocumentPhotoUpload } from '../use-cases/document-photo';
import { authorisationsWiring } from '../wiring';

export const handler = httpHandler(
  createAuthorisationDocumentUploadRoute,
  authorisationsWiring,
  ({ auth, pathParameters, deps }) =>
    createDocumentPhotoUpload(deps, auth, parseBody(AuthorisationPathSchema, pathParameters).authorisationId),
  { roles: ['customer'] },
);

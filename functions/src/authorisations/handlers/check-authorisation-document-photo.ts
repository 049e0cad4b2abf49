import { checkAuthorisationDocumentPhotoRoute } from '@zhixiang/shared/authorisations/routes';
import { AuthorisationPathSchema } from '@zhixiang/shared/authorisations/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { checkDocumentPhoto } from '../use-cases/document-photo';
import { authorisationsWiring } from '../wiring';

export const handler = httpHandler(
  checkAuthorisationDocumentPhotoRoute,
  authorisationsWiring,
  ({ auth, pathParameters, deps }) =>
    checkDocumentPhoto(deps, auth, parseBody(AuthorisationPathSchema, pathParameters).authorisationId),
  { roles: ['customer'] },
);

import { getAuthorisationVideoUploadRoute } from '@zhixiang/shared/authorisations/routes';
import { AuthorisationPathSchema } from '@zhixiang/shared/authorisations/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getVideoUpload } from '../use-cases/video-upload';
import { authorisationsWiring } from '../wiring';

export const handler = httpHandler(
  getAuthorisationVideoUploadRoute,
  authorisationsWiring,
  ({ auth, pathParameters, deps }) =>
    getVideoUpload(deps, auth, parseBody(AuthorisationPathSchema, pathParameters).authorisationId),
  { roles: ['customer'] },
);

import { startAuthorisationVideoUploadRoute } from '@zhixiang/shared/authorisations/routes';
import { AuthorisationPathSchema } from '@zhixiang/shared/authorisations/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { startVideoUpload } from '../use-cases/video-upload';
import { authorisationsWiring } from '../wiring';

export const handler = httpHandler(
  startAuthorisationVideoUploadRoute,
  authorisationsWiring,
  ({ auth, pathParameters, body, deps }) =>
    startVideoUpload(
      deps,
      auth,
      parseBody(AuthorisationPathSchema, pathParameters).authorisationId,
      body.sizeBytes,
    ),
  { roles: ['customer'], successStatus: 201 },
);

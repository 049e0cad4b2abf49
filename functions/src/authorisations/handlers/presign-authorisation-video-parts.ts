import { presignAuthorisationVideoPartsRoute } from '@zhixiang/shared/authorisations/routes';
import { AuthorisationPathSchema } from '@zhixiang/shared/authorisations/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { presignVideoParts } from '../use-cases/video-upload';
import { authorisationsWiring } from '../wiring';

export const handler = httpHandler(
  presignAuthorisationVideoPartsRoute,
  authorisationsWiring,
  ({ auth, pathParameters, body, deps }) =>
    presignVideoParts(
      deps,
      auth,
      parseBody(AuthorisationPathSchema, pathParameters).authorisationId,
      body.partNumbers,
    ),
  { roles: ['customer'] },
);

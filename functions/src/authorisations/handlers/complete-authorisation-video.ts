import { completeAuthorisationVideoRoute } from '@zhixiang/shared/authorisations/routes';
import { AuthorisationPathSchema } from '@zhixiang/shared/authorisations/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { completeVideo } from '../use-cases/video-upload';
import { authorisationsWiring } from '../wiring';

export const handler = httpHandler(
  completeAuthorisationVideoRoute,
  authorisationsWiring,
  ({ auth, pathParameters, deps }) =>
    completeVideo(deps, auth, parseBody(AuthorisationPathSchema, pathParameters).authorisationId),
  { roles: ['customer'] },
);

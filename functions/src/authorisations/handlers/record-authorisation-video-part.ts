import { recordAuthorisationVideoPartRoute } from '@zhixiang/shared/authorisations/routes';
import { VideoPartPathSchema } from '@zhixiang/shared/authorisations/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { recordVideoPart } from '../use-cases/video-upload';
import { authorisationsWiring } from '../wiring';

export const handler = httpHandler(
  recordAuthorisationVideoPartRoute,
  authorisationsWiring,
  ({ auth, pathParameters, body, deps }) => {
    const path = parseBody(VideoPartPathSchema, pathParameters);
    return recordVideoPart(deps, auth, path.authorisationId, Number(path.partNumber), body.etag);
  },
  { roles: ['customer'] },
);

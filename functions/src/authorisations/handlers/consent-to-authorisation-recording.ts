import { consentToAuthorisationRecordingRoute } from '@zhixiang/shared/authorisations/routes';
import { AuthorisationPathSchema } from '@zhixiang/shared/authorisations/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { consentToRecording } from '../use-cases/manage-draft';
import { authorisationsWiring } from '../wiring';

export const handler = httpHandler(
  consentToAuthorisationRecordingRoute,
  authorisationsWiring,
  ({ auth, pathParameters, body, deps }) =>
    consentToRecording(
      deps,
      auth,
      parseBody(AuthorisationPathSchema, pathParameters).authorisationId,
      body.version,
    ),
  { roles: ['customer'] },
);

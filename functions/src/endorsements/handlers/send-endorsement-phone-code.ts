import { EndorsementPathSchema } from '@zhixiang/shared/endorsement/application';
import { sendEndorsementPhoneCodeRoute } from '@zhixiang/shared/endorsement/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { sendEndorsementPhoneCode } from '../use-cases/send-endorsement-phone-code';
import { endorsementDeps, endorsementsWiring } from '../wiring';

export const handler = httpHandler(
  sendEndorsementPhoneCodeRoute,
  endorsementsWiring,
  ({ auth, pathParameters, sourceIp, userAgent, deps }) =>
    sendEndorsementPhoneCode(
      endorsementDeps(deps),
      { claims: auth, sourceIp, userAgent },
      parseBody(EndorsementPathSchema, pathParameters).applicationId,
    ),
  { roles: ['customer', 'agent'] },
);

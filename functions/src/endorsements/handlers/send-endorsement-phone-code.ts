import { routes } from '@zhixiang/shared/api/routes';
import { EndorsementPathSchema } from '@zhixiang/shared/endorsement/application';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { endorsementDeps } from '../use-cases/endorsement-deps';
import { sendEndorsementPhoneCode } from '../use-cases/send-endorsement-phone-code';

export const handler = httpHandler(
  routes.sendEndorsementPhoneCode,
  ({ auth, pathParameters, sourceIp, userAgent, container }) =>
    sendEndorsementPhoneCode(
      endorsementDeps(container),
      { claims: auth, sourceIp, userAgent },
      parseBody(EndorsementPathSchema, pathParameters).applicationId,
    ),
  { roles: ['customer', 'agent'] },
);

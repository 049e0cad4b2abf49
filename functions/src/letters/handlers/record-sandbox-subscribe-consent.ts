import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { recordSandboxSubscribeConsent } from '../use-cases/record-sandbox-subscribe-consent';

/** Local stage only: exists where subscribe messages go to the local outbox (404 elsewhere). */
export const handler = httpHandler(
  routes.recordSandboxSubscribeConsent,
  ({ auth, body, container }) =>
    recordSandboxSubscribeConsent(
      {
        users: container.repositories.users,
        credits: container.subscribeCredits,
        notices: container.notices,
        logger: container.logger,
        now: container.now,
      },
      auth,
      body.results,
    ),
  {
    roles: ['customer'],
    enabled: (container) => container.config.notices.subscribeMessages.provider === 'sandbox-outbox',
  },
);

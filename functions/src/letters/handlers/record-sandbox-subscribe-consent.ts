import { recordSandboxSubscribeConsentRoute } from '@zhixiang/shared/letters/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { recordSandboxSubscribeConsent } from '../use-cases/record-sandbox-subscribe-consent';
import { lettersWiring } from '../wiring';

/** Local stage only: exists where subscribe messages go to the local outbox (404 elsewhere). */
export const handler = httpHandler(
  recordSandboxSubscribeConsentRoute,
  lettersWiring,
  ({ auth, body, deps }) =>
    recordSandboxSubscribeConsent(
      {
        users: deps.repositories.users,
        credits: deps.subscribeCredits,
        notices: deps.notices,
        letters: deps.letters,
        logger: deps.logger,
        now: deps.now,
      },
      auth,
      body.results,
    ),
  {
    roles: ['customer'],
    enabled: (deps) => deps.config.notices.subscribeMessages.provider === 'sandbox-outbox',
  },
);

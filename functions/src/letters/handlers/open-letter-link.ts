import { routes } from '@zhixiang/shared/api/routes';
import { LetterLinkPathSchema } from '@zhixiang/shared/letters/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { openLetterLink } from '../use-cases/open-letter-link';

/** Public: the signed link of an SMS or WeChat message is the proof (no sign-in). */
export const handler = httpHandler(routes.openLetterLink, ({ pathParameters, container }) =>
  openLetterLink(
    {
      links: container.letterLinks,
      letters: container.letters,
      notices: container.notices,
      files: container.documentFiles,
      now: container.now,
    },
    parseBody(LetterLinkPathSchema, pathParameters).token,
  ),
);

import { openLetterLinkRoute } from '@zhixiang/shared/letters/routes';
import { LetterLinkPathSchema } from '@zhixiang/shared/letters/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { openLetterLink } from '../use-cases/open-letter-link';
import { lettersWiring } from '../wiring';

/** Public: the signed link of an SMS or WeChat message is the proof (no sign-in). */
export const handler = httpHandler(openLetterLinkRoute, lettersWiring, ({ pathParameters, deps }) =>
  openLetterLink(
    {
      links: deps.letterLinks,
      letters: deps.letters,
      files: deps.documentFiles,
      now: deps.now,
    },
    parseBody(LetterLinkPathSchema, pathParameters).token,
  ),
);

import { getLetterRoute } from '@zhixiang/shared/letters/routes';
import { LetterPathSchema } from '@zhixiang/shared/letters/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getLetter } from '../use-cases/get-letter';
import { lettersWiring } from '../wiring';

export const handler = httpHandler(getLetterRoute, lettersWiring, ({ auth, pathParameters, deps }) =>
  getLetter(
    {
      letters: deps.letters,
      customers: deps.repositories.customers,
      files: deps.documentFiles,
      now: deps.now,
    },
    auth,
    parseBody(LetterPathSchema, pathParameters).letterId,
  ),
);

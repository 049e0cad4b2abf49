import { routes } from '@zhixiang/shared/api/routes';
import { LetterPathSchema } from '@zhixiang/shared/letters/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { getLetter } from '../use-cases/get-letter';

export const handler = httpHandler(routes.getLetter, ({ auth, pathParameters, container }) =>
  getLetter(
    {
      letters: container.letters,
      customers: container.repositories.customers,
      files: container.documentFiles,
      now: container.now,
    },
    auth,
    parseBody(LetterPathSchema, pathParameters).letterId,
  ),
);

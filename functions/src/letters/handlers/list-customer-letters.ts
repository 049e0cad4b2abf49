import { listCustomerLettersRoute } from '@zhixiang/shared/letters/routes';
import { CustomerPathSchema } from '@zhixiang/shared/policy/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { listLetters } from '../use-cases/list-letters';
import { lettersWiring } from '../wiring';

/** 我的信函 (and the agent's / staff's view of a customer's letters). */
export const handler = httpHandler(
  listCustomerLettersRoute,
  lettersWiring,
  ({ auth, pathParameters, deps }) =>
    listLetters(
      { letters: deps.letters, customers: deps.repositories.customers },
      auth,
      parseBody(CustomerPathSchema, pathParameters).customerId,
    ),
);

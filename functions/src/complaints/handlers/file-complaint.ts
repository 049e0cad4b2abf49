import { fileComplaintRoute } from '@zhixiang/shared/complaints/routes';

import { httpHandler } from '../../platform/http/http-handler';
import { fileComplaint } from '../use-cases/file-complaint';
import { complaintsWiring } from '../wiring';

export const handler = httpHandler(
  fileComplaintRoute,
  complaintsWiring,
  ({ auth, body, deps }) => fileComplaint(deps, auth, body),
  { roles: ['customer'], successStatus: 201 },
);

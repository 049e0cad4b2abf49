import { createIdentityUploadRoute } from '@zhixiang/shared/identity/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { createIdentityUpload } from '../use-cases/create-identity-upload';
import { identityWiring } from '../wiring';

export const handler = httpHandler(
  createIdentityUploadRoute,
  identityWiring,
  ({ auth, body, deps }) => createIdentityUpload(deps, auth, body),
  { roles: ['customer', 'agent'], successStatus: 201 },
);

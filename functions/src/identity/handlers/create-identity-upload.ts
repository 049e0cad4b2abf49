import { routes } from '@zhixiang/shared/api/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { createIdentityUpload } from '../use-cases/create-identity-upload';

export const handler = httpHandler(
  routes.createIdentityUpload,
  ({ auth, body, container }) => createIdentityUpload(container, auth, body),
  { roles: ['customer', 'agent'], successStatus: 201 },
);

import { createComplaintPhotoUploadRoute } from '@zhixiang/shared/complaints/routes';
import { httpHandler } from '../../platform/http/http-handler';
import { createComplaintPhotoUpload } from '../use-cases/complaint-photos';
import { complaintsWiring } from '../wiring';

export const handler = httpHandler(
  createComplaintPhotoUploadRoute,
  complaintsWiring,
  ({ auth, deps }) => createComplaintPhotoUpload(deps, auth),
  { roles: ['customer', 'agent', 'staff'] },
);

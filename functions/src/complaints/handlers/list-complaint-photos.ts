import { listComplaintPhotosRoute } from '@zhixiang/shared/complaints/routes';
import { ComplaintPathSchema } from '@zhixiang/shared/complaints/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { listComplaintPhotos } from '../use-cases/complaint-photos';
import { complaintsWiring } from '../wiring';

export const handler = httpHandler(
  listComplaintPhotosRoute,
  complaintsWiring,
  ({ auth, pathParameters, deps }) =>
    listComplaintPhotos(deps, auth, parseBody(ComplaintPathSchema, pathParameters).complaintId),
  { roles: ['customer', 'agent', 'staff', 'executive', 'admin'] },
);

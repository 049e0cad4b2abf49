import { recordComplaintStepRoute } from '@zhixiang/shared/complaints/routes';
import { ComplaintPathSchema } from '@zhixiang/shared/complaints/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { recordComplaintStep } from '../use-cases/record-complaint-step';
import { complaintsWiring } from '../wiring';

export const handler = httpHandler(
  recordComplaintStepRoute,
  complaintsWiring,
  ({ auth, body, pathParameters, deps }) =>
    recordComplaintStep(deps, auth, parseBody(ComplaintPathSchema, pathParameters).complaintId, body),
  { roles: ['staff', 'admin'] },
);

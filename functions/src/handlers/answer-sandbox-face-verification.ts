import { routes } from '@zhixiang/shared/api/routes';
import { VerifyIdPathSchema } from '@zhixiang/shared/identity/verification';
import { httpHandler } from '../middleware/http-handler';
import { parseBody } from '../middleware/validation';
import { answerSandboxFaceVerification } from '../use-cases/identity/answer-sandbox-face-verification';

export const handler = httpHandler(
  routes.answerSandboxFaceVerification,
  ({ body, pathParameters, container }) =>
    answerSandboxFaceVerification(
      container,
      parseBody(VerifyIdPathSchema, pathParameters).verifyId,
      body.outcome,
    ),
  { roles: ['customer', 'agent'], enabled: (container) => container.faceVerifier.provider === 'sandbox' },
);

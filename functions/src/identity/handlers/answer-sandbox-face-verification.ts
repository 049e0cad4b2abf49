import { routes } from '@zhixiang/shared/api/routes';
import { VerifyIdPathSchema } from '@zhixiang/shared/identity/verification';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { answerSandboxFaceVerification } from '../use-cases/answer-sandbox-face-verification';

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

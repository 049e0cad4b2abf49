import { answerSandboxFaceVerificationRoute } from '@zhixiang/shared/identity/routes';
import { VerifyIdPathSchema } from '@zhixiang/shared/identity/verification';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { answerSandboxFaceVerification } from '../use-cases/answer-sandbox-face-verification';
import { identityWiring } from '../wiring';

export const handler = httpHandler(
  answerSandboxFaceVerificationRoute,
  identityWiring,
  ({ auth, body, pathParameters, deps }) =>
    answerSandboxFaceVerification(
      deps,
      auth,
      parseBody(VerifyIdPathSchema, pathParameters).verifyId,
      body.outcome,
    ),
  { roles: ['customer', 'agent'], enabled: (deps) => deps.faceVerifier.provider === 'sandbox' },
);

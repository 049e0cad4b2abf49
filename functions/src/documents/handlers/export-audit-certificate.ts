import { exportAuditCertificateRoute } from '@zhixiang/shared/documents/routes';
import { DocumentPathSchema } from '@zhixiang/shared/documents/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { parseBody } from '../../platform/http/validation';
import { documentDeps } from '../use-cases/document-deps';
import { exportAuditCertificate } from '../use-cases/export-audit-certificate';
import { signingWiring } from '../wiring-signing';

export const handler = httpHandler(
  exportAuditCertificateRoute,
  signingWiring,
  ({ auth, pathParameters, sourceIp, userAgent, deps }) =>
    exportAuditCertificate(
      { ...documentDeps(deps), signingKey: deps.signingKey, pdf: deps.pdf },
      { claims: auth, sourceIp, userAgent },
      parseBody(DocumentPathSchema, pathParameters).documentId,
    ),
);

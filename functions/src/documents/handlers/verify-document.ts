import { documentRoutes } from '@zhixiang/shared/documents/routes';
import { VERIFY_MAX_PDF_BYTES } from '@zhixiang/shared/documents/schemas';
import { httpHandler } from '../../platform/http/http-handler';
import { documentDeps } from '../use-cases/document-deps';
import { verifyDocument } from '../use-cases/verify-document';
import { verifyingWiring } from '../wiring-verifying';

/** Public: anyone holding a PDF may ask whether we issued it. The body is the PDF in base64. */
export const handler = httpHandler(
  documentRoutes.verifyDocument,
  verifyingWiring,
  ({ body, deps }) =>
    verifyDocument({ ...documentDeps(deps), trustedCas: deps.trustedCas, pdf: deps.pdf }, body),
  // base64 makes 4 bytes of 3; a little room for the JSON around it.
  { maxBodyBytes: Math.ceil(VERIFY_MAX_PDF_BYTES / 3) * 4 + 1024 },
);

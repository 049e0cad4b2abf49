import { verifyDocumentRoute } from '@zhixiang/shared/documents/routes';
import { VERIFY_MAX_PDF_BYTES } from '@zhixiang/shared/documents/schemas';
import { limitAddress } from '../../platform/http/address-limits';
import { httpHandler } from '../../platform/http/http-handler';
import { documentDeps } from '../use-cases/document-deps';
import { verifyDocument } from '../use-cases/verify-document';
import { verifyingWiring } from '../wiring-verifying';

/** Each check parses a PDF of up to 2 MB: enough for a person, not for a flood. */
const VERIFY_LIMITS = [
  { per: 'minute', limit: 20, windowSeconds: 60 },
  { per: 'hour', limit: 200, windowSeconds: 3600 },
] as const;

/** Public: anyone holding a PDF may ask whether we issued it. The body is the PDF in base64. */
export const handler = httpHandler(
  verifyDocumentRoute,
  verifyingWiring,
  async ({ body, deps, sourceIp }) => {
    await limitAddress(deps, 'verify-document', sourceIp, VERIFY_LIMITS);
    return verifyDocument({ ...documentDeps(deps), trustedCas: deps.trustedCas, pdf: deps.pdf }, body);
  },
  // base64 makes 4 bytes of 3; a little room for the JSON around it.
  { maxBodyBytes: Math.ceil(VERIFY_MAX_PDF_BYTES / 3) * 4 + 1024 },
);

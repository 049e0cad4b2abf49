import { createHash } from 'node:crypto';
import { canOpenDocument } from '@zhixiang/shared/auth/access';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { type Brand, brand } from '@zhixiang/shared/brand';
import {
  type AuditEventType,
  type DocumentAuditEvent,
  type DocumentRecord,
  documentContent,
  signerOf,
} from '@zhixiang/shared/documents/model';
import { AppError } from '@zhixiang/shared/errors';
import type { DocumentRepository } from '@zhixiang/shared/ports/documents';
import type { IdentityProofs } from '@zhixiang/shared/ports/identity-proofs';
import type { PolicyReadRepositories } from '../../policies/use-cases/policy-view-loader';
import type { DocumentFiles } from '../adapters/document-files';
import type { renderAuditCertificate } from '../adapters/render-audit-certificate';
import type { renderDocument } from '../adapters/render-document';
import type { InsurerSigningKey } from '../adapters/signing/insurer-certificate';
import type { sealPdf } from '../adapters/signing/seal-pdf';
import type { checkPdfSignature } from '../adapters/signing/verify-pdf-signature';

export const DOCUMENT_NOT_FOUND_MESSAGE = '未找到该批单';

export interface DocumentPdf {
  renderDocument: typeof renderDocument;
  renderAuditCertificate: typeof renderAuditCertificate;
  sealPdf: typeof sealPdf;
  checkPdfSignature: typeof checkPdfSignature;
}

/** What the document use cases need from the composition root. */
export interface DocumentDeps {
  repositories: PolicyReadRepositories & { documents: DocumentRepository };
  files: DocumentFiles;
  signingKey: Pick<InsurerSigningKey, 'get'>;
  /** Rendering, sealing and checking PDFs: only the signing functions carry pdf-lib and node-forge. */
  pdf: DocumentPdf;
  identityProofs: IdentityProofs;
  brand: Brand;
  now: () => number;
}

/**
 * Everything but the signing key and the PDF tools, which only the signing and verifying handlers add
 * (`insurerSigningKey(container.config)`), keeping node-forge out of the other bundles.
 */
export function documentDeps(container: {
  repositories: DocumentDeps['repositories'];
  documentFiles: DocumentFiles;
  identityProofs: IdentityProofs;
  now: () => number;
}): Omit<DocumentDeps, 'signingKey' | 'pdf'> {
  return {
    repositories: container.repositories,
    files: container.documentFiles,
    identityProofs: container.identityProofs,
    brand,
    now: container.now,
  };
}

/** Who did something, as the gateway saw them: the audit trail's "who, from where". */
export interface Actor {
  claims: AccessClaims;
  sourceIp: string | null;
  userAgent: string | null;
}

export function sha256Hex(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

export function contentHashOf(record: Omit<DocumentRecord, 'contentHash'>): string {
  return sha256Hex(JSON.stringify(documentContent(record)));
}

/** The document's current hash: the content hash until sealed, the PDF's after. */
export function currentHash(record: DocumentRecord): string {
  return record.sealed?.sha256 ?? record.contentHash;
}

export function auditEvent(
  record: DocumentRecord,
  type: AuditEventType,
  actor: Actor | null,
  at: number,
  fields: Partial<Pick<DocumentAuditEvent, 'hashBefore' | 'hashAfter' | 'detail'>> = {},
): DocumentAuditEvent {
  const hash = currentHash(record);
  return {
    documentId: record.documentId,
    type,
    at,
    actorUserId: actor?.claims.sub ?? null,
    actorRole: actor?.claims.role ?? null,
    sourceIp: actor?.sourceIp ?? null,
    userAgent: actor?.userAgent?.slice(0, 300) ?? null,
    hashBefore: fields.hashBefore === undefined ? hash : fields.hashBefore,
    hashAfter: fields.hashAfter === undefined ? hash : fields.hashAfter,
    detail: fields.detail ?? null,
  };
}

/**
 * The document if this viewer may open it: the policyholder, the holder's assigned agent, staff of
 * the policy's branch subtree, admins. Anything else answers exactly like a missing document.
 */
export async function loadOpenableDocument(
  deps: Pick<DocumentDeps, 'repositories'>,
  claims: AccessClaims,
  documentId: string,
): Promise<DocumentRecord> {
  const notFound = () =>
    new AppError('NOT_FOUND', DOCUMENT_NOT_FOUND_MESSAGE, {
      logMessage: `document ${documentId} not found or not visible to ${claims.sub}`,
    });
  const document = await deps.repositories.documents.get(documentId);
  if (!document) throw notFound();
  // Only agents need the signer's current assignment (the holder's, or the consenting insured's).
  const signer = signerOf(document);
  const holder = claims.role === 'agent' ? await deps.repositories.customers.get(signer.customerId) : null;
  const facts = {
    holderId: signer.customerId,
    holderAgentId: holder?.agentId ?? null,
    branchPath: document.branchPath,
  };
  const trustee = claims.role === 'customer' && document.trustee?.userId === claims.sub;
  if (!trustee && !canOpenDocument(claims, facts)) throw notFound();
  return document;
}

/**
 * The customer signs on their own phone, or on their assigned agent's device; a trustee signs the
 * application they prepared; staff never do.
 */
export function canHostSigning(claims: AccessClaims, document: DocumentRecord): boolean {
  if (document.status !== 'awaiting_signature') return false;
  // A trustee's application is the trustee's to sign, on their own phone.
  if (document.trustee) return claims.role === 'customer' && document.trustee.userId === claims.sub;
  if (claims.role === 'customer') return claims.customerId === signerOf(document).customerId;
  return claims.role === 'agent';
}

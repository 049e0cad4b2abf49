import type { AuthorisationRecord } from '../ports/authorisations';
import { maskBankAccount, maskIdNumber, maskPhone } from '../privacy/mask';
import {
  CUSTOMER_DOCUMENT_TYPES,
  matterLabel,
  type PowerOfAttorney,
  TRUSTEE_ID_TYPES,
} from './power-of-attorney';
import type { AuthorisationView, VideoUpload } from './schemas';
import { readAloudScript } from './script';
import { AUTHORISATION_STATUS_LABELS, statusOn } from './status';

/** The power of attorney's fields with every number masked: what any response shows of them. */
export function maskedFields(poa: PowerOfAttorney): AuthorisationView['fields'] {
  return {
    policyNos: poa.policyNos,
    matters: poa.matters.map((type) => ({ type, label: matterLabel(type) })),
    trustee: {
      name: poa.trustee.name,
      idTypeLabel: TRUSTEE_ID_TYPES[poa.trustee.idType],
      idNumberMasked: maskIdNumber(poa.trustee.idNumber),
      relation: poa.trustee.relation,
      phoneMasked: maskPhone(poa.trustee.phone),
    },
    refundAccount: poa.refundAccount
      ? {
          bankName: poa.refundAccount.bankName,
          accountMasked: maskBankAccount(poa.refundAccount.accountNumber),
        }
      : null,
    validUntil: poa.validUntil,
    document: {
      typeLabel: CUSTOMER_DOCUMENT_TYPES[poa.document.type],
      numberMasked: maskIdNumber(poa.document.number),
      expiresOn: poa.document.expiresOn,
    },
  };
}

export function videoUploadView(upload: NonNullable<AuthorisationRecord['videoUpload']>): VideoUpload {
  return {
    sizeBytes: upload.sizeBytes,
    partBytes: upload.partBytes,
    partCount: upload.partCount,
    uploadedParts: Object.entries(upload.parts)
      .map(([partNumber, etag]) => ({ partNumber: Number(partNumber), etag }))
      .sort((a, b) => a.partNumber - b.partNumber),
    startedAt: upload.startedAt,
  };
}

/** What a view shows of the checked recording (its key stays on the server). */
export function recordingView(recording: NonNullable<AuthorisationRecord['recording']>) {
  return {
    contentType: recording.contentType,
    sizeBytes: recording.sizeBytes,
    durationSeconds: recording.durationSeconds,
    sha256: recording.sha256,
    recordedAt: recording.recordedAt,
  };
}

/**
 * The customer's own view: the fields masked, the script in full (they read it aloud), dated the
 * day of recording once recorded, else `today`.
 */
export function toCustomerView(
  record: AuthorisationRecord,
  grantor: { name: string },
  today: string,
): AuthorisationView {
  const status = statusOn(record, today);
  return {
    authorisationId: record.authorisationId,
    status,
    statusLabel: AUTHORISATION_STATUS_LABELS[status],
    fields: maskedFields(record.poa),
    script: readAloudScript(record.poa, grantor, record.recording?.scriptDate ?? today),
    consentedAt: record.consent?.at ?? null,
    documentPhotoUploaded: record.documentPhoto !== null,
    videoUpload: record.videoUpload ? videoUploadView(record.videoUpload) : null,
    recording: record.recording ? recordingView(record.recording) : null,
    rejectionReason: record.rejectionReason,
    createdAt: record.createdAt,
    submittedAt: record.submittedAt,
    decidedAt: record.decidedAt,
    revokedAt: record.revokedAt ?? null,
  };
}

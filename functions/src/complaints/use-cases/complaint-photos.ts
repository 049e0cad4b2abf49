import { randomUUID } from 'node:crypto';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { MAX_COMPLAINT_PHOTO_BYTES } from '@zhixiang/shared/complaints/schemas';
import { AppError } from '@zhixiang/shared/errors';
import type { AttachmentFiles, AttachmentViewLog, StagedUpload } from '@zhixiang/shared/ports/attachments';
import {
  type AttachmentKind,
  attachmentLinks,
  attachmentUploadTicket,
  stagedUploads,
} from '@zhixiang/shared/uploads/attachment-links';
import { type AttachmentLinks, photoTypeOf, type UploadTicket } from '@zhixiang/shared/uploads/attachments';
import { type ComplaintDeps, loadVisibleComplaint } from './complaint-access';

/** What filing with photos and reading them needs beyond the complaints themselves. */
export interface ComplaintPhotoDeps extends ComplaintDeps {
  repositories: ComplaintDeps['repositories'] & { attachmentViews: AttachmentViewLog };
  complaintFiles: AttachmentFiles;
}

const PHOTOS: AttachmentKind = {
  stagingKey: (userId, uploadId) => `complaints/uploads/${userId}/${uploadId}`,
  finalKey: (uploadId) => `complaints/photos/${uploadId}`,
  which: (n) => `第 ${n} 张照片`,
  maxBytes: MAX_COMPLAINT_PHOTO_BYTES,
  typeOf: photoTypeOf,
  field: 'photos',
  types: 'JPG、PNG 或 HEIC',
};

/**
 * A presigned PUT for one photo of a complaint about to be filed. Customers must be bound first,
 * as for filing; agents and seats file for a customer with the same photos.
 */
export async function createComplaintPhotoUpload(
  deps: Pick<ComplaintPhotoDeps, 'complaintFiles' | 'now'>,
  claims: AccessClaims,
): Promise<UploadTicket> {
  if (claims.role === 'customer' && !claims.customerId)
    throw new AppError('FORBIDDEN', '请先完成身份绑定，再提交投诉');
  return attachmentUploadTicket(deps.complaintFiles, PHOTOS, {
    userId: claims.sub,
    uploadId: randomUUID(),
    nowMs: deps.now(),
  });
}

/** The filer's uploads as the complaint will attach them, each with its numbered check. */
export function stagedComplaintPhotos(claims: AccessClaims, uploadIds: readonly string[]): StagedUpload[] {
  return stagedUploads(PHOTOS, claims.sub, uploadIds);
}

/**
 * Short-lived links to a complaint's photos for whoever may read the complaint (its customer,
 * their agent, staff and executives of the subtree). A staff, executive or admin reader's view of
 * each photo is recorded (who, which photo, when) before the links are handed out.
 */
export async function listComplaintPhotos(
  deps: ComplaintPhotoDeps,
  claims: AccessClaims,
  complaintId: string,
): Promise<AttachmentLinks> {
  const { complaint } = await loadVisibleComplaint(deps, claims, complaintId);
  const audited = claims.role === 'staff' || claims.role === 'executive' || claims.role === 'admin';
  return attachmentLinks(
    { files: deps.complaintFiles, views: deps.repositories.attachmentViews, now: deps.now },
    { kind: 'complaint', complaintId },
    complaint.photos ?? [],
    audited ? { userId: claims.sub, role: claims.role } : null,
  );
}

import { randomUUID } from 'node:crypto';
import type { AccessClaims } from '@zhixiang/shared/auth/schemas';
import { AppError } from '@zhixiang/shared/errors';
import {
  COVER_UPLOAD_SECONDS,
  EVENT_NOT_FOUND_MESSAGE,
  type EventCoverUpload,
  MAX_COVER_BYTES,
  type SetEventCoverRequest,
  type StaffEvent,
} from '@zhixiang/shared/events/schemas';
import { imageTypeOf } from '@zhixiang/shared/identity/id-card';
import { checkUploadedFile } from '@zhixiang/shared/uploads/checked-file';
import type { EventDeps } from './event-access';
import { staffEvent, staffView } from './manage-events';

/** Each upload its own key, so a new cover never overwrites the one shown until it is checked. */
const coverKey = (eventId: string, uploadId: string) => `events/${eventId}/covers/${uploadId}`;

/** A presigned PUT for a cover image of an event of the staff member's subtree. */
export async function createEventCoverUpload(
  deps: EventDeps,
  claims: AccessClaims,
  eventId: string,
): Promise<EventCoverUpload> {
  await staffEvent(deps, claims, eventId);
  const uploadId = randomUUID();
  // The type is decided by the file's first bytes when it is checked, not by what the device declares.
  const contentType = 'application/octet-stream';
  return {
    uploadId,
    uploadUrl: await deps.eventFiles.presignPut(
      coverKey(eventId, uploadId),
      contentType,
      COVER_UPLOAD_SECONDS,
    ),
    contentType,
    maxBytes: MAX_COVER_BYTES,
    expiresAt: new Date(deps.now() + COVER_UPLOAD_SECONDS * 1000).toISOString(),
  };
}

/**
 * The uploaded cover checked by the server (present, ≤ 2 MB, JPEG or PNG by its first bytes; a
 * rejected file is deleted) and set on the event with its audit entry; the previous cover is
 * deleted.
 */
export async function setEventCover(
  deps: EventDeps,
  claims: AccessClaims,
  eventId: string,
  request: SetEventCoverRequest,
): Promise<StaffEvent> {
  const event = await staffEvent(deps, claims, eventId);
  const key = coverKey(eventId, request.uploadId);
  const { contentType } = await checkUploadedFile(deps.eventFiles, key, {
    maxBytes: MAX_COVER_BYTES,
    typeOf: imageTypeOf,
    field: 'uploadId',
    notUploaded: '封面图片尚未上传完成，请重新上传',
    tooLarge: `封面图片超过 ${MAX_COVER_BYTES / 1024 / 1024} MB，请压缩后重新上传`,
    wrongType: '封面图片仅支持 JPG 或 PNG 格式',
  });
  const at = new Date(deps.now()).toISOString();
  const cover = { key, contentType, uploadedAt: at };
  const audit = { eventId, action: 'cover_set' as const, byUserId: claims.sub, at };
  if (!(await deps.repositories.events.setCover(eventId, cover, audit)))
    throw new AppError('NOT_FOUND', EVENT_NOT_FOUND_MESSAGE);
  if (event.cover && event.cover.key !== key) await deps.eventFiles.delete(event.cover.key);
  return staffView(deps, { ...event, cover });
}

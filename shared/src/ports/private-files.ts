/**
 * Where customers' uploads go: private objects under a context's prefix (`identity/`: ID-card
 * photos and selfie videos, expired by the bucket's lifecycle rule, docs/identity-verification.md;
 * `authorisations/`: video authorisations, docs/authorisations.md; `events/`: club events' cover images, docs/events.md; complaints' photos and rectifications' evidence go through `AttachmentFiles`, ports/attachments.ts), uploaded by the device with a
 * presigned PUT to a key the server chose, read back by the server for its checks, deleted when
 * rejected.
 */
export interface PrivateFileStore {
  presignPut(key: string, contentType: string, expiresInSeconds: number): Promise<string>;
  /** Size in bytes, or null when nothing was uploaded. */
  size(key: string): Promise<number | null>;
  read(key: string): Promise<Uint8Array>;
  /** A short-lived GET link (staff review). */
  presignGet(key: string, expiresInSeconds: number): Promise<string>;
  delete(key: string): Promise<void>;
}

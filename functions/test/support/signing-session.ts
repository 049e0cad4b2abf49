import type { SignatureUploadResponse } from '@zhixiang/shared/documents/schemas';
import { FACE_ID_CONSENT_VERSION } from '@zhixiang/shared/identity/verification';
import { expect } from 'vitest';
import { claimsFor } from '../../src/auth/use-cases/session';
import type { System } from '../../src/system';
import type { ApiClient, ApiRequestOptions } from './api-client';

/**
 * Demo people acting through the real gateway: signed in by user id, verifying their identity with
 * the identity feature's sandbox HTTP sequence, and uploading a drawn signature to the presigned
 * URLs of a document — the steps every signing journey (documents, endorsements) repeats.
 */
export function signingSession(container: () => System, api: () => ApiClient) {
  const tokens = new Map<string, string>();

  async function tokenOf(userId: string): Promise<string> {
    let token = tokens.get(userId);
    if (!token) {
      const user = await container().repositories.users.get(userId);
      if (!user) throw new Error(`no user ${userId}`);
      token = (await container().accessTokens.issue(claimsFor(user))).token;
      tokens.set(userId, token);
    }
    return token;
  }

  async function as(userId: string) {
    const token = await tokenOf(userId);
    return {
      get: <T>(p: string) => api().request<T>('GET', p, { token }),
      post: <T>(p: string, body?: unknown, options: Omit<ApiRequestOptions, 'token' | 'body'> = {}) =>
        api().request<T>('POST', p, { token, ...options, ...(body === undefined ? {} : { body }) }),
    };
  }

  /** The identity feature's sandbox sequence (docs/identity-verification.md). */
  async function verifyIdentity(userId: string, purpose: string, customerId?: string): Promise<void> {
    const user = await as(userId);
    expect((await user.post('/identity/consent', { version: FACE_ID_CONSENT_VERSION })).status).toBeLessThan(
      300,
    );
    const started = await user.post<{ attemptId: string; verifyId: string }>('/identity/face', {
      purpose,
      ...(customerId ? { customerId } : {}),
    });
    expect(started.status, started.text).toBeLessThan(300);
    expect(
      (await user.post(`/identity/face/sandbox/${started.body.verifyId}`, { outcome: 'success' })).status,
    ).toBe(204);
    const result = await user.post(`/identity/face/${started.body.attemptId}/result`);
    expect(result.status, result.text).toBeLessThan(300);
  }

  async function upload(
    userId: string,
    documentPath: string,
    files: { strokes?: unknown; image?: Uint8Array },
  ): Promise<string> {
    const response = await (await as(userId)).post<SignatureUploadResponse>(
      `${documentPath}/signature-upload`,
    );
    expect(response.status, response.text).toBe(200);
    const put = (url: string, body: string | Uint8Array, type: string) =>
      fetch(url, {
        method: 'PUT',
        body: typeof body === 'string' ? body : new Uint8Array(body),
        headers: { 'content-type': type },
      });
    if (files.strokes !== undefined)
      expect(
        (await put(response.body.strokes.url, JSON.stringify(files.strokes), 'application/json')).ok,
      ).toBe(true);
    if (files.image) expect((await put(response.body.image.url, files.image, 'image/png')).ok).toBe(true);
    return response.body.uploadId;
  }

  return { tokenOf, as, verifyIdentity, upload };
}

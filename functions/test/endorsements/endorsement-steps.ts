import { randomUUID } from 'node:crypto';
import type { DocumentDetail } from '@zhixiang/shared/documents/schemas';
import type {
  CreateEndorsementRequest,
  EndorsementApplication,
} from '@zhixiang/shared/endorsement/application';
import { afterAll, beforeAll, expect } from 'vitest';
import { readLatestSandboxCode } from '../../src/platform/sms/sandbox-outbox-sms';
import { buildDemoData } from '../../src/seed/demo-data';
import { createSystem, type System } from '../../src/system';
import { sampleStrokes } from '../documents/fixtures';
import { strokesToPng } from '../documents/signature-png';
import { type ApiClient, createApiClient } from '../support/api-client';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { signingSession } from '../support/signing-session';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/**
 * The steps of an endorsement as people take them through the gateway: create (holder or agent),
 * verify identity and sign the 电子批单 (the holder; the insured for a consent document), confirm a
 * new phone, submit.
 */
export function endorsementSteps(container: () => System, api: () => ApiClient) {
  const session = signingSession(container, api);

  async function create(userId: string, policyNo: string, body: CreateEndorsementRequest) {
    return (await session.as(userId)).post<EndorsementApplication>(
      `/policies/${policyNo}/endorsements`,
      body,
    );
  }

  async function get(userId: string, applicationId: string) {
    return (await session.as(userId)).get<EndorsementApplication>(`/endorsements/${applicationId}`);
  }

  /** Identity for the document's purpose, then a drawn signature; `hostUserId` is the agent's device. */
  async function verifyAndSign(signerUserId: string, documentId: string, hostUserId = signerUserId) {
    const path = `/documents/${documentId}`;
    const host = await session.as(hostUserId);
    const detail = (await host.get<DocumentDetail>(path)).body;
    await session.verifyIdentity(
      hostUserId,
      detail.purpose,
      hostUserId === signerUserId ? undefined : detail.holderCustomerId,
    );
    const uploadId = await session.upload(hostUserId, path, {
      strokes: sampleStrokes(),
      image: strokesToPng(sampleStrokes()),
    });
    const signed = await host.post<DocumentDetail>(`${path}/signature`, {
      uploadId,
      contentHash: detail.contentHash,
    });
    expect(signed.status, signed.text).toBe(200);
  }

  async function submit(
    userId: string,
    applicationId: string,
    body: { phoneCode?: string } = {},
    idempotencyKey: string | null = randomUUID(),
  ) {
    return (await session.as(userId)).post<EndorsementApplication>(
      `/endorsements/${applicationId}/submit`,
      body,
      idempotencyKey ? { headers: { 'idempotency-key': idempotencyKey } } : {},
    );
  }

  async function newPhoneCode(userId: string, applicationId: string, phone: string): Promise<string> {
    const sent = await (await session.as(userId)).post(`/endorsements/${applicationId}/phone-code`);
    expect(sent.status, sent.text).toBe(200);
    const code = await readLatestSandboxCode(process.env.SMS_OUTBOX_FILE ?? '', phone);
    if (!code) throw new Error(`no code texted to ${phone}`);
    return code;
  }

  /** Create → holder verifies and signs → (insured consents) → submit; returns the submission. */
  async function complete(
    holderUserId: string,
    policyNo: string,
    body: CreateEndorsementRequest,
    options: { preparedBy?: string; insuredUserId?: string; submitBody?: { phoneCode?: string } } = {},
  ) {
    const created = await create(options.preparedBy ?? holderUserId, policyNo, body);
    expect(created.status, created.text).toBe(201);
    await verifyAndSign(holderUserId, created.body.documentId);
    if (created.body.insuredConsent && options.insuredUserId)
      await verifyAndSign(options.insuredUserId, created.body.insuredConsent.documentId);
    const submitted = await submit(holderUserId, created.body.applicationId, options.submitBody ?? {});
    return { created: created.body, submitted };
  }

  return { ...session, create, get, verifyAndSign, submit, newPhoneCode, complete };
}

/**
 * A test file's stack: its own table seeded with the demo data, the local gateway on a free port,
 * and the steps above as the demo people take them.
 */
export function useEndorsementStack() {
  let container: System;
  let gateway: TestGateway;
  let api: ApiClient;
  beforeAll(async () => {
    container = createSystem();
    await seedDemoDataOnce({ repositories: container.repositories });
    gateway = await startTestGateway();
    api = createApiClient(gateway.url);
  });
  afterAll(async () => {
    await gateway?.close();
  });
  return {
    container: () => container,
    api: () => api,
    steps: endorsementSteps(
      () => container,
      () => api,
    ),
  };
}

/** The number of a demo policy by its holder and product (the seed's numbers do not depend on the day). */
export function demoPolicyNo(holderId: string, productCode: string): string {
  const policy = buildDemoData('2026-11-25').policies.find(
    (p) => p.holderId === holderId && p.productCode === productCode,
  );
  if (!policy) throw new Error(`no demo policy ${productCode} held by ${holderId}`);
  return policy.policyNo;
}

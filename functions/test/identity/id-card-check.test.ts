import { FACE_ID_CONSENT_VERSION } from '@zhixiang/shared/identity/verification';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimsFor } from '../../src/auth/use-cases/session';
import { DEMO_CUSTOMERS } from '../../src/seed/demo-data';
import { createSystem, type System } from '../../src/system';
import { type ApiClient, type ApiResponse, createApiClient } from '../support/api-client';
import { renderIdCardBack, renderIdCardFront } from '../support/render-id-card';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/**
 * ID-card OCR end to end through the gateway: presigned PUTs to s3rver, the server's own checks of
 * the uploaded objects, the offline tesseract reader on rendered cards, and the checks against the
 * customer record.
 */
// biome-ignore lint/suspicious/noExplicitAny: tests read success and error bodies from the same response
type Body = any;
let container: System;
let gateway: TestGateway;
let api: ApiClient;
const tokens = new Map<string, string>();
const zhangWei = DEMO_CUSTOMERS.find((c) => c.customerId === 'C001')!;
const wuGang = DEMO_CUSTOMERS.find((c) => c.customerId === 'C011')!;

async function tokenFor(userId: string): Promise<string> {
  let token = tokens.get(userId);
  if (!token) {
    const user = await container.repositories.users.get(userId);
    token = (await container.accessTokens.issue(claimsFor(user!))).token;
    tokens.set(userId, token);
  }
  return token;
}

async function post(userId: string, path: string, body: unknown): Promise<ApiResponse<Body>> {
  return api.request<Body>('POST', path, { token: await tokenFor(userId), body });
}

/** Asks for a ticket and PUTs the bytes to the presigned URL, as the mini program does. */
async function upload(userId: string, kind: string, bytes: Uint8Array, customerId?: string): Promise<string> {
  const ticket = await post(userId, '/identity/uploads', { kind, ...(customerId ? { customerId } : {}) });
  expect(ticket.status).toBe(201);
  expect(ticket.body.uploadUrl).toContain(`identity/${customerId ?? 'C001'}/${ticket.body.uploadId}/${kind}`);
  const put = await fetch(ticket.body.uploadUrl, {
    method: 'PUT',
    headers: { 'content-type': ticket.body.contentType },
    body: new Uint8Array(bytes),
  });
  expect(put.status).toBe(200);
  return ticket.body.uploadId;
}

const cardOf = (customer: typeof zhangWei, idNumber = customer.idNumber) =>
  renderIdCardFront({
    name: customer.name,
    gender: customer.gender,
    birthDate: customer.birthDate,
    address: '上海市浦东新区张江路88号',
    idNumber,
  });
const VALID_BACK = renderIdCardBack({ authority: '上海市公安局浦东分局', validity: '2016.03.12-2036.03.12' });

beforeAll(async () => {
  container = createSystem();
  await seedDemoDataOnce({ repositories: container.repositories });
  gateway = await startTestGateway();
  api = createApiClient(gateway.url);
  for (const userId of ['demo-customer-c001', 'demo-customer-c011', 'demo-agent-a001'])
    await post(userId, '/identity/consent', { version: FACE_ID_CONSENT_VERSION });
});
afterAll(async () => {
  const ocr = await container.idCardOcr();
  await (ocr as { close?: () => Promise<void> }).close?.();
  await gateway?.close();
});

describe('ID-card OCR', () => {
  it('reads 张伟’s card and finds the number and validity matching his record', async () => {
    const front = await upload('demo-customer-c001', 'id_card_front', cardOf(zhangWei));
    const back = await upload('demo-customer-c001', 'id_card_back', VALID_BACK);
    const result = await post('demo-customer-c001', '/identity/id-card', {
      frontUploadId: front,
      backUploadId: back,
    });
    expect(result.status, result.text).toBe(200);
    expect(result.body).toMatchObject({
      passed: true,
      idNumberMasked: `${zhangWei.idNumber.slice(0, 4)}**********${zhangWei.idNumber.slice(-4)}`,
      validUntil: '2036-03-12',
    });
    const statuses = Object.fromEntries(result.body.checks.map((c: Body) => [c.check, c.status]));
    expect(statuses).toEqual({
      idNumber: 'passed',
      birthDate: 'passed',
      validity: 'passed',
      name: 'skipped',
      idNumberMatch: 'passed',
    });
    expect(result.text).not.toContain(zhangWei.idNumber);
  }, 30_000);

  it('rejects another person’s card naming the number, without echoing the stored one', async () => {
    const front = await upload('demo-customer-c001', 'id_card_front', cardOf(wuGang));
    const back = await upload('demo-customer-c001', 'id_card_back', VALID_BACK);
    const result = await post('demo-customer-c001', '/identity/id-card', {
      frontUploadId: front,
      backUploadId: back,
    });
    expect(result.status).toBe(400);
    expect(result.body).toMatchObject({
      field: 'idCard.idNumberMatch',
      message: '证件号码比对：证件号码与客户资料不一致',
    });
    expect(result.text).not.toContain(zhangWei.idNumber);
    expect(result.text).not.toContain(zhangWei.idNumber.slice(6, 14));
  }, 30_000);

  it('rejects an expired card and a number whose check digit is wrong', async () => {
    const expiredBack = await upload(
      'demo-customer-c001',
      'id_card_back',
      renderIdCardBack({ authority: '上海市公安局浦东分局', validity: '2005.03.12-2025.03.12' }),
    );
    const front = await upload('demo-customer-c001', 'id_card_front', cardOf(zhangWei));
    const expired = await post('demo-customer-c001', '/identity/id-card', {
      frontUploadId: front,
      backUploadId: expiredBack,
    });
    expect(expired.status).toBe(400);
    expect(expired.body).toMatchObject({
      field: 'idCard.validity',
      message: '有效期限：证件已于 2025-03-12 过期，请使用有效证件',
    });

    const wrongDigit = `${zhangWei.idNumber.slice(0, 17)}${zhangWei.idNumber.endsWith('0') ? '1' : '0'}`;
    const badFront = await upload('demo-customer-c001', 'id_card_front', cardOf(zhangWei, wrongDigit));
    const back = await upload('demo-customer-c001', 'id_card_back', VALID_BACK);
    const bad = await post('demo-customer-c001', '/identity/id-card', {
      frontUploadId: badFront,
      backUploadId: back,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.field).toBe('idCard.idNumber');
    expect(bad.body.message).toMatch(/校验位不正确/);
  }, 60_000);

  it('checks the uploaded object itself: not an image, too large, missing, or the wrong side', async () => {
    const back = await upload('demo-customer-c001', 'id_card_back', VALID_BACK);
    const text = await upload(
      'demo-customer-c001',
      'id_card_front',
      new TextEncoder().encode('%PDF-1.7 not a photo'),
    );
    const notImage = await post('demo-customer-c001', '/identity/id-card', {
      frontUploadId: text,
      backUploadId: back,
    });
    expect(notImage.status).toBe(400);
    expect(notImage.body).toMatchObject({
      field: 'frontUploadId',
      message: '身份证人像面仅支持 JPG 或 PNG 格式的照片',
    });
    // The rejected file is deleted at once.
    const upload1 = await container.identityUploads.getUpload(text);
    expect(await container.identityFiles.size(upload1!.key)).toBeNull();

    const huge = new Uint8Array(2 * 1024 * 1024 + 1);
    huge.set([0xff, 0xd8, 0xff, 0xe0]);
    const large = await upload('demo-customer-c001', 'id_card_front', huge);
    const tooLarge = await post('demo-customer-c001', '/identity/id-card', {
      frontUploadId: large,
      backUploadId: back,
    });
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.message).toBe('身份证人像面超过 2 MB，请降低照片分辨率后重新上传');

    const ticket = await post('demo-customer-c001', '/identity/uploads', { kind: 'id_card_front' });
    const missing = await post('demo-customer-c001', '/identity/id-card', {
      frontUploadId: ticket.body.uploadId,
      backUploadId: back,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.message).toBe('身份证人像面尚未上传完成，请重新上传');

    const swapped = await post('demo-customer-c001', '/identity/id-card', {
      frontUploadId: back,
      backUploadId: back,
    });
    expect(swapped.status).toBe(400);
    expect(swapped.body).toMatchObject({ field: 'frontUploadId', message: '请上传身份证人像面' });
  });

  it('keeps uploads to their owner: another customer’s upload id is a 404', async () => {
    const front = await upload('demo-customer-c001', 'id_card_front', cardOf(zhangWei));
    const back = await upload('demo-customer-c001', 'id_card_back', VALID_BACK);
    const foreign = await post('demo-customer-c011', '/identity/id-card', {
      frontUploadId: front,
      backUploadId: back,
    });
    expect(foreign.status).toBe(404);
    const agentOfOther = await post('demo-agent-a001', '/identity/id-card', {
      frontUploadId: front,
      backUploadId: back,
      customerId: 'C001',
    });
    expect(agentOfOther.status).toBe(404); // uploaded by 张伟 himself, not by the agent
  });

  it('refuses bad input with 400 naming the field', async () => {
    const kind = await post('demo-customer-c001', '/identity/uploads', { kind: 'passport' });
    expect(kind.status).toBe(400);
    expect(kind.body.field).toBe('kind');
    const id = await post('demo-customer-c001', '/identity/id-card', {
      frontUploadId: 'x',
      backUploadId: 'y',
    });
    expect(id.status).toBe(400);
    expect(id.body).toMatchObject({ field: 'frontUploadId', message: '上传编号格式不正确' });
  });
});

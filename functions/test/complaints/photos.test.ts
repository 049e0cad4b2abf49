import { createHash } from 'node:crypto';
import type { ComplaintDetail } from '@zhixiang/shared/complaints/schemas';
import type { AttachmentLinks, UploadTicket } from '@zhixiang/shared/uploads/attachments';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoData } from '../../src/seed/demo-data';
import { createSystem, type System } from '../../src/system';
import { requestsAs } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { FIXED_NOW, FIXED_TODAY, fixedClock } from '../support/fixed-clock';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/**
 * A complaint's photos through the real gateway and s3rver: upload (presigned PUT) → filing (every
 * photo checked by its bytes and size before the complaint is written) → viewing by short-lived
 * links under the complaint's own access rule, each staff view audited.
 */
const data = buildDemoData(FIXED_TODAY);
const policyNo = data.policies.find((p) => p.holderId === 'C001' && p.insuredId === 'C001')!.policyNo;

let container: System;
let gateway: TestGateway;
let api: ApiClient;
const texts: string[] = [];
const as = requestsAs(() => ({ api, system: container }), texts);

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2000, 7)]);
/** An iPhone photo's start: the `ftyp` box with the `heic` brand. */
const HEIC = Buffer.concat([
  Buffer.from([0, 0, 0, 0x18]),
  Buffer.from('ftypheic', 'latin1'),
  Buffer.alloc(1500, 3),
]);
const TEXT = Buffer.from('这不是照片，只是改名为 letter.jpg 的文字。'.repeat(20));
const MAX = 5 * 1024 * 1024;

const fileBody = (photos: string[], overrides: Record<string, unknown> = {}) => ({
  category: 'claims',
  description: '理赔通知书上的金额和电话里说的不一样，附上照片',
  policyNo,
  preferredContactTime: 'any',
  photos,
  ...overrides,
});

/** An upload ticket for `userId`, and the bytes PUT to it as the device would. */
async function uploaded(userId: string, bytes: Buffer): Promise<string> {
  const ticket = await as<UploadTicket>(userId, 'POST', '/complaints/photo-uploads');
  expect(ticket.status, ticket.text).toBe(200);
  expect(ticket.body.maxBytes).toBe(MAX);
  expect(ticket.body.uploadUrl).toContain(`complaints/uploads/${userId}/${ticket.body.uploadId}`);
  const put = await fetch(ticket.body.uploadUrl, {
    method: 'PUT',
    headers: { 'content-type': 'image/jpeg' },
    body: new Uint8Array(bytes),
  });
  expect(put.ok).toBe(true);
  return ticket.body.uploadId;
}

async function complaintCount(userId: string): Promise<number> {
  const mine = await as<{ complaints: unknown[] }>(userId, 'GET', '/me/complaints');
  return mine.body.complaints.length;
}

beforeAll(async () => {
  gateway = await startTestGateway({ system: () => createSystem(undefined, { now: fixedClock() }) });
  container = gateway.system;
  await seedDemoDataOnce({ repositories: container.repositories, today: FIXED_TODAY });
  api = createApiClient(gateway.url);
});

afterAll(async () => {
  await gateway?.close();
});

describe('a customer files a complaint with photos', () => {
  let complaintId = '';

  it('keeps each checked photo with the complaint: key, type, size and SHA-256', async () => {
    const ids = [await uploaded('demo-customer-c001', JPEG), await uploaded('demo-customer-c001', HEIC)];
    const filed = await as<ComplaintDetail>('demo-customer-c001', 'POST', '/complaints', fileBody(ids));
    expect(filed.status, filed.text).toBe(201);
    complaintId = filed.body.complaintId;
    expect(filed.body.photos).toEqual([
      { fileNo: 1, contentType: 'image/jpeg', typeLabel: 'JPG 照片', size: JPEG.length },
      { fileNo: 2, contentType: 'image/heic', typeLabel: 'HEIC 照片', size: HEIC.length },
    ]);
    const stored = await container.repositories.complaints.get(complaintId);
    expect(stored?.photos).toEqual([
      {
        key: `complaints/photos/${ids[0]}`,
        contentType: 'image/jpeg',
        size: JPEG.length,
        sha256: createHash('sha256').update(JPEG).digest('hex'),
        uploadedAt: expect.stringMatching(/^2026-11-25T02:/),
      },
      {
        key: `complaints/photos/${ids[1]}`,
        contentType: 'image/heic',
        size: HEIC.length,
        sha256: createHash('sha256').update(HEIC).digest('hex'),
        uploadedAt: expect.stringMatching(/^2026-11-25T02:/),
      },
    ]);
    // An attached upload is used up: it cannot be attached to a second complaint.
    const again = await as('demo-customer-c001', 'POST', '/complaints', fileBody([ids[0]!]));
    expect(again.status).toBe(400);
    expect(again.body.message).toBe('第 1 张照片尚未上传完成，请重新上传');
  });

  it('shows them to the customer, their agent and staff of the subtree; anyone else 404', async () => {
    const detail = await as<ComplaintDetail>('demo-customer-c001', 'GET', `/complaints/${complaintId}`);
    expect(detail.body.photos).toHaveLength(2);
    for (const reader of [
      'demo-customer-c001',
      'demo-agent-a001',
      'demo-staff-sh-pd-01',
      'demo-exec-sh-pd',
    ]) {
      const links = await as<AttachmentLinks>(reader, 'GET', `/complaints/${complaintId}/photos`);
      expect(links.status, `${reader}: ${links.text}`).toBe(200);
      expect(links.body.files.map((f) => f.fileNo)).toEqual([1, 2]);
      const shown = await fetch(links.body.files[0]!.url);
      expect(shown.ok).toBe(true);
      expect(Buffer.from(await shown.arrayBuffer())).toEqual(JPEG);
    }
    for (const stranger of ['demo-customer-c011', 'demo-agent-a003', 'demo-staff-bj']) {
      const refused = await as(stranger, 'GET', `/complaints/${complaintId}/photos`);
      expect(refused.status, stranger).toBe(404);
      expect(refused.body.message).toBe('未找到该投诉');
    }
    const malformed = await as('demo-customer-c001', 'GET', '/complaints/TS123/photos');
    expect(malformed.status).toBe(400);
  });

  it('audits every staff and executive view: who, which photo, when (not the customer or agent)', async () => {
    const views = await container.repositories.attachmentViews.list({ kind: 'complaint', complaintId });
    // In the order read: the staff member's view, then the executive's.
    expect(views.map((v) => [v.byUserId, v.byRole, v.fileNo])).toEqual([
      ['demo-staff-sh-pd-01', 'staff', 1],
      ['demo-staff-sh-pd-01', 'staff', 2],
      ['demo-exec-sh-pd', 'executive', 1],
      ['demo-exec-sh-pd', 'executive', 2],
    ]);
    const stored = await container.repositories.complaints.get(complaintId);
    expect(views.map((v) => v.key)).toEqual([...stored!.photos!, ...stored!.photos!].map((p) => p.key));
    expect(Date.parse(views[0]!.at)).toBeGreaterThanOrEqual(FIXED_NOW);
  });
});

describe('a photo that fails its check refuses the whole complaint', () => {
  it('refuses a text file named .jpg, an oversized photo, an unknown upload and a seventh photo', async () => {
    const before = await complaintCount('demo-customer-c001');
    const good = await uploaded('demo-customer-c001', JPEG);

    const text = await uploaded('demo-customer-c001', TEXT);
    const wrong = await as('demo-customer-c001', 'POST', '/complaints', fileBody([good, text]));
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({
      field: 'photos',
      message: '第 2 张照片不是 JPG、PNG 或 HEIC 格式，请重新选择',
    });

    const huge = await uploaded('demo-customer-c001', Buffer.concat([JPEG, Buffer.alloc(MAX)]));
    const tooLarge = await as('demo-customer-c001', 'POST', '/complaints', fileBody([huge]));
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.message).toBe('第 1 张照片超过 5 MB，请压缩后重新上传');

    const unknown = await as(
      'demo-customer-c001',
      'POST',
      '/complaints',
      fileBody([good, '11111111-1111-4111-8111-111111111111']),
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('第 2 张照片尚未上传完成，请重新上传');

    // Another user's upload is not the caller's to attach.
    const theirs = await uploaded('demo-customer-c011', JPEG);
    const borrowed = await as('demo-customer-c001', 'POST', '/complaints', fileBody([theirs]));
    expect(borrowed.status).toBe(400);
    expect(borrowed.body.message).toBe('第 1 张照片尚未上传完成，请重新上传');

    const seven = Array.from({ length: 7 }, (_, i) => `11111111-1111-4111-8111-00000000000${i}`);
    const tooMany = await as('demo-customer-c001', 'POST', '/complaints', fileBody(seven));
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ field: 'photos', message: '照片最多 6 个' });

    const shapes: Array<[unknown, RegExp]> = [
      ['11111111-1111-4111-8111-111111111111', /照片应为上传编号的列表/],
      [['../../identity/x'], /照片的上传编号格式不正确/],
      [[42], /照片的上传编号应为文字/],
      [[good, good], /同一照片不能重复添加/],
    ];
    for (const [photos, message] of shapes) {
      const refused = await as('demo-customer-c001', 'POST', '/complaints', fileBody([], { photos }));
      expect(refused.status, JSON.stringify(photos)).toBe(400);
      expect(refused.body.message).toMatch(message);
    }

    // Nothing was filed; the good photo is still staged, so the form can send it again.
    expect(await complaintCount('demo-customer-c001')).toBe(before);
    const retried = await as<ComplaintDetail>('demo-customer-c001', 'POST', '/complaints', fileBody([good]));
    expect(retried.status, retried.text).toBe(201);
    expect(retried.body.photos).toHaveLength(1);
  });

  it('lets the assigned agent and a seat attach photos when filing for the customer', async () => {
    for (const filer of ['demo-agent-a001', 'demo-staff-sh-pd-01']) {
      const photo = await uploaded(filer, JPEG);
      const filed = await as<ComplaintDetail>(filer, 'POST', '/customers/C001/complaints', {
        ...fileBody([photo]),
        description: '客户反映理赔通知书金额有误，已拍照留存',
      });
      expect(filed.status, `${filer}: ${filed.text}`).toBe(201);
      expect(filed.body.photos.map((p) => p.contentType)).toEqual(['image/jpeg']);
    }
    // An executive files nothing and uploads nothing.
    expect((await as('demo-exec-sh-pd', 'POST', '/complaints/photo-uploads')).status).toBe(403);
  });
});

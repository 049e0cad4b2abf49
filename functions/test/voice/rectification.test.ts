import { createHash } from 'node:crypto';
import type { AttachmentLinks, UploadTicket } from '@zhixiang/shared/uploads/attachments';
import type { RectificationsResponse, RectificationView } from '@zhixiang/shared/voice/rectification';
import type { SubmitRantResponse, VoiceClustersResponse } from '@zhixiang/shared/voice/schemas';
import { voiceWeekOf } from '@zhixiang/shared/voice/themes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSystem, type System } from '../../src/system';
import { escalateOverdueRectifications } from '../../src/voice/use-cases/escalate-overdue-rectifications';
import { requestsAs } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { FIXED_NOW, FIXED_TODAY, fixedClock } from '../support/fixed-clock';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/**
 * Rectification (整改) through the real gateway against DynamoDB Local: opened from an item or a
 * cluster by a manager of the subtree, progress notes, the closure with evidence (two at once: one
 * wins), the trail, bad input refused, and the overdue escalation up the ladder once even when two
 * runs overlap.
 */
const WEEK = voiceWeekOf(FIXED_NOW);
const DAY = 86_400_000;

let container: System;
let gateway: TestGateway;
let api: ApiClient;
const texts: string[] = [];
const as = requestsAs(() => ({ api, system: container }), texts);
const silent = { error: () => {} };

beforeAll(async () => {
  gateway = await startTestGateway({ system: () => createSystem(undefined, { now: fixedClock() }) });
  container = gateway.system;
  await seedDemoDataOnce({ repositories: container.repositories, today: FIXED_TODAY });
  api = createApiClient(gateway.url);
});

afterAll(async () => {
  await gateway?.close();
});

const open = (userId: string, body: unknown) =>
  as<RectificationView>(userId, 'POST', '/staff/voice/rectifications', body);

describe('rectification tasks (整改)', () => {
  let rantId: string;
  let task: RectificationView;

  it('opens a task from a voice item of the subtree, with its due date in business days and its trail', async () => {
    const rant = await as<SubmitRantResponse>('demo-customer-c001', 'POST', '/voice/rants', {
      text: '理赔材料交了两周没有任何进度，也没人联系我',
      hideName: false,
    });
    expect(rant.status, rant.text).toBe(201);
    rantId = rant.body.itemId;
    const opened = await open('demo-staff-sh-pd', {
      line: 'operations',
      title: '理赔进度主动告知',
      ownerName: '王敏',
      dueBusinessDays: 5,
      from: { kind: 'item', itemId: rantId },
    });
    expect(opened.status, opened.text).toBe(201);
    task = opened.body;
    expect(task).toMatchObject({
      line: 'operations',
      lineLabel: '营运',
      status: 'open',
      statusLabel: '整改中',
      ownerName: '王敏',
      overdue: false,
      itemIds: [rantId],
      fromLabel: '来自单条客户之声',
      branchName: '浦东中心支公司',
      handlingName: '浦东中心支公司',
      trail: [expect.objectContaining({ type: 'opened', label: '发起整改', byName: '浦东中支投诉 冯涛' })],
    });
    expect(task.rectificationId).toMatch(/^RT\d{8}[0-9A-F]{6}$/);
    expect(container.businessCalendar.addBusinessDays(FIXED_TODAY, 5)).toBe(task.dueDate);
  });

  it('is seen by the subtree and the levels above, and by nobody elsewhere', async () => {
    const ids = async (userId: string) =>
      (
        await as<RectificationsResponse>(userId, 'GET', '/staff/voice/rectifications')
      ).body.rectifications.map((r) => r.rectificationId);
    expect(await ids('demo-exec-sh-pd')).toContain(task.rectificationId);
    expect(await ids('demo-staff-sh')).toContain(task.rectificationId);
    expect(await ids('demo-exec-hq')).toContain(task.rectificationId);
    expect(await ids('demo-staff-bj')).not.toContain(task.rectificationId);
    // A 四级机构 below the opener does not see its 中支's task.
    expect(await ids('demo-staff-sh-pd-01')).not.toContain(task.rectificationId);
    const elsewhere = await as('demo-staff-bj', 'GET', `/staff/voice/rectifications/${task.rectificationId}`);
    expect(elsewhere.status).toBe(404);
    const bjOpens = await open('demo-staff-bj', {
      line: 'service',
      title: '理赔进度主动告知',
      ownerName: '王敏',
      dueBusinessDays: 5,
      from: { kind: 'item', itemId: rantId },
    });
    expect(bjOpens.status).toBe(404);
    expect(bjOpens.body).toMatchObject({ message: '未找到该条客户之声' });
  });

  it('refuses bad input with a precise Chinese message and writes nothing', async () => {
    const before = (await container.repositories.rectifications.listInSubtree('')).length;
    const cases: Array<[unknown, RegExp]> = [
      [
        {
          line: 'it',
          title: '理赔进度',
          ownerName: '王敏',
          dueBusinessDays: 5,
          from: { kind: 'item', itemId: rantId },
        },
        /责任条线/,
      ],
      [
        {
          line: 'sales',
          title: '理',
          ownerName: '王敏',
          dueBusinessDays: 5,
          from: { kind: 'item', itemId: rantId },
        },
        /整改事项/,
      ],
      [
        {
          line: 'sales',
          title: '理赔进度',
          ownerName: '王敏',
          dueBusinessDays: 0,
          from: { kind: 'item', itemId: rantId },
        },
        /至少 1 个工作日/,
      ],
      [
        {
          line: 'sales',
          title: '理赔进度',
          ownerName: '王敏',
          dueBusinessDays: 61,
          from: { kind: 'item', itemId: rantId },
        },
        /最长 60 个工作日/,
      ],
      [{ line: 'sales', title: '理赔进度', ownerName: '王敏', dueBusinessDays: 5 }, /缺少必填项：from/],
      [
        {
          line: 'sales',
          title: '理赔进度',
          ownerName: '王敏',
          dueBusinessDays: 5,
          from: { kind: 'cluster', week: WEEK, theme: 'no_such_theme' },
        },
        /没有这个主题/,
      ],
    ];
    for (const [body, message] of cases) {
      const refused = await open('demo-staff-sh-pd', body);
      expect(refused.status, refused.text).toBe(400);
      expect(refused.text).toMatch(message);
    }
    // A due date beyond the imported calendar is refused, not guessed.
    const late = createSystem(undefined, { now: () => Date.parse('2026-12-20T02:00:00Z') });
    const { openRectification } = await import('../../src/voice/use-cases/open-rectification');
    const claims = { sub: 'demo-staff-sh-pd', role: 'staff', branchPath: 'HQ/SH/SH-PD' } as never;
    await expect(
      openRectification(late as never, claims, {
        line: 'sales',
        title: '理赔进度',
        ownerName: '王敏',
        dueBusinessDays: 20,
        from: { kind: 'item', itemId: rantId },
      }),
    ).rejects.toThrow(/整改期限超出业务日历/);
    expect((await container.repositories.rectifications.listInSubtree('')).length).toBe(before);
  });

  it('records progress notes in the trail', async () => {
    const noted = await as<RectificationView>(
      'demo-exec-sh-pd',
      'POST',
      `/staff/voice/rectifications/${task.rectificationId}/notes`,
      { note: '已约谈理赔部门，下周上线进度短信' },
    );
    expect(noted.status, noted.text).toBe(200);
    expect(noted.body.trail.map((t) => t.type)).toEqual(['opened', 'note']);
    expect(noted.body.trail[1]).toMatchObject({ label: '进展', byName: '浦东中支总经理 孙立' });
  });

  it('closes once when two close at once, with the evidence; a closed task takes no more steps', async () => {
    const close = (userId: string, evidence: string) =>
      as<RectificationView>(userId, 'POST', `/staff/voice/rectifications/${task.rectificationId}/closure`, {
        evidence,
      });
    const results = await Promise.all([
      close('demo-staff-sh-pd', '已上线理赔进度短信提醒，覆盖全部在途案件'),
      close('demo-exec-sh-pd', '理赔部门已建立每周进度回访制度并抽查'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const loser = results.find((r) => r.status === 409)!;
    expect(loser.text).toMatch(/已于 .* 关闭|刚被他人更新/);
    const stored = await container.repositories.rectifications.get(task.rectificationId);
    expect(stored?.status).toBe('closed');
    expect(stored?.trail.filter((t) => t.type === 'closed')).toHaveLength(1);
    const winner = results.find((r) => r.status === 200)!;
    expect(stored?.evidence).toBe(winner.body.evidence);
    const late = await as(
      'demo-staff-sh-pd',
      'POST',
      `/staff/voice/rectifications/${task.rectificationId}/notes`,
      {
        note: '补充说明',
      },
    );
    expect(late.status).toBe(409);
    expect(late.text).toMatch(/已于 .* 关闭，不能再更改/);
    const evidenceTooShort = await as(
      'demo-staff-sh',
      'POST',
      `/staff/voice/rectifications/${task.rectificationId}/closure`,
      {
        evidence: '已处理',
      },
    );
    expect(evidenceTooShort.status).toBe(400);
  });

  it('opens a task from a cluster with every item of the theme, and escalates it once when overdue', async () => {
    const clusters = await as<VoiceClustersResponse>(
      'demo-staff-sh',
      'GET',
      `/staff/voice/clusters?week=${WEEK}`,
    );
    const cluster = clusters.body.clusters.find((c) => c.count > 0)!;
    const opened = await open('demo-staff-sh', {
      line: 'service',
      title: `${cluster.label}集中整改`,
      ownerName: '李华',
      dueBusinessDays: 1,
      from: { kind: 'cluster', week: WEEK, theme: cluster.theme },
    });
    expect(opened.status, opened.text).toBe(201);
    expect(opened.body.itemIds).toHaveLength(cluster.count);
    expect(opened.body.fromLabel).toContain(cluster.label);
    const id = opened.body.rectificationId;

    const at = (ms: number) => ({ ...container, logger: silent, now: () => ms });
    expect((await escalateOverdueRectifications(at(FIXED_NOW))).escalated).toBe(0);
    const afterDue = Date.parse(`${opened.body.dueDate}T00:00:00+08:00`) + DAY + 3_600_000;
    const runs = await Promise.all([
      escalateOverdueRectifications(at(afterDue)),
      escalateOverdueRectifications(at(afterDue)),
    ]);
    expect(runs.every((r) => r.failed === 0)).toBe(true);
    await escalateOverdueRectifications(at(afterDue + DAY));
    const stored = await container.repositories.rectifications.get(id);
    expect(stored).toMatchObject({ handlingBranchPath: 'HQ', escalated: true });
    expect(stored?.trail.filter((t) => t.type === 'escalated')).toHaveLength(1);
    const view = await as<RectificationView>('demo-exec-hq', 'GET', `/staff/voice/rectifications/${id}`);
    expect(view.body.handlingName).toMatch(/总公司$/);
  });
});

describe('closure evidence files', () => {
  const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), Buffer.alloc(3000, 1)]);
  const PNG = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    Buffer.alloc(900),
  ]);
  const MAX = 10 * 1024 * 1024;
  let id = '';

  async function uploaded(userId: string, bytes: Buffer) {
    const ticket = await as<UploadTicket>(
      userId,
      'POST',
      `/staff/voice/rectifications/${id}/evidence-uploads`,
    );
    expect(ticket.status, ticket.text).toBe(200);
    expect(ticket.body.maxBytes).toBe(MAX);
    const put = await fetch(ticket.body.uploadUrl, { method: 'PUT', body: new Uint8Array(bytes) });
    expect(put.ok).toBe(true);
    return ticket.body.uploadId;
  }
  const close = (userId: string, body: unknown) =>
    as<RectificationView>(userId, 'POST', `/staff/voice/rectifications/${id}/closure`, body);
  const EVIDENCE = '已上线理赔进度短信提醒，附上线通知与截图';

  it('refuses a wrong type, an oversized file, an unknown upload and a sixth file, the task staying open', async () => {
    const rant = await as<SubmitRantResponse>('demo-customer-c001', 'POST', '/voice/rants', {
      text: '保全变更提交后一直没有结果，客服也说不清',
      hideName: false,
    });
    const opened = await open('demo-staff-sh-pd', {
      line: 'operations',
      title: '保全进度告知',
      ownerName: '王敏',
      dueBusinessDays: 5,
      from: { kind: 'item', itemId: rant.body.itemId },
    });
    expect(opened.status, opened.text).toBe(201);
    id = opened.body.rectificationId;
    expect(opened.body.evidenceFiles).toEqual([]);

    const pdf = await uploaded('demo-staff-sh-pd', PDF);
    const fake = await uploaded('demo-staff-sh-pd', Buffer.from('只是文字，却名为 evidence.pdf'.repeat(10)));
    const wrong = await close('demo-staff-sh-pd', { evidence: EVIDENCE, files: [pdf, fake] });
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({
      field: 'files',
      message: '第 2 个佐证材料不是 PDF、JPG 或 PNG 格式，请重新选择',
    });
    const huge = await uploaded('demo-staff-sh-pd', Buffer.concat([PDF, Buffer.alloc(MAX)]));
    const tooLarge = await close('demo-staff-sh-pd', { evidence: EVIDENCE, files: [huge] });
    expect(tooLarge.status).toBe(400);
    expect(tooLarge.body.message).toBe('第 1 个佐证材料超过 10 MB，请压缩后重新上传');
    const unknown = await close('demo-staff-sh-pd', {
      evidence: EVIDENCE,
      files: ['11111111-1111-4111-8111-111111111111'],
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toBe('第 1 个佐证材料尚未上传完成，请重新上传');
    const six = Array.from({ length: 6 }, (_, i) => `11111111-1111-4111-8111-00000000000${i}`);
    const tooMany = await close('demo-staff-sh-pd', { evidence: EVIDENCE, files: six });
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.message).toBe('佐证材料最多 5 个');
    // Another user's upload is not the closer's to attach.
    const theirs = await uploaded('demo-staff-sh', PNG);
    const borrowed = await close('demo-staff-sh-pd', { evidence: EVIDENCE, files: [theirs] });
    expect(borrowed.status).toBe(400);
    const stored = await container.repositories.rectifications.get(id);
    expect(stored?.status).toBe('open');
    // Out of reach: the 404 of a task that does not exist, before any file is touched.
    const bj = await as('demo-staff-bj', 'POST', `/staff/voice/rectifications/${id}/evidence-uploads`);
    expect(bj.status).toBe(404);
  });

  it('closes with the files kept (type, size, SHA-256), shown on the task and every view audited', async () => {
    const ids = [await uploaded('demo-staff-sh-pd', PDF), await uploaded('demo-staff-sh-pd', PNG)];
    const closed = await close('demo-staff-sh-pd', { evidence: EVIDENCE, files: ids });
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body.evidenceFiles).toEqual([
      { fileNo: 1, contentType: 'application/pdf', typeLabel: 'PDF 文件', size: PDF.length },
      { fileNo: 2, contentType: 'image/png', typeLabel: 'PNG 图片', size: PNG.length },
    ]);
    expect(closed.body.trail.at(-1)?.text).toBe(`${EVIDENCE}（附佐证材料 2 个）`);
    const stored = await container.repositories.rectifications.get(id);
    expect(stored?.evidenceFiles?.map((f) => [f.key, f.sha256])).toEqual([
      [`voice/rectifications/${id}/evidence/${ids[0]}`, createHash('sha256').update(PDF).digest('hex')],
      [`voice/rectifications/${id}/evidence/${ids[1]}`, createHash('sha256').update(PNG).digest('hex')],
    ]);
    // A closed task takes no more uploads.
    const late = await as('demo-staff-sh-pd', 'POST', `/staff/voice/rectifications/${id}/evidence-uploads`);
    expect(late.status).toBe(409);

    const links = await as<AttachmentLinks>(
      'demo-exec-sh-pd',
      'GET',
      `/staff/voice/rectifications/${id}/evidence`,
    );
    expect(links.status, links.text).toBe(200);
    const shown = await fetch(links.body.files[0]!.url);
    expect(Buffer.from(await shown.arrayBuffer())).toEqual(PDF);
    expect((await as('demo-staff-bj', 'GET', `/staff/voice/rectifications/${id}/evidence`)).status).toBe(404);
    const views = await container.repositories.attachmentViews.list({
      kind: 'rectification',
      rectificationId: id,
    });
    expect(views.map((v) => [v.byUserId, v.fileNo])).toEqual([
      ['demo-exec-sh-pd', 1],
      ['demo-exec-sh-pd', 2],
    ]);
  });
});

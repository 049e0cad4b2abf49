import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LETTER_TYPES } from '@zhixiang/shared/letters/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LetterLinks } from '../../src/letters/adapters/letter-links';
import { issueLetter } from '../../src/letters/use-cases/issue-letter';
import { LINK_EXPIRED_MESSAGE, LINK_INVALID_MESSAGE } from '../../src/letters/use-cases/open-letter-link';
import { issueLetterDeps } from '../../src/letters/wiring-issuing';
import { createSystem, type System } from '../../src/system';
import { accessTokenFor } from '../support/access-token-for';
import { type ApiClient, createApiClient } from '../support/api-client';
import { captureProcessOutput } from '../support/capture-output';
import { seedDemoDataOnce } from '../support/seeded-demo-data';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

/** E-letters through the real gateway: 我的信函, read state, signed links, subscriptions, who may see what. */
let container: System;
let gateway: TestGateway;
let api: ApiClient;
let letterId: string;

const as = async (userId: string) => ({ token: await accessTokenFor(container, userId) });

beforeAll(async () => {
  container = createSystem();
  await seedDemoDataOnce({ repositories: container.repositories });
  gateway = await startTestGateway();
  api = createApiClient(gateway.url);
  // The endorsement engine's call on `endorsement.effective` (the lead wires the event to it).
  const issued = await issueLetter(issueLetterDeps(container), {
    customerId: 'C001',
    policyNo: '8831010000001',
    letterType: 'endorsement_confirmation',
    sourceKey: 'endorsement.effective:PD20261125ABC123',
    documentId: 'PD20261125ABC123',
    facts: {
      holderName: '张伟',
      policyNo: '8831010000001',
      productName: '示例人寿终身寿险',
      changeType: '受益人变更',
    },
  });
  letterId = issued.letter.letterId;
});

afterAll(async () => {
  await gateway?.close();
});

describe('issuing a letter', () => {
  it('renders a Chinese PDF into S3 and lists it in 我的信函, unread, with a paper copy by default', async () => {
    const list = await api.get<{
      letters: { letterId: string; read: boolean; paperCopy: boolean }[];
      unread: number;
    }>('/customers/C001/letters', await as('demo-customer-c001'));
    expect(list.status, list.text).toBe(200);
    expect(list.body.letters).toEqual([expect.objectContaining({ letterId, read: false, paperCopy: true })]);
    expect(list.body.unread).toBe(1);

    const detail = await api.get<{
      pdfUrl: string;
      paragraphs: string[];
      pages: number;
      documentId: string | null;
    }>(`/letters/${letterId}`, await as('demo-customer-c001'));
    expect(detail.status).toBe(200);
    expect(detail.body.paragraphs.join('')).toContain('受益人变更');
    // The confirmation links to the e-endorsement rather than claiming it is enclosed.
    expect(detail.body.documentId).toBe('PD20261125ABC123');
    expect(detail.body.paragraphs.join('')).toContain('「我的批单」中查看');
    expect(detail.body.paragraphs.join('')).not.toContain('随本函');
    const pdf = new Uint8Array(await (await fetch(detail.body.pdfUrl)).arrayBuffer());
    expect(Buffer.from(pdf.subarray(0, 5)).toString()).toBe('%PDF-');
    const dir = mkdtempSync(join(tmpdir(), 'letter-'));
    writeFileSync(join(dir, 'letter.pdf'), pdf);
    const text = execFileSync('pdftotext', [join(dir, 'letter.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('保全批单确认函');
    expect(text).toContain('尊敬的张伟');
    expect(detail.body.pages).toBe(1);
  });

  it('is issued once per source event', async () => {
    const again = await issueLetter(issueLetterDeps(container), {
      customerId: 'C001',
      policyNo: '8831010000001',
      letterType: 'endorsement_confirmation',
      sourceKey: 'endorsement.effective:PD20261125ABC123',
      facts: { holderName: '张伟', policyNo: '8831010000001', productName: '示例人寿终身寿险' },
    });
    expect(again).toMatchObject({ created: false, letter: { letterId } });
  });

  it('counts as read only when the customer opens it, not their agent', async () => {
    const other = await issueLetter(issueLetterDeps(container), {
      customerId: 'C001',
      policyNo: '8831010000001',
      letterType: 'dividend_statement',
      sourceKey: 'dividend:2026:8831010000001',
      facts: {
        holderName: '张伟',
        policyNo: '8831010000001',
        productName: '示例人寿终身寿险',
        amountCents: 12_345,
      },
    });
    const id = other.letter.letterId;
    expect((await api.get(`/letters/${id}`, await as('demo-agent-a001'))).status).toBe(200);
    expect((await container.letters.get(id))?.readAt).toBeNull();
    expect(
      (await api.get<{ read: boolean }>(`/letters/${id}`, await as('demo-customer-c001'))).body.read,
    ).toBe(true);
  });

  it('shows a letter to the customer, their agent and staff of their branch; 404 to anyone else', async () => {
    for (const [userId, status] of [
      ['demo-customer-c001', 200],
      ['demo-agent-a001', 200],
      ['demo-staff-sh', 200],
      ['demo-staff-hq', 200],
      ['demo-customer-c011', 404],
      ['demo-agent-a003', 404],
      ['demo-staff-bj', 404],
    ] as const) {
      const response = await api.get(`/letters/${letterId}`, await as(userId));
      expect(response.status, `${userId}: ${response.text}`).toBe(status);
      const list = await api.get('/customers/C001/letters', await as(userId));
      expect(list.status, userId).toBe(status);
    }
  });

  it('refuses a malformed letter id with a precise message', async () => {
    const response = await api.get('/letters/not-a-letter', await as('demo-customer-c001'));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ message: '信函编号格式不正确' });
  });
});

describe('signed links', () => {
  it('opens the letter without signing in, and marks it read', async () => {
    const url = new URL(await container.letterLinks.url(letterId));
    const token = url.searchParams.get('token') ?? '';
    const response = await api.get<{ letterId: string; read: boolean; pdfUrl: string }>(
      `/letter-links/${token}`,
    );
    expect(response.status, response.text).toBe(200);
    expect(response.body).toMatchObject({
      letterId,
      read: true,
      pdfUrl: expect.stringContaining('letters/C001/'),
    });
  });

  it('writes no link token to any log line: the route template only', async () => {
    const token = await container.letterLinks.token(letterId);
    const captured = captureProcessOutput();
    try {
      expect((await api.get(`/letter-links/${token}`)).status).toBe(200);
      expect((await api.get(`/letter-links/${token}x`)).status).toBeGreaterThanOrEqual(400);
    } finally {
      captured.stop();
    }
    const handlerLines = captured.lines().filter((line) => line.includes('/letter-links/'));
    expect(handlerLines.length).toBeGreaterThan(0);
    for (const line of [...handlerLines, ...gateway.logs]) expect(line).not.toContain(token.split('.')[0]);
    expect(gateway.logs).toContainEqual(expect.stringMatching(/^GET \/letter-links\/\{token\} 200 /));
  });

  it('refuses an expired link and a forged one with clear messages', async () => {
    const past = new LetterLinks({
      signingKey: container.secrets.tokenSigningKey,
      baseUrl: 'https://h5.example.cn/open',
      now: () => Date.now() - 31 * 86_400_000,
    });
    const expired = await api.get(`/letter-links/${await past.token(letterId)}`);
    expect(expired.status).toBe(404);
    expect(expired.body).toMatchObject({ message: LINK_EXPIRED_MESSAGE });

    const forger = new LetterLinks({
      signingKey: async () => 'x'.repeat(48),
      baseUrl: 'https://h5.example.cn/open',
      now: Date.now,
    });
    const forged = await api.get(`/letter-links/${await forger.token(letterId)}`);
    expect(forged.status).toBe(404);
    expect(forged.body).toMatchObject({ message: LINK_INVALID_MESSAGE });

    const token = await container.letterLinks.token(letterId);
    const tampered = `${Buffer.from(JSON.stringify({ l: 'LT20261125FFFFFFFF', e: Date.now() + 1e9 })).toString('base64url')}.${token.split('.')[1]}`;
    expect((await api.get(`/letter-links/${tampered}`)).status).toBe(404);
  });
});

describe('subscriptions', () => {
  it('lists every letter type, by default as delivered (e-letter and paper); one tap subscribes, changes and unsubscribes, recorded with who', async () => {
    const customer = await as('demo-customer-c001');
    const before = await api.get<{
      subscriptions: { letterType: string; delivery: string; updatedBy: string | null }[];
    }>('/customers/C001/letter-subscriptions', customer);
    expect(before.body.subscriptions).toHaveLength(LETTER_TYPES.length);
    expect(
      before.body.subscriptions.every((s) => s.delivery === 'electronic_and_paper' && s.updatedBy === null),
    ).toBe(true);

    const subscribe = await api.request('PUT', '/customers/C001/letter-subscriptions/debit_success_notice', {
      ...customer,
      body: { delivery: 'electronic', channels: ['wechat', 'sms'] },
    });
    expect(subscribe.status, subscribe.text).toBe(200);
    expect(subscribe.body).toMatchObject({
      delivery: 'electronic',
      channels: ['wechat', 'sms'],
      updatedBy: 'customer',
    });

    const byAgent = await api.request('PUT', '/customers/C001/letter-subscriptions/dividend_statement', {
      ...(await as('demo-agent-a001')),
      body: { delivery: 'electronic_and_paper', channels: ['sms'] },
    });
    expect(byAgent.body).toMatchObject({ updatedBy: 'agent' });

    const unsubscribe = await api.request(
      'PUT',
      '/customers/C001/letter-subscriptions/debit_success_notice',
      {
        ...customer,
        body: { delivery: 'paper', channels: ['sms'] },
      },
    );
    expect(unsubscribe.body).toMatchObject({ delivery: 'paper', channels: [] });
  });

  it('stops the paper copy of an electronic-only subscriber: the postal run no longer lists the letter', async () => {
    await api.request('PUT', '/customers/C001/letter-subscriptions/anniversary_report', {
      ...(await as('demo-customer-c001')),
      body: { delivery: 'electronic', channels: ['sms'] },
    });
    const { letter } = await issueLetter(issueLetterDeps(container), {
      customerId: 'C001',
      policyNo: '8831010000001',
      letterType: 'anniversary_report',
      sourceKey: 'anniversary:2026:8831010000001',
      facts: {
        holderName: '张伟',
        policyNo: '8831010000001',
        productName: '示例人寿终身寿险',
        dueDate: '2026-11-25',
      },
    });
    expect(letter.paperCopy).toBe(false);
    const day = new Date(letter.issuedAt + 8 * 3_600_000).toISOString().slice(0, 10);
    const postal = await container.letters.listPaperCopies(day);
    expect(postal.map((l) => l.letterId)).toContain(letterId);
    expect(postal.map((l) => l.letterId)).not.toContain(letter.letterId);
    const list = await api.get<{
      paperSaved: { delivered: number; letters: number; sheets: number; trees: number; source: string };
    }>('/customers/C001/letters', await as('demo-customer-c001'));
    // Counted from the delivered e-letters: three delivered, one of them without a paper copy.
    expect(list.body.paperSaved).toMatchObject({
      delivered: 3,
      letters: 1,
      sheets: 1,
      source: expect.stringContaining('Conservatree'),
    });
  });

  it('refuses bad input with the field and a precise message, and writes nothing', async () => {
    const customer = await as('demo-customer-c001');
    const cases: [string, unknown, string][] = [
      [
        '/customers/C001/letter-subscriptions/junk_type',
        { delivery: 'electronic', channels: ['sms'] },
        '不支持的信函类型',
      ],
      [
        '/customers/C001/letter-subscriptions/lapse_warning',
        { delivery: 'electronic', channels: [] },
        '选择电子信函时请至少选择一个通知渠道',
      ],
      [
        '/customers/C001/letter-subscriptions/lapse_warning',
        { delivery: 'email', channels: ['sms'] },
        '请选择信函接收方式',
      ],
      [
        '/customers/C001/letter-subscriptions/lapse_warning',
        { delivery: 'electronic', channels: ['sms', 'sms'] },
        '通知渠道不能重复',
      ],
    ];
    for (const [path, body, message] of cases) {
      const response = await api.request('PUT', path, { ...customer, body });
      expect(response.status, path).toBe(400);
      expect(response.body).toMatchObject({ message });
    }
    const after = await container.letterSubscriptions.get('C001', 'lapse_warning');
    expect(after).toBeNull();
  });

  it('answers another customer, an unassigned agent and another branch with 404', async () => {
    for (const userId of ['demo-customer-c011', 'demo-agent-a003', 'demo-staff-bj']) {
      const response = await api.request('PUT', '/customers/C001/letter-subscriptions/lapse_warning', {
        ...(await as(userId)),
        body: { delivery: 'electronic', channels: ['sms'] },
      });
      expect(response.status, userId).toBe(404);
      expect(response.body).toMatchObject({ message: '未找到该客户' });
    }
  });
});

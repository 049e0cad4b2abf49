import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportRejected, parseCsv, readCsv } from '../../admin/imports/csv-rows';
import { importProducts, PRODUCT_COLUMNS } from '../../admin/imports/import-products';
import { UpdateCommand } from '../../src/platform/dynamodb/document-client';
import { getS3 } from '../../src/platform/s3/s3';
import { S3BrochureStore } from '../../src/products/adapters/brochure-links';
import { catalogueKey } from '../../src/products/adapters/catalogue-products';
import { forgetCatalogueIndex } from '../../src/products/use-cases/catalogue-index';
import { recomputeProductHotness } from '../../src/products/use-cases/recompute-product-hotness';
import { searchProducts } from '../../src/products/use-cases/search-products';
import { seedDemoBrochures } from '../../src/seed/demo-brochures';
import { DEMO_CATALOGUE } from '../../src/seed/demo-catalogue';
import { DEMO_PRODUCTS } from '../../src/seed/demo-products';
import { seedDemoCatalogue } from '../../src/seed/seed-demo-data';
import { createSystem, type System } from '../../src/system';
import { type ApiClient, createApiClient } from '../support/api-client';
import { startTestGateway, type TestGateway } from '../support/test-gateway';

const samples = join(import.meta.dirname, '../../admin/samples');

let container: System;
let gateway: TestGateway;
let api: ApiClient;

interface SearchBody {
  query: string;
  mode: 'hot' | 'search';
  hits: Array<{
    product: { productCode: string; name: string; category: string };
    highlights: Array<{ start: number; end: number }>;
    matchedBy: string;
  }>;
  hint?: string;
  suggestions?: Array<{ productCode: string; category: string; tags: string[] }>;
}

const search = (query: Record<string, string>) => api.get<SearchBody>('/products/search', { query });

beforeAll(async () => {
  container = createSystem();
  await seedDemoCatalogue(container.repositories.catalogue);
  gateway = await startTestGateway();
  api = createApiClient(gateway.url);
});

afterAll(async () => {
  await gateway?.close();
});

describe('catalogue', () => {
  it('has at least 200 products, including every product demo policies use', () => {
    expect(DEMO_CATALOGUE.length).toBeGreaterThanOrEqual(200);
    const codes = new Set(DEMO_CATALOGUE.map((p) => p.productCode));
    for (const product of DEMO_PRODUCTS) expect(codes, product.productCode).toContain(product.productCode);
    expect(new Set(DEMO_CATALOGUE.map((p) => p.name)).size).toBe(DEMO_CATALOGUE.length);
  });

  it('seeding twice changes nothing', async () => {
    expect(await seedDemoCatalogue(container.repositories.catalogue)).toEqual({
      created: 0,
      updated: 0,
      unchanged: DEMO_CATALOGUE.length,
    });
  });
});

describe('syllables stored with the catalogue', () => {
  const searchNow = (q: string) =>
    searchProducts(
      {
        catalogue: container.repositories.catalogue,
        activity: container.repositories.productActivity,
        now: Date.now,
        logger: container.logger,
      },
      { q },
    );
  // Polyphones read in context (长者, 康乐), homophones and confusable sounds, initials, full pinyin.
  const QUERIES = [
    '长者',
    'zhangzhe',
    'zz',
    '康健无游',
    'kangle',
    'klys',
    '康乐一生',
    'shaoer',
    '状元',
    'duobei',
  ];

  it('are written with each product, read in context (长者 as zhang zhe)', async () => {
    const products = await container.repositories.catalogue.listSearchable();
    expect(products.filter((p) => p.syllables === null)).toEqual([]);
    const elder = products.find((p) => p.name.includes('长者'));
    const at = Array.from(elder?.name ?? '').indexOf('长');
    expect(elder?.syllables?.name.slice(at, at + 2)).toEqual(['zhang', 'zhe']);
  });

  it('give the same results as reading names with pinyin-pro, which only items written before them need', async () => {
    forgetCatalogueIndex(container.repositories.catalogue);
    const stored = await Promise.all(QUERIES.map(searchNow));
    // Items as the catalogue wrote them before it stored syllables: the index reads those names itself.
    const { table, client } = container.table;
    for (const { productCode } of DEMO_CATALOGUE.slice(0, 40))
      await client.send(
        new UpdateCommand({
          TableName: table,
          Key: catalogueKey(productCode),
          UpdateExpression: 'REMOVE nameSyllables, shortNameSyllables',
        }),
      );
    forgetCatalogueIndex(container.repositories.catalogue);
    const read = await Promise.all(QUERIES.map(searchNow));
    const outcome = (results: typeof stored) =>
      results.map((r) => r.hits.map((h) => [h.product.productCode, h.matchedBy, h.highlights]));
    expect(outcome(read)).toEqual(outcome(stored));
    expect(QUERIES.filter((_, i) => stored[i]?.hits.length === 0)).toEqual([]);
    // Writing the catalogue again (the seed, like the import) stores them for those items only.
    expect(await seedDemoCatalogue(container.repositories.catalogue)).toEqual({
      created: 0,
      updated: 40,
      unchanged: DEMO_CATALOGUE.length - 40,
    });
    expect((await container.repositories.catalogue.listSearchable()).filter((p) => !p.syllables)).toEqual([]);
    forgetCatalogueIndex(container.repositories.catalogue);
  });
});

describe('GET /products/search (no sign-in)', () => {
  it('finds a product by initials without a token, with the match highlighted', async () => {
    const response = await search({ q: 'jyf' });
    expect(response.status, response.text).toBe(200);
    expect(response.body.mode).toBe('search');
    expect(response.body.hits[0]).toMatchObject({
      product: { productCode: 'CI01', name: '金佑福重大疾病保险' },
      highlights: [{ start: 0, end: 3 }],
      matchedBy: 'initials',
    });
  });

  it('applies category, age and payment-term filters', async () => {
    const response = await search({ q: '安康', category: '医疗', age: '70' });
    expect(response.status).toBe(200);
    expect(response.body.hits.map((h) => h.product.productCode)).toEqual(['MD06']);
    const bySingle = await search({ q: '人生', paymentTerm: '趸交' });
    expect(bySingle.body.hits.length).toBeGreaterThan(0);
  });

  it('finds category words and trade jargon spelled in full pinyin (zhongji, xuepingxian)', async () => {
    for (const [q, expected] of [
      ['zhongji', '重疾'],
      ['zhongjixian', '重疾'],
      ['xuepingxian', '学生平安意外伤害保险'],
      ['学平险', '学生平安意外伤害保险'],
    ] as const) {
      const response = await search({ q });
      expect(response.body.hits.length, q).toBeGreaterThan(0);
      const first = response.body.hits[0]?.product;
      expect([first?.category, first?.name], q).toContain(expected);
    }
  });

  it('suggests the hot products, with the same filters, when a search finds nothing', async () => {
    const none = await search({ q: 'qwerty试试' });
    expect(none.body.hits).toEqual([]);
    expect(none.body.hint).toContain('没有找到相关产品');
    expect(none.body.suggestions?.map((p) => p.productCode)).toHaveLength(5);
    const filtered = await search({ q: 'qwerty试试', category: '医疗' });
    expect(filtered.body.suggestions?.every((p) => p.category === '医疗' || p.tags.includes('医疗'))).toBe(
      true,
    );
    // A search that finds something suggests nothing.
    expect((await search({ q: 'jyf' })).body.suggestions).toBeUndefined();
  });

  it('shows the hot list for an empty query', async () => {
    const response = await search({});
    expect(response.status).toBe(200);
    expect(response.body.mode).toBe('hot');
    expect(response.body.hits[0]?.product.productCode).toBe('PL01');
  });

  it.each([
    ['emoji only', '😀😀😀', 'hot'],
    ['SQL-looking', "'; DROP TABLE products; --", 'search'],
    ['regex specials', '(.*)+[', 'hot'],
    ['1,000 characters', '保'.repeat(1000), 'search'],
  ])('answers %s input with 200 and a hint, never an error', async (_what, q, mode) => {
    const response = await search({ q });
    expect(response.status, response.text).toBe(200);
    expect(response.body.mode).toBe(mode);
    expect(response.body.hint).toEqual(expect.any(String));
  });

  it.each([
    ['category', { category: '车险' }, '险种'],
    ['age', { age: '-3' }, '年龄'],
    ['age', { age: '130' }, '年龄'],
    ['paymentTerm', { paymentTerm: '7年交' }, '缴费期'],
    // Beyond any sensible query (a 1,000-character one is answered); URL limits come soon after.
    ['q', { q: 'a'.repeat(2001) }, '搜索词'],
  ])('rejects a bad %s filter with 400 naming the field', async (field, query, words) => {
    const response = await search(query as Record<string, string>);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      code: 'VALIDATION_FAILED',
      field,
      message: expect.stringContaining(words),
    });
  });
});

describe('a search longer than the address may be', () => {
  it('answers a 2,000-character search with a JSON 4xx in Chinese, as HTTP API refuses it', async () => {
    // 2,000 Chinese characters are 18,000 bytes of URL: past HTTP API's 10,240 bytes of request
    // line and headers, so the gateway answers before any handler runs.
    const response = await search({ q: '保险'.repeat(1000) });
    expect(response.status).toBe(431);
    expect(response.body).toMatchObject({
      code: 'REQUEST_TOO_LARGE',
      message: expect.stringMatching(/过长/),
    });
  });
});

describe('GET /products/{productCode}', () => {
  it('returns the product with a brochure link, without a token', async () => {
    const response = await api.get<{ productCode: string; brochureUrl: string | null; highlights: string[] }>(
      '/products/CI01',
    );
    expect(response.status, response.text).toBe(200);
    expect(response.body).toMatchObject({
      productCode: 'CI01',
      name: '金佑福重大疾病保险',
      category: '重疾',
    });
    expect(response.body.brochureUrl).toContain('brochures/CI01.pdf');
    expect(response.body.highlights.length).toBeGreaterThan(0);
  });

  it('links a brochure that opens as a Chinese PDF made from the product’s data', async () => {
    const store = new S3BrochureStore(getS3, container.config.bucketName);
    const ci01 = DEMO_CATALOGUE.filter((p) => p.productCode === 'CI01');
    expect(await seedDemoBrochures(store, ci01)).toBe(1);
    expect(await seedDemoBrochures(store, ci01)).toBe(0);
    const { body } = await api.get<{ brochureUrl: string }>('/products/CI01');
    const pdf = await fetch(body.brochureUrl);
    expect(pdf.status).toBe(200);
    const dir = mkdtempSync(join(tmpdir(), 'brochure-'));
    writeFileSync(join(dir, 'CI01.pdf'), new Uint8Array(await pdf.arrayBuffer()));
    const text = execFileSync('pdftotext', ['-layout', join(dir, 'CI01.pdf'), '-'], { encoding: 'utf8' });
    rmSync(dir, { recursive: true, force: true });
    for (const expected of [
      '金佑福重大疾病保险',
      '产品简介',
      '投保年龄',
      '出生满 28 天至',
      '确诊即赔',
      '以保险合同条款为准',
    ])
      expect(text).toContain(expected);
    expect(text).not.toMatch(/[A-Za-z]{4,} brochure|Demo/);
  });

  it('answers an unknown code with 404 and a malformed one with 400 naming the field', async () => {
    expect((await api.get('/products/ZZ99')).body).toMatchObject({
      code: 'NOT_FOUND',
      message: '未找到该产品，请核对产品代码',
    });
    const bad = await api.get("/products/CI01'--");
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ field: 'productCode' });
  });
});

describe('hotness', () => {
  it('views and searches feed the nightly recompute, which is idempotent', async () => {
    const now = Date.parse('2026-11-25T04:00:00Z'); // noon in Shanghai
    const catalogue = container.repositories.catalogue;
    const activity = container.repositories.productActivity;
    await activity.add('2026-11-25', 'CI02', { views: 40, sales: 2 });
    const before = (await catalogue.get('CI02'))!.hotness;
    const report = await recomputeProductHotness({ catalogue, activity, now: () => now + 86_400_000 });
    expect(report).toMatchObject({ day: '2026-11-25', updated: DEMO_CATALOGUE.length, alreadyCurrent: 0 });
    const after = (await catalogue.get('CI02'))!.hotness;
    expect(after).toBeCloseTo(before * 0.5 ** (1 / 7) + 40 + 2 * 20, 0);
    const again = await recomputeProductHotness({ catalogue, activity, now: () => now + 86_400_000 });
    expect(again).toMatchObject({ updated: 0, alreadyCurrent: DEMO_CATALOGUE.length });
    expect((await catalogue.get('CI02'))!.hotness).toBe(after);
  });

  it('counts a product page view once per visitor and day, however often or concurrently it is opened', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    const views = async () =>
      (await container.repositories.productActivity.listDay(today)).find((a) => a.productCode === 'AN01')
        ?.views ?? 0;
    const before = await views();
    expect((await api.get('/products/AN01')).status).toBe(200);
    expect(await views()).toBe(before + 1);
    // The same visitor (this address) reloads, five times at once: nothing more is counted.
    const again = await Promise.all(Array.from({ length: 5 }, () => api.get('/products/AN01')));
    expect(again.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    expect(await views()).toBe(before + 1);
    // Another visitor counts; the first visitor counts again on another day.
    const activity = container.repositories.productActivity;
    expect(await activity.addView(today, 'AN01', 'ip:198.51.100.40')).toBe(true);
    expect(await activity.addView(today, 'AN01', 'ip:198.51.100.40')).toBe(false);
    expect(await views()).toBe(before + 2);
    expect(await activity.addView('2099-01-01', 'AN01', 'ip:198.51.100.40')).toBe(true);
  });
});

describe('import-products', () => {
  const header = PRODUCT_COLUMNS.join(',');
  const good =
    'ZX01,测试安心重大疾病保险,测试安心,重疾,防癌,0,55,10年交|20年交,确诊即赔,brochures/ZX01.pdf,是';

  it('imports the sample file; importing it again changes nothing and keeps computed hotness', async () => {
    const file = join(samples, 'products.csv');
    const rows = await readCsv(file, PRODUCT_COLUMNS);
    const first = await importProducts(file, rows, { catalogue: container.repositories.catalogue });
    expect(first.rows).toBe(rows.length);
    expect(first.created).toBe(0);
    const second = await importProducts(file, rows, { catalogue: container.repositories.catalogue });
    expect(second).toMatchObject({ created: 0, updated: 0, unchanged: rows.length });
  });

  it('creates a new product that search then finds', async () => {
    const rows = parseCsv(`${header}\n${good}`, PRODUCT_COLUMNS);
    expect(
      await importProducts('new.csv', rows, { catalogue: container.repositories.catalogue }),
    ).toMatchObject({ created: 1 });
    // The gateway's process caches its index for five minutes; ask the use case with a fresh one.
    forgetCatalogueIndex(container.repositories.catalogue);
    const result = await searchProducts(
      {
        catalogue: container.repositories.catalogue,
        activity: container.repositories.productActivity,
        now: Date.now,
        logger: container.logger,
      },
      { q: 'csax' },
    );
    expect(result.hits[0]?.product.productCode).toBe('ZX01');
  });

  it('imports nothing when any row is bad, listing each bad row with its line and a Chinese reason', async () => {
    const csv = [
      header,
      'ZX02,测试两全保险,测试两全,分红,,0,60,5年交,稳健,,是',
      'bad code,测试,测试,重疾,,0,55,10年交,,,是',
      'ZX03,测试三号保险,测试三,车险,,0,55,10年交,,,是',
      'ZX04,测试四号保险,测试四,重疾,,60,20,10年交,,,是',
      'ZX05,测试五号保险,测试五,重疾,,0,55,7年交,,,是',
      'ZX02,测试两全保险,测试两全,分红,,0,60,5年交,稳健,,是',
    ].join('\n');
    const error = await importProducts('bad.csv', parseCsv(csv, PRODUCT_COLUMNS), {
      catalogue: container.repositories.catalogue,
    }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ImportRejected);
    const problems = (error as ImportRejected).problems;
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7]);
    expect(problems[0]?.reason).toContain('产品代码');
    expect(problems[1]?.reason).toContain('险种');
    expect(problems[2]?.reason).toContain('最低投保年龄');
    expect(problems[3]?.reason).toContain('缴费期');
    expect(problems[4]?.reason).toContain('与第 2 行重复');
    expect(await container.repositories.catalogue.get('ZX02')).toBeNull();
  });
});

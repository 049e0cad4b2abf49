import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INTENTS_NEEDING_ENTRIES, type KnowledgeEntry } from '@zhixiang/shared/assistant/knowledge';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  KnowledgeBaseRejected,
  loadKnowledgeBase,
  readKnowledgeFiles,
} from '../../src/assistant/use-cases/load-knowledge-base';
import { createSystem, type System } from '../../src/system';

let entries: KnowledgeEntry[];
let container: System;

beforeAll(async () => {
  entries = await readKnowledgeFiles();
  container = createSystem();
});

describe('the curated knowledge base (knowledge/*.json)', () => {
  it('has at least 150 entries with unique ids, each asked in several ways', () => {
    expect(entries.length).toBeGreaterThanOrEqual(150);
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
    for (const entry of entries) {
      expect(entry.questions.length, entry.id).toBeGreaterThanOrEqual(2);
      expect(entry.answer, entry.id).toMatch(/\p{Script=Han}/u);
    }
  });

  it('answers every business intent with several entries', () => {
    for (const intent of INTENTS_NEEDING_ENTRIES) {
      expect(entries.filter((e) => e.intent === intent).length, intent).toBeGreaterThanOrEqual(5);
    }
  });

  it('states the product rules of PRODUCT.md (loan ratio, cooling-off refund, beneficiary shares)', () => {
    const text = (id: string) => entries.find((e) => e.id === id)?.answer ?? '';
    expect(text('loan-quota-mine')).toContain('80%');
    expect(text('loan-apply-term')).toContain('6 个月');
    expect(text('surrender-cooling-off')).toMatch(/15 天.*10 元/);
    expect(text('beneficiary-change-shares')).toContain('100%');
    expect(text('renewal-account-change-holder-only')).toContain('投保人本人');
  });

  it('refuses a file with a bad entry, naming the file and the field', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kb-'));
    await writeFile(
      join(dir, 'bad.json'),
      JSON.stringify({
        topic: '坏',
        entries: [{ id: 'Bad Id', intent: 'loan_quota', questions: ['一'], answer: '' }],
      }),
    );
    const rejected = await readKnowledgeFiles(dir).catch((e: unknown) => e);
    expect(rejected).toBeInstanceOf(KnowledgeBaseRejected);
    expect((rejected as Error).message).toMatch(/bad\.json: entries\.0\.id/);
    expect((rejected as Error).message).toContain('no entry for intent dividend_query');
  });
});

describe('loading into DynamoDB', () => {
  it('loads a version, answers from it, and changes nothing when the same data is loaded again', async () => {
    const kb = container.repositories.knowledgeBase;
    const before = await kb.activeVersion();
    const first = await loadKnowledgeBase(kb, entries, Date.now());
    const active = await kb.activeVersion();
    expect(active?.entryCount).toBe(entries.length);
    if (before) expect(first.status).toBe('unchanged');
    const loans = await kb.entriesOf(active!.version, 'loan_quota');
    expect(loans.map((e) => e.id).sort()).toEqual(
      entries
        .filter((e) => e.intent === 'loan_quota')
        .map((e) => e.id)
        .sort(),
    );
    expect(loans.find((e) => e.id === 'loan-quota-mine')).toEqual(
      entries.find((e) => e.id === 'loan-quota-mine'),
    );

    const again = await loadKnowledgeBase(kb, [...entries].reverse(), Date.now());
    expect(again).toEqual({ status: 'unchanged', version: active!.version, entryCount: entries.length });
    expect(await kb.activeVersion()).toEqual(active);
  });

  it('switches to a changed knowledge base as a new version; the old version stays readable', async () => {
    const kb = container.repositories.knowledgeBase;
    await loadKnowledgeBase(kb, entries, Date.now());
    const old = (await kb.activeVersion())!;
    const edited = entries.map((e) =>
      e.id === 'loan-quota-formula' ? { ...e, answer: `${e.answer}（已更新）` } : e,
    );
    const outcome = await loadKnowledgeBase(kb, edited, Date.now());
    expect(outcome).toMatchObject({ status: 'activated', previousVersion: old.version });
    const now = (await kb.activeVersion())!;
    expect(now.version).toBeGreaterThan(old.version);
    const current = await kb.entriesOf(now.version, 'loan_quota');
    expect(current.find((e) => e.id === 'loan-quota-formula')?.answer).toContain('已更新');
    const previous = await kb.entriesOf(old.version, 'loan_quota');
    expect(previous.find((e) => e.id === 'loan-quota-formula')?.answer).not.toContain('已更新');
  });

  it('lets exactly one of two concurrent loads switch the version', async () => {
    const kb = container.repositories.knowledgeBase;
    const variant = (tag: string) =>
      entries.map((e) => (e.id === 'claim-how' ? { ...e, answer: `${e.answer}${tag}` } : e));
    const results = await Promise.allSettled([
      loadKnowledgeBase(kb, variant('甲'), Date.now()),
      loadKnowledgeBase(kb, variant('乙'), Date.now()),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r) => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(String((lost[0] as PromiseRejectedResult).reason)).toContain('另一次加载已切换');
  });

  it('refuses a knowledge base that leaves an intent unanswered, writing nothing', async () => {
    const kb = container.repositories.knowledgeBase;
    const before = await kb.activeVersion();
    await expect(
      loadKnowledgeBase(
        kb,
        entries.filter((e) => e.intent !== 'surrender'),
        Date.now(),
      ),
    ).rejects.toThrow('no entry for intent surrender');
    expect(await kb.activeVersion()).toEqual(before);
  });
});

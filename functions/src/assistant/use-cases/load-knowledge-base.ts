import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type KnowledgeEntry,
  KnowledgeFileSchema,
  knowledgeBaseProblems,
} from '@zhixiang/shared/assistant/knowledge';
import type { KnowledgeBaseRepository } from '@zhixiang/shared/ports/knowledge-base';

/** The curated knowledge base in the repository: `knowledge/*.json`. */
export const KNOWLEDGE_DIR = fileURLToPath(new URL('../../../../knowledge', import.meta.url));

export class KnowledgeBaseRejected extends Error {
  override name = 'KnowledgeBaseRejected';
}

/** Every entry of every file in `dir`, checked against the schema; a bad file rejects the whole load. */
export async function readKnowledgeFiles(dir: string = KNOWLEDGE_DIR): Promise<KnowledgeEntry[]> {
  const files = (await readdir(dir)).filter((f) => f.endsWith('.json')).sort();
  const entries: KnowledgeEntry[] = [];
  const problems: string[] = [];
  for (const file of files) {
    let json: unknown;
    try {
      json = JSON.parse(await readFile(join(dir, file), 'utf8'));
    } catch (error) {
      problems.push(`${file}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = KnowledgeFileSchema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push(`${file}: ${issue.path.join('.')}: ${issue.message}`);
      continue;
    }
    entries.push(...parsed.data.entries);
  }
  if (files.length === 0) problems.push(`no knowledge files in ${dir}`);
  problems.push(...knowledgeBaseProblems(entries));
  if (problems.length > 0) throw new KnowledgeBaseRejected(`知识库未加载：\n- ${problems.join('\n- ')}`);
  return entries;
}

/** Order-independent fingerprint of the entries' content. */
export function knowledgeContentHash(entries: readonly KnowledgeEntry[]): string {
  const ordered = [...entries].sort((a, b) => a.id.localeCompare(b.id));
  return createHash('sha256').update(JSON.stringify(ordered)).digest('hex');
}

export type LoadKnowledgeOutcome =
  | { status: 'unchanged'; version: number; entryCount: number }
  | { status: 'activated'; version: number; previousVersion: number | null; entryCount: number };

/**
 * Loads a knowledge base as a new version and switches the assistant to it. The same content as
 * the active version changes nothing; otherwise the entries go under a freshly reserved version
 * number and one conditional write of the pointer makes them visible at once. A concurrent load
 * that switched first makes this one fail rather than silently overwrite it.
 */
export async function loadKnowledgeBase(
  repository: KnowledgeBaseRepository,
  entries: readonly KnowledgeEntry[],
  now: number,
): Promise<LoadKnowledgeOutcome> {
  const problems = knowledgeBaseProblems(entries);
  if (problems.length > 0) throw new KnowledgeBaseRejected(`知识库未加载：\n- ${problems.join('\n- ')}`);
  const contentHash = knowledgeContentHash(entries);
  const active = await repository.activeVersion();
  if (active?.contentHash === contentHash)
    return { status: 'unchanged', version: active.version, entryCount: active.entryCount };
  const version = await repository.reserveVersion();
  await repository.putEntries(version, entries);
  const switched = await repository.activate(
    { version, contentHash, entryCount: entries.length, activatedAt: now },
    active?.version ?? null,
  );
  if (!switched)
    throw new KnowledgeBaseRejected(
      `另一次加载已切换了知识库版本，本次写入的版本 ${version} 未启用，请重新执行`,
    );
  return {
    status: 'activated',
    version,
    previousVersion: active?.version ?? null,
    entryCount: entries.length,
  };
}

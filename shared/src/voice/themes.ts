import * as z from 'zod/mini';
import voiceThemesJson from '../../../config/voice-themes.json';
import { nextDate, SHANGHAI_OFFSET_MS, weekdayOf } from '../complaints/calendar';

/**
 * The customer-voice stream's tagging (客户之声): each item is tagged with its journey and the themes
 * of the dictionary in `config/voice-themes.json` whose words it contains. The matching is plain
 * substring matching over the dictionary, so it runs in every function (and in WeChat's engine)
 * without a segmenter; the words that matched are the item's keywords.
 */
export const JOURNEY_KEYS = [
  'new_business',
  'callback',
  'endorsement',
  'renewal',
  'claims',
  'service',
  'assistant',
  'other',
] as const;
export type Journey = (typeof JOURNEY_KEYS)[number];

/** The dictionary's schema, built when a dictionary is first checked (not at a cold start). */
function dictionarySchema() {
  const theme = z.object({
    id: z.string().check(z.regex(/^[a-z]+(?:_[a-z]+)+$/, '主题编号应为小写字母加下划线')),
    label: z.string().check(z.minLength(2)),
    journey: z.enum(JOURNEY_KEYS),
    words: z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
  });
  return z.object({
    /** Where the voice of a visitor who is not signed in is filed (the head office's branch path). */
    visitorBranchPath: z.string().check(z.regex(/^[A-Z0-9-]+(?:\/[A-Z0-9-]+)*$/)),
    journeys: z.record(z.enum(JOURNEY_KEYS), z.string()),
    themes: z.array(theme).check(z.minLength(1)),
  });
}
export type VoiceThemeDictionary = z.infer<ReturnType<typeof dictionarySchema>>;
export type VoiceTheme = VoiceThemeDictionary['themes'][number];

/** Checks a theme dictionary against its schema, and that no theme id is listed twice. */
export function loadVoiceThemes(raw: unknown): VoiceThemeDictionary {
  const parsed = dictionarySchema().parse(raw);
  const ids = parsed.themes.map((t) => t.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new Error(`voice theme ${twice} is listed twice`);
  return parsed;
}

let repositoryThemes: VoiceThemeDictionary | undefined;
/**
 * The repository's dictionary (`config/voice-themes.json`), checked on first use: a function of a
 * context that tags some of its items (callback, complaints, events…) checks it only when it tags.
 */
export function defaultVoiceThemes(): VoiceThemeDictionary {
  repositoryThemes ??= loadVoiceThemes(voiceThemesJson);
  return repositoryThemes;
}

export function journeyLabel(dictionary: VoiceThemeDictionary, journey: Journey): string {
  return dictionary.journeys[journey] ?? journey;
}

export function themeLabel(dictionary: VoiceThemeDictionary, themeId: string): string {
  return dictionary.themes.find((t) => t.id === themeId)?.label ?? themeId;
}

export interface VoiceTags {
  journey: Journey;
  themes: string[];
  keywords: string[];
}

/**
 * The themes whose words occur in `text` (in dictionary order) and the words that matched; the
 * journey is the one given (the source knows it: a complaint's category, the assistant), else the
 * first matched theme's, else 其他. Matching ignores case and spaces.
 */
export function tagVoice(dictionary: VoiceThemeDictionary, text: string, journey?: Journey): VoiceTags {
  const folded = text.toLowerCase().replace(/\s+/g, '');
  const themes: string[] = [];
  const keywords: string[] = [];
  for (const theme of dictionary.themes) {
    const hits = theme.words.filter((word) => folded.includes(word.toLowerCase()));
    if (hits.length === 0) continue;
    themes.push(theme.id);
    for (const hit of hits) if (!keywords.includes(hit)) keywords.push(hit);
  }
  const first = dictionary.themes.find((t) => t.id === themes[0]);
  return { journey: journey ?? first?.journey ?? 'other', themes, keywords };
}

/** The journey a complaint's category belongs to; 其他 lets its themes decide. */
export const COMPLAINT_CATEGORY_JOURNEYS: Record<string, Journey | undefined> = {
  sales_misleading: 'new_business',
  claims: 'claims',
  endorsement: 'endorsement',
  renewal_debit: 'renewal',
  service_attitude: 'service',
  product: 'new_business',
  other: undefined,
};

/** Items that match no theme are clustered under this id. */
export const UNTHEMED = 'untagged';
export const UNTHEMED_LABEL = '未归类';

/** The week an instant falls in: the date of its Monday in Shanghai (YYYY-MM-DD). */
export function voiceWeekOf(atMs: number): string {
  const date = new Date(atMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
  const sinceMonday = (weekdayOf(date) + 6) % 7;
  return nextDate(date, -sinceMonday);
}

/** The week before `week` (a Monday). */
export function previousVoiceWeek(week: string): string {
  return nextDate(week, -7);
}

/** True when `week` is a real Monday date. */
export function isVoiceWeek(week: string): boolean {
  const parsed = Date.parse(`${week}T00:00:00Z`);
  return (
    !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 10) === week && weekdayOf(week) === 1
  );
}

export type Trend = 'new' | 'up' | 'down' | 'flat';

/** How a theme's count moved from the week before. */
export function trendOf(count: number, previousCount: number): Trend {
  if (previousCount === 0) return count > 0 ? 'new' : 'flat';
  if (count > previousCount) return 'up';
  if (count < previousCount) return 'down';
  return 'flat';
}

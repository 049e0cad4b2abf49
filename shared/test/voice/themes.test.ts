import { describe, expect, it } from 'vitest';
import {
  defaultVoiceThemes,
  isVoiceWeek,
  loadVoiceThemes,
  previousVoiceWeek,
  tagVoice,
  trendOf,
  voiceWeekOf,
} from '../../src/voice/themes';

describe('the theme dictionary', () => {
  it('tags the themes whose words occur, in dictionary order, with the words as keywords', () => {
    expect(tagVoice(defaultVoiceThemes(), '续期扣款失败，客服电话也打不通')).toEqual({
      journey: 'renewal',
      themes: ['debit_failure', 'hotline_wait'],
      keywords: ['扣款', '续期', '打不通', '电话'],
    });
  });

  it('keeps the journey the source knows, and falls back to 其他 when nothing matches', () => {
    expect(tagVoice(defaultVoiceThemes(), '机器人答非所问', 'assistant').journey).toBe('assistant');
    expect(tagVoice(defaultVoiceThemes(), '今天天气不错')).toEqual({
      journey: 'other',
      themes: [],
      keywords: [],
    });
  });

  it('ignores case and spaces', () => {
    const themes = loadVoiceThemes({
      visitorBranchPath: 'HQ',
      journeys: defaultVoiceThemes().journeys,
      themes: [{ id: 'app_login', label: 'APP 登录', journey: 'service', words: ['App登录'] }],
    });
    expect(tagVoice(themes, '我的 app 登录 不了').themes).toEqual(['app_login']);
  });

  it('refuses a dictionary with a theme listed twice or a bad id', () => {
    const theme = { id: 'claims_speed', label: '理赔慢', journey: 'claims', words: ['理赔'] };
    expect(() =>
      loadVoiceThemes({
        visitorBranchPath: 'HQ',
        journeys: defaultVoiceThemes().journeys,
        themes: [theme, theme],
      }),
    ).toThrow(/listed twice/);
    expect(() =>
      loadVoiceThemes({
        visitorBranchPath: 'HQ',
        journeys: defaultVoiceThemes().journeys,
        themes: [{ ...theme, id: 'Claims' }],
      }),
    ).toThrow();
  });
});

describe('weeks and trends', () => {
  it('puts an instant in the week of its Monday in Shanghai, across midnight and year ends', () => {
    // Sunday 2026-11-29 23:30 in Shanghai is still the week of Monday 23 November.
    expect(voiceWeekOf(Date.UTC(2026, 10, 29, 15, 30))).toBe('2026-11-23');
    // 16:00 UTC on that Sunday is Monday 00:00 in Shanghai: the next week.
    expect(voiceWeekOf(Date.UTC(2026, 10, 29, 16, 0))).toBe('2026-11-30');
    // Thursday 1 January 2026 belongs to the week of Monday 29 December 2025.
    expect(voiceWeekOf(Date.UTC(2026, 0, 1, 4))).toBe('2025-12-29');
    expect(previousVoiceWeek('2026-01-05')).toBe('2025-12-29');
  });

  it('accepts only real Mondays as weeks', () => {
    expect(isVoiceWeek('2026-11-23')).toBe(true);
    expect(isVoiceWeek('2026-11-24')).toBe(false);
    expect(isVoiceWeek('2026-02-30')).toBe(false);
  });

  it('names the trend from last week’s count', () => {
    expect([trendOf(3, 0), trendOf(3, 1), trendOf(1, 3), trendOf(2, 2), trendOf(0, 0)]).toEqual([
      'new',
      'up',
      'down',
      'flat',
      'flat',
    ]);
  });
});

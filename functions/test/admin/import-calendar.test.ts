import { describe, expect, it } from 'vitest';
import businessCalendar from '../../../config/business-calendar.json';
import { mergeCalendar } from '../../admin/commands/import-calendar';

const year2027 = {
  timeZone: 'Asia/Shanghai',
  source: 'test',
  years: {
    '2027': {
      notice: '测试用年度安排',
      holidays: [{ name: '元旦', from: '2027-01-01', to: '2027-01-03' }],
      workingWeekends: [],
    },
  },
};

describe('admin import-calendar', () => {
  it('adds a new year and keeps the published ones', () => {
    const outcome = mergeCalendar(businessCalendar, year2027);
    expect(outcome).toMatchObject({ added: ['2027'], replaced: [], unchanged: [] });
    expect(Object.keys((outcome.merged as typeof businessCalendar).years)).toEqual(['2025', '2026', '2027']);
  });

  it('reports an identical year as unchanged and a changed one as replaced', () => {
    expect(mergeCalendar(businessCalendar, businessCalendar).unchanged).toEqual(['2025', '2026']);
    const changed = structuredClone(businessCalendar);
    changed.years['2026'].workingWeekends = changed.years['2026'].workingWeekends.slice(1);
    expect(mergeCalendar(businessCalendar, changed).replaced).toEqual(['2026']);
  });

  it('refuses a bad file with the loader message, changing nothing', () => {
    const bad = structuredClone(year2027);
    bad.years['2027'].workingWeekends = ['2027-01-05' as never];
    expect(() => mergeCalendar(businessCalendar, bad)).toThrow(/不是周末/);
  });
});

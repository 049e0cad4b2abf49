import { describe, expect, it } from 'vitest';
import { paperSaved, paperSavingSettings } from '../../src/letters/model';

describe('protect a tree (paper saved)', () => {
  it('counts the pages of e-letters without a paper copy, and converts them to trees with the configured factor', () => {
    const result = paperSaved(
      [
        { pages: 2, paperCopy: false },
        { pages: 1, paperCopy: false },
        { pages: 5, paperCopy: true },
      ],
      { sheetsPerLetterPage: 1, sheetsPerTree: 3, source: 'test' },
    );
    expect(result).toEqual({
      delivered: 3,
      letters: 2,
      sheets: 3,
      trees: 1,
      sheetsPerTree: 3,
      source: 'test',
    });
  });

  it('names the source of its conversion factor', () => {
    expect(paperSavingSettings.sheetsPerTree).toBeGreaterThan(0);
    expect(paperSavingSettings.source).toMatch(/Conservatree/);
  });
});

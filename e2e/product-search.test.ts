import assert from 'node:assert/strict';
import { describe, it } from 'vitest';
import { newPhonePage, saveScreenshot } from './support/browser';
import { tapButton } from './support/journey-steps';
import { useE2eSession } from './support/session';

/**
 * Product search (知客) in the H5 build: open to anyone, no sign-in. Hot list first; suggestions
 * as the customer types initials, with the matched part highlighted; results, a category filter,
 * the product page with its brochure, and the way on to the assistant.
 */
const session = useE2eSession();

describe('product search journey', () => {
  it('a visitor finds 金佑福 by its initials, filters, opens it and asks the assistant', async () => {
    const { context, page } = await newPhonePage(session.browser);
    try {
      await page.goto(`${session.stack.appUrl}/packages/products/search/index`);
      const hot = page.getByTestId('hot-list');
      await hot.waitFor();
      assert.equal(
        await hot.getByTestId('product-card').first().getByText('鑫享人生终身寿险(分红型)').count(),
        1,
      );

      const input = page
        .locator('[data-testid="product-search-input"] input, input[data-testid="product-search-input"]')
        .first();
      await input.click();
      await input.pressSequentially('jyf', { delay: 60 });
      const suggestions = page.getByTestId('product-suggestions');
      await suggestions.waitFor();
      const first = suggestions.getByTestId('product-suggestion').first();
      assert.match((await first.textContent()) ?? '', /金佑福重大疾病保险/);
      assert.equal((await first.getByTestId('match').first().textContent())?.trim(), '金佑福');

      await input.press('Enter');
      const results = page.getByTestId('search-results');
      await results.waitFor();
      assert.match(
        (await results.getByTestId('product-card').first().textContent()) ?? '',
        /金佑福重大疾病保险/,
      );
      await saveScreenshot(page, 'product-search-results');

      // A typo still finds it; a category filter narrows the list.
      await input.fill('');
      await input.pressSequentially('康乐一声', { delay: 40 });
      await input.press('Enter');
      await page.getByTestId('search-results').getByText('康乐一生终身重大疾病保险').first().waitFor();
      await page.getByTestId('category-医疗').click();
      await page
        .getByTestId('search-hint')
        .or(page.getByTestId('search-results').getByTestId('product-card'))
        .first()
        .waitFor();
      await page.getByTestId('category-all').click();

      await input.fill('');
      await input.pressSequentially('jyf', { delay: 40 });
      await input.press('Enter');
      // The previous query's cards stay until the new results arrive: wait for 金佑福's own card.
      await page
        .getByTestId('search-results')
        .getByTestId('product-card')
        .filter({ hasText: '金佑福重大疾病保险' })
        .first()
        .click();
      const detail = page.getByTestId('product-detail');
      await detail.waitFor();
      assert.equal((await page.getByTestId('product-name').textContent())?.trim(), '金佑福重大疾病保险');
      assert.equal(await page.getByTestId('open-brochure').count(), 1);
      await saveScreenshot(page, 'product-detail');

      await tapButton(page, '问问');
      await page.getByTestId('chat-assistant').filter({ hasText: '金佑福重大疾病保险' }).waitFor();
      await saveScreenshot(page, 'product-search');
    } catch (error) {
      await saveScreenshot(page, `failed-${Date.now()}`);
      throw error;
    } finally {
      await context.close();
    }
  });

  it('answers unusable input with the hot list and a hint, never an error page', async () => {
    const { context, page } = await newPhonePage(session.browser);
    try {
      await page.goto(`${session.stack.appUrl}/packages/products/search/index`);
      await page.getByTestId('hot-list').waitFor();
      const input = page
        .locator('[data-testid="product-search-input"] input, input[data-testid="product-search-input"]')
        .first();
      await input.click();
      await input.fill("'; DROP TABLE products; --");
      await input.press('Enter');
      await page.getByTestId('search-hint').waitFor();
      assert.match((await page.getByTestId('search-hint').textContent()) ?? '', /没有找到/);
      assert.equal(await page.getByTestId('page-error').count(), 0);
      // Nothing found says so and offers the hot products instead of an empty page.
      await page.getByText('无结果').first().waitFor();
      const suggested = page.getByTestId('search-suggestions');
      await suggested.waitFor();
      assert.equal(await suggested.getByTestId('product-card').count(), 5);
      await saveScreenshot(page, 'product-search-no-result');

      // A category spelled in full pinyin is understood.
      await input.fill('zhongji');
      await input.press('Enter');
      await page.getByTestId('search-results').getByText('重大疾病保险').first().waitFor();
    } finally {
      await context.close();
    }
  });
});

// When localStorage cannot be used — access throws (blocked third-party storage, some
// privacy modes) or every write fails (quota exceeded) — the quiz, the result and the
// plan with its downloads still work, the host page is untouched and nothing is thrown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDist, Widget, watchErrors } from './helpers.mjs';

const BROKEN = {
  'access throws': () => {
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() { throw new DOMException('The operation is insecure.', 'SecurityError'); },
    });
  },
  'quota exceeded on write': () => {
    Storage.prototype.setItem = function setItem() {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  },
};

for (const [name, breakStorage] of Object.entries(BROKEN)) {
  test(`storage ${name}: quiz, result and plan still work end to end`, async () => {
    const browser = await launch();
    const server = await serveDist();
    const context = await browser.newContext({ acceptDownloads: true });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.addInitScript(breakStorage);
    const errors = watchErrors(page);
    await page.goto(`${server.url}/index.html`);
    const w = await new Widget(page).ready();
    await w.host.locator('input[type=text]').first().fill('Acme');
    await w.click('start');
    // Back and forth keeps answers in memory even though nothing can be saved.
    await w.answerAll('3');
    await w.click('next');
    await w.click('back');
    assert.equal(await w.host.locator('fieldset[data-signal] input[value="3"]:checked').count(),
      await w.host.locator('fieldset[data-signal]').count(), 'answers survive navigation');
    await w.answerSignals({ time_drain: '3', losing_money: '4', abuse: '0' });
    await w.click('review');
    await w.click('finish');
    assert.equal(await w.step(), 'result');
    assert.ok(['exit', 'repair', 'watch', 'keep'].includes(await w.verdict()));
    await w.click('plan');
    await w.host.locator('[data-plan=open_deliverables]').fill('Final report');
    for (const action of ['download-md', 'download-ics', 'download-pdf']) {
      const [download] = await Promise.all([page.waitForEvent('download'), w.action(action).click()]);
      assert.ok(await download.path(), `${action} produced a file`);
    }
    assert.ok(await page.locator('article h1').isVisible(), 'the host article is intact');
    assert.deepEqual(errors, []);
    await context.close(); await browser.close(); await server.close();
  });
}

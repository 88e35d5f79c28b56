// When localStorage cannot be used — access throws (blocked third-party storage, some
// privacy modes) or every write fails (quota exceeded) — the quiz, the result and the
// plan with its downloads still work, the host page is untouched and nothing is thrown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDist, openPage } from './helpers.mjs';
import { Widget } from './widget.mjs';

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
    const { context, page, errors } = await openPage(browser, `${server.url}/index.html`, { acceptDownloads: true, init: breakStorage });
    const w = await new Widget(page).ready();
    await w.nickname('Acme');
    await w.start();
    // Back and forth keeps answers in memory even though nothing can be saved.
    await w.answerStep('3');
    await w.next();
    await w.back();
    assert.equal(await w.host.getByRole('radio', { name: w.t('scale.3'), exact: true, checked: true }).count(),
      await w.host.getByRole('group').count(), 'answers survive navigation');
    await w.answerSignals({ time_drain: '3', losing_money: '4', abuse: '0' });
    await w.rate({ pay: '900', billed: '30', chasing: '5' });
    await w.review();
    await w.finish();
    assert.equal(await w.step(), 'result');
    assert.ok(['exit', 'repair', 'watch', 'keep'].includes(await w.verdict()));
    // The result says this check will not be kept for a re-check, instead of claiming it is saved.
    assert.equal(await w.host.locator('[data-storage="failed"]').count(), 1, 'the note that nothing can be saved');
    assert.equal(await w.host.locator('[data-saved]').count(), 0, 'no "saved" note');
    await w.openPlan();
    await w.fillPlan({ open_work: 'Final report' });
    for (const kind of ['md', 'ics', 'pdf']) {
      const download = await w.download(kind);
      assert.ok(await download.path(), `download-${kind} produced a file`);
    }
    assert.ok(await page.getByRole('heading', { level: 1 }).isVisible(), 'the host article is intact');
    assert.deepEqual(errors, []);
    await context.close(); await browser.close(); await server.close();
  });
}

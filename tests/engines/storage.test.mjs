// Blocked storage: localStorage access throws (third-party storage blocked, some privacy
// modes) or every write fails (quota): the quiz (with a rate), the result and the plan
// with every download still work, answers survive Back and Next in memory, the result
// says the check cannot be kept, and nothing is thrown.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, ENGINE } from './engines.mjs';
import { startSite } from './site.mjs';
import { Widget, pageErrors } from './widget.mjs';

let browser, site;
before(async () => {
  site = await startSite();
  browser = await startBrowser();
  console.log(`${ENGINE} ${browser.version}`);
});
after(async () => { await browser?.close(); await site?.close(); });

for (const [storage, what] of [['throws', 'access throws'], ['quota', 'every write fails']]) {
  test(`${ENGINE}: localStorage ${what}: quiz, result, plan and downloads still work`, async () => {
    await browser.driver.get(site.demo({ storage }));
    if (storage === 'throws') {
      assert.equal(await browser.driver.executeScript('try { localStorage; return "open"; } catch (e) { return e.name; }'), 'SecurityError');
    }
    const w = await new Widget(browser.driver).ready();
    await w.click('start');
    await w.answerAll('3');
    await w.click('next');
    await w.click('back');
    assert.equal(await w.js('return root.querySelectorAll("fieldset[data-signal] input[value=\'3\']:checked").length'),
      await w.js('return root.querySelectorAll("fieldset[data-signal]").length'), 'answers survive navigation in memory');
    await w.answerSignals({ time_drain: '3', losing_money: '4', abuse: '0' });
    await w.rate({ pay: '900', billed: '30', chasing: '5' });
    await w.click('review');
    await w.click('finish');
    assert.ok(['exit', 'repair', 'watch', 'keep'].includes(await w.verdict()));
    assert.deepEqual(await w.js('return [root.querySelectorAll("[data-storage=failed]").length, root.querySelectorAll("[data-saved]").length]'),
      [1, 0], 'the result says this check cannot be kept, and claims no save');
    await w.openPlan();
    for (const [action, type] of [['download-md', 'text/markdown'], ['download-ics', 'text/calendar'], ['download-pdf', 'application/pdf']]) {
      const file = await w.download(action);
      assert.ok(file.type.startsWith(type), `${action}: ${file.type}`);
      assert.ok(file.bytes.length > 200, `${action}: ${file.bytes.length} bytes`);
    }
    assert.deepEqual(await pageErrors(browser.driver), []);
  });
}

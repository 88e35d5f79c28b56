// The quiz to each verdict, by pointer (WebDriver clicks on the answer labels and the
// buttons) and by keyboard alone (Tab into each group, Space and arrows, Enter).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startBrowser, ENGINE } from './engines.mjs';
import { startSite, ROOT } from './site.mjs';
import { Widget, SIGNALS, focused, pageErrors, waitFor } from './widget.mjs';

let browser, site;
before(async () => {
  site = await startSite();
  browser = await startBrowser();
  console.log(`${ENGINE} ${browser.version}`);
});
after(async () => { await browser?.close(); await site?.close(); });

async function open() {
  await browser.driver.get(site.demo());
  return new Widget(browser.driver).ready();
}

const UI = JSON.parse(fs.readFileSync(path.join(ROOT, 'content/i18n/en/ui.json'), 'utf8'));

test(`${ENGINE}: Start pressed before the quiz's code arrives shows a busy button, and the quiz starts once it can`, async () => {
  const wasm = site.hold(/\/client-checkup-[0-9a-f]{16}_bg\.wasm$/);
  try {
    await browser.driver.get(site.demo());
    const w = await new Widget(browser.driver).painted();
    await (await w.el('[data-cc-static] input[type=text]')).sendKeys('Early Bird Ltd');
    await w.tap(await w.el('[data-cc-static] [data-action=start]'));
    const busy = () => w.js(`const b = root.querySelector('[data-cc-static] [data-action=start]');
      return b && b.getAttribute('aria-disabled') === 'true' && { text: b.textContent.trim(),
        status: root.querySelector('[data-cc-static] [role=status]')?.textContent.trim() };`);
    const shown = await waitFor('the painted Start button to say the questions are loading', busy, 5000, () => w.state());
    assert.deepEqual(shown, { text: UI['ui.intro.loading'], status: UI['ui.intro.loading'] }, 'busy, and announced');
    await waitFor('the quiz module to be asked for', () => wasm.held.length > 0);
    await w.tap(await w.el('[data-cc-static] [data-action=start]')); // a second press starts nothing twice
    wasm.release();
    await w.ready();
    assert.equal(await w.step(), 'signal-time_drain', 'the early Start was honoured once');
    await w.click('back');
    assert.equal(await w.js('return root.querySelector("input[type=text]").value'), 'Early Bird Ltd', 'what was typed is kept');
    assert.deepEqual(await pageErrors(browser.driver), []);
  } finally {
    wasm.release();
  }
});

const JOURNEYS = [
  ['keep', {}, {}],
  ['repair', { poor_communication: '3', time_drain: '2' }, { contract: 'none' }],
  ['exit', { abuse: '3', negativity: '3' }, { contract: 'open_ended', open_work: 'yes' }],
];

for (const [verdict, values, context] of JOURNEYS) {
  test(`${ENGINE}: by pointer, start to ${verdict}`, async () => {
    const w = await open();
    await w.click('start');
    assert.equal(await w.step(), 'signal-time_drain');
    await w.click('next');
    assert.ok(await w.js('return !!root.querySelector(".cc-error p")'), 'Next on an unanswered step is refused with a message');
    await w.answerSignals(values);
    assert.equal(await w.step(), 'context');
    await w.context(context);
    await w.click('review');
    assert.equal(await w.step(), 'review');
    await w.click('finish');
    assert.equal(await w.step(), 'result');
    assert.equal(await w.verdict(), verdict);
    assert.deepEqual(await pageErrors(browser.driver), []);
    assert.deepEqual(site.missing(), []);
  });

  test(`${ENGINE}: by keyboard alone, start to ${verdict}`, async () => {
    const w = await open();
    await w.keyboardAction('start');
    assert.equal(await w.step(), 'signal-time_drain');
    assert.ok((await focused(browser.driver)).cls.includes('cc-step-title'), 'focus moves to the new step\'s heading');
    for (const s of SIGNALS) {
      assert.equal(await w.step(), `signal-${s}`);
      await w.keyboardStep(values[s] ?? '0');
    }
    assert.equal(await w.step(), 'context');
    for (const [id, value] of Object.entries(context)) await w.keyboardContext(id, value);
    await w.keyboardAction('review');
    assert.equal(await w.step(), 'review');
    await w.keyboardAction('finish');
    assert.equal(await w.step(), 'result');
    assert.equal(await w.verdict(), verdict);
    assert.deepEqual(await pageErrors(browser.driver), []);
  });
}

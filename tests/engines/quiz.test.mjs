// The quiz to each verdict, by pointer (WebDriver clicks on the answer labels and the
// buttons) and by keyboard alone (Tab into each group, Space and arrows, Enter).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startBrowser, ENGINE } from './engines.mjs';
import { startSite } from './site.mjs';
import { Widget, SIGNALS, focused, pageErrors } from './widget.mjs';

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

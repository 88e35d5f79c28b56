// Each language end to end: the whole quiz and the plan, driven by role and accessible
// name with the names taken from that language's own catalog (so every control is
// found by what a visitor of that language reads), axe at every screen, a screenshot per
// language at 375 px, no control overflowing at 320 px, and no English left on screen
// outside names.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, serveDist, openPage, axe, ARTIFACTS, ROOT } from './helpers.mjs';
import { Widget, LANGS, waitForLocator } from './widget.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

// English sentences that must never show up in another language (fallback leaks).
const english = Object.values({
  ...JSON.parse(fs.readFileSync(path.join(ROOT, 'content/i18n/en/ui.json'), 'utf8')),
  ...JSON.parse(fs.readFileSync(path.join(ROOT, 'content/i18n/en/quiz.json'), 'utf8')),
}).filter((v) => typeof v === 'string' && v.split(' ').length >= 3);

function assertNoEnglish(lang, text, where) {
  if (lang === 'en') return;
  const leaks = english.filter((s) => text.includes(s));
  assert.deepEqual(leaks, [], `${lang}: English on the ${where} screen`);
}

/** Controls whose content is wider than their box. */
async function overflowing(w) {
  return w.host.locator('button, label, legend, select, input, dt, dd, h3, p').evaluateAll((els) =>
    els.filter((e) => !e.closest('.cc-sr') && e.getBoundingClientRect().width > 0 && e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflow !== 'visible' || e.getBoundingClientRect().right > window.innerWidth + 1)
      .map((e) => `${e.tagName}: ${e.textContent.slice(0, 40)}`));
}

for (const lang of LANGS) {
  test(`${lang}: the whole quiz and plan, accessible, no English leaks, fits 320 px`, async () => {
    const { page, errors, context } = await openPage(browser, `${server.url}/index.html`, { viewport: { width: 375, height: 800 } });
    const w = await new Widget(page).ready();
    // Each language is offered under its own name, fetched or not.
    const names = ['English', 'Català', 'Čeština', 'Polski', 'Русский'];
    const options = w.host.locator('select[data-action="language"] option');
    assert.deepEqual(await options.allTextContents(), names, 'the switcher before any language is fetched');
    if (lang !== 'en') await w.chooseLanguage(lang);
    assert.deepEqual(await options.allTextContents(), names, `the switcher in ${lang}`);
    const screens = [];
    const visit = async (name) => {
      assert.deepEqual(await axe(page), [], `${lang} ${name}`);
      assertNoEnglish(lang, await w.section.innerText(), name);
      screens.push(name);
    };
    await visit('intro');
    await w.section.screenshot({ path: path.join(ARTIFACTS, `lang-${lang}-intro-375.png`) });
    await w.start();
    await w.nextRefused();
    await visit('validation');
    await page.setViewportSize({ width: 320, height: 800 });
    assert.deepEqual(await overflowing(w), [], `${lang}: overflow at 320 px`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${lang}: page scrolls sideways by ${overflow}px at 320 px`);
    await page.setViewportSize({ width: 375, height: 800 });
    await w.section.screenshot({ path: path.join(ARTIFACTS, `lang-${lang}-question-375.png`) });
    await w.answerSignals({ poor_communication: '3', losing_money: '2', time_drain: '3' });
    await w.rate({ pay: '1800', billed: '40', calls: '12', revisions: '6', usual: '55' }, { onFilled: () => visit('rate') });
    await w.context({ contract: 'open_ended', open_work: 'yes', tenure: '1to3y' });
    await visit('context');
    await w.review();
    await visit('review');
    await w.finish();
    assert.equal(await w.verdict(), 'exit', 'the same answers reach the same verdict in every language');
    await visit('result');
    await w.openPlan();
    await visit('plan');
    await w.section.screenshot({ path: path.join(ARTIFACTS, `lang-${lang}-result-375.png`) });
    await page.setViewportSize({ width: 320, height: 800 });
    assert.deepEqual(await overflowing(w), [], `${lang}: overflow at 320 px on the result`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

/** The switch's accessible description, as a screen reader gets it with the focus. */
async function expectDescription(locator, want, how) {
  const ids = (await locator.getAttribute('aria-describedby')) ?? '';
  const said = await locator.evaluate((el, list) => list.split(/\s+/).filter(Boolean)
    .map((id) => el.getRootNode().getElementById(id)?.textContent.trim() ?? '').join(' '), ids);
  assert.equal(said, want, `${how}: the switch is described by the failure`);
}

test('a language whose texts cannot be fetched: the widget stays in the language it showed, says so, keeps the answers, and takes it once the host answers', async () => {
  const { page, errors, context } = await openPage(browser, `${server.url}/index.html`, { viewport: { width: 375, height: 800 } });
  const w = await new Widget(page).ready();
  await w.chooseLanguage('pl');
  await w.start();
  await w.answerStep('3');
  // The switch, in whichever language it is labelled.
  const select = w.host.locator('select[data-action="language"]');
  const said = w.host.getByRole('status').filter({ hasText: w.t('ui.lang_failed', { language: 'Čeština' }) });
  const stayed = async (how) => {
    await waitForLocator(said, `the Polish word that Czech could not be loaded (${how})`);
    assert.equal(await w.section.getAttribute('lang'), 'pl', how);
    assert.equal(await select.inputValue(), 'pl', `${how}: the switcher shows the language in use`);
    assert.equal(await w.step(), 'signal-time_drain', how);
    assert.ok(await w.option('time_drain.rush', '3').isChecked(), `${how}: the answers stay`);
    assert.ok(await w.hasFocus(select), `${how}: focus is back on the language switch`);
    await expectDescription(select, w.t('ui.lang_failed', { language: 'Čeština' }), how);
  };
  // The host refuses the Czech files...
  await page.route('**/i18n/cs/**', (route) => route.abort('failed'));
  await select.selectOption('cs');
  await stayed('refused');
  assert.deepEqual(await axe(page), [], 'the word of the failure');
  await page.unroute('**/i18n/cs/**');
  // ...or never answers: the widget holds its space, then gives up after its time-out
  // (the page's clock run forward, not waited for).
  await page.clock.install();
  await page.route('**/i18n/cs/**', () => {});
  await select.selectOption('cs');
  await waitForLocator(w.host.locator('section.cc-loading[aria-busy="true"]'), 'the busy box while Czech is fetched');
  await page.clock.runFor(20_000);
  await stayed('no answer in 20 s');
  await page.unroute('**/i18n/cs/**');
  await page.clock.resume();
  // Once the host answers, choosing Czech again works, and the word goes.
  await w.chooseLanguage('cs');
  assert.equal(await w.host.locator('[data-lang-failed]').count(), 0, 'no word of a failure once Czech is there');
  assert.ok(await w.hasFocus(select), 'focus is back on the language switch after the widget re-rendered in Czech');
  assert.equal(await select.getAttribute('aria-describedby'), null, 'the switch describes no failure once Czech is there');
  assert.ok(await w.option('time_drain.rush', '3').isChecked(), 'the answers stay in Czech');
  // The browser's own report of each refused or abandoned file, and nothing else.
  assert.deepEqual(errors.filter((e) => !/^console: Failed to load resource: net::ERR_FAILED \S+\/i18n\/cs\/\w+\.json/.test(e)), []);
  await context.close();
});

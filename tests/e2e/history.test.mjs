// A freelancer who comes back: checks a client (with what it really pays), gets a repair
// plan, returns after the plan's judge date (the clock is faked), checks the same client
// again with nothing improved and gets an exit, with the trend since last time; then
// exports the saved clients, clears the browser's storage, imports the file and finds
// the same list. In two languages; axe on every new screen at phone and desktop width;
// and the whole return visit by keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { launch, serveDist, openPage, axe, ARTIFACTS, saveDownload } from './helpers.mjs';
import { Widget, waitForLocator, waitNamed, TIMEOUT, SIGNALS, QUESTIONS } from './widget.mjs';

let browser; let server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

const FIRST = new Date('2026-11-02T10:00:00');
/** After the repair plan's judge date (30 days after the first check). */
const LATER = new Date('2026-12-07T10:00:00');
const REPAIR = { poor_communication: '3', time_drain: '2' };
const RATE = { pay: '1800', billed: '40', calls: '12', revisions: '8', usual: '55', currency: 'EUR' };

/** The saved-clients list on the intro, and one client's entry in it. */
const list = (w) => w.host.locator('.cc-client-list');
const entry = (w, name) => list(w).locator('li.cc-client').filter({ has: w.page.getByRole('heading', { name, exact: true }) });

async function open(lang, width) {
  const opened = await openPage(browser, null, { viewport: { width, height: 900 }, acceptDownloads: true, locale: lang });
  await opened.page.clock.setFixedTime(FIRST);
  await opened.page.goto(`${server.url}/index.html`);
  const w = await new Widget(opened.page).ready();
  if (lang !== 'en') await w.chooseLanguage(lang);
  return { ...opened, w };
}

for (const lang of ['en', 'cs']) {
  test(`${lang}: repair, a re-check after the judge date with no improvement is an exit with the trend; export, clear, import`, async () => {
    let { page, w, errors, context } = await open(lang, 375);
    const checkAxe = async (screen) => {
      for (const width of [375, 1280]) {
        await page.setViewportSize({ width, height: 900 });
        assert.deepEqual(await axe(page), [], `${lang} ${screen} at ${width}px`);
        await w.host.screenshot({ path: path.join(ARTIFACTS, `history-${lang}-${screen}-${width}.png`) });
      }
      await page.setViewportSize({ width: 375, height: 900 });
    };

    // First visit: a repair plan, with the client's real hourly rate.
    await w.nickname('Acme');
    await w.start();
    await w.answerSignals(REPAIR);
    await w.rate(RATE, { onFilled: async () => {
      const figures = w.host.locator('.cc-rate-figures');
      // 1800 over 60 hours: 30.00 EUR/h, against a usual 55.
      await waitForLocator(figures.filter({ hasText: /30[.,]00/ }), 'the effective rate while typing');
      await checkAxe('rate');
    } });
    await w.context({ contract: 'none' });
    await w.review();
    await w.finish();
    assert.equal(await w.verdict(), 'repair');
    await waitForLocator(w.host.locator('.cc-rate').filter({ hasText: /30[.,]00/ }), 'the rate in the result');
    const lowRate = w.host.locator('[data-rule="low_rate"]');
    await waitForLocator(lowRate.filter({ hasText: /30[.,]00/ }).filter({ hasText: /55[.,]00/ }), 'both rates in the reason');
    assert.doesNotMatch(await lowRate.innerText(), /[{}]/, 'no placeholder left in the reason');
    await waitForLocator(w.host.locator('[data-saved]'), 'the note that the check is saved');
    await w.openPlan();
    // The plan prices the same hours at the usual rate: 60 h × 55 = 3,300 a month.
    await waitForLocator(w.plan.getByRole('article').filter({ hasText: /3[\s,.]?300[.,]00/ }), 'the fair price in the plan');
    assert.equal(await w.host.locator('.cc-trend').count(), 0, 'no trend on a first check');

    // A month later, the same browser: the saved client waits on the intro.
    await page.clock.setFixedTime(LATER);
    await page.reload();
    // The language the visitor picked is remembered with the answers.
    w = await new Widget(page, { lang }).ready();
    // A reload shows the result again, as it was; a new check starts from the intro.
    assert.equal(await w.step(), 'result');
    await w.host.locator('[data-action="restart"]').click();
    await waitForLocator(entry(w, 'Acme'), 'Acme among the saved clients');
    assert.match(await entry(w, 'Acme').innerText(), new RegExp(w.t('verdict.repair.title')));
    await waitForLocator(entry(w, 'Acme').filter({ hasText: /30[.,]00/ }), 'the effective rate in the list');
    await checkAxe('clients');

    // Check again: last time's answers, nothing improved.
    await entry(w, 'Acme').locator('[data-action="check-again"]').click();
    await waitForLocator(w.host.locator('section[data-step="signal-time_drain"]'), 'the first signal of the re-check');
    for (const s of SIGNALS) {
      const checked = await w.section.getByRole('radio', { checked: true }).count();
      assert.equal(checked, QUESTIONS[s].length, `${s}: last time's answers are filled in`);
      await w.next();
    }
    assert.match(await w.field('ui.rate.pay.month').inputValue(), /^1\D?800[.,]00$/, 'the rate is filled in');
    await w.next();
    // The self-report is not asked: the history answers it.
    assert.equal(await w.step(), 'context');
    assert.equal(await w.question('repair_tried').count(), 0, 'no "have you tried to repair" on a re-check');
    await w.review();
    await w.finish();
    assert.equal(await w.verdict(), 'exit', 'a repair judged without improvement ends');
    await waitForLocator(w.host.locator('[data-rule="repair_no_improvement"]'), 'the rule that fired, in the reasons');
    const trend = w.host.locator('.cc-trend');
    await waitForLocator(trend, 'the trend since last time');
    assert.equal(await trend.getAttribute('data-trend'), 'same');
    assert.equal(await trend.locator('tbody tr').count(), SIGNALS.length, 'one row per warning sign');
    assert.equal(await trend.locator('.cc-trend-point').count(), 2, 'a point per check');
    await checkAxe('trend');

    // Both checks saved; export them.
    await w.host.locator('[data-action="restart"]').click();
    await waitForLocator(entry(w, 'Acme').filter({ hasText: w.t('verdict.exit.title') }), 'Acme, now with the exit verdict');
    const listed = await list(w).innerText();
    const [download] = await waitNamed('the export download', TIMEOUT, () => Promise.all([
      page.waitForEvent('download', { timeout: TIMEOUT }),
      w.host.locator('[data-action="export"]').click(),
    ]));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-export-'));
    const { name, file } = await saveDownload(download, dir);
    assert.equal(name, 'client-checkup-clients-2026-12-07.json');
    const exported = JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.equal(exported.format, 'client-checkup-history');
    assert.equal(exported.version, 1);
    assert.equal(exported.clients.length, 1);
    assert.deepEqual(exported.clients[0].checks.map((k) => [k.date, k.verdict]), [['2026-11-02', 'repair'], ['2026-12-07', 'exit']]);

    // The browser's data is cleared: nothing left.
    // The language choice goes with it: the page's own language comes back first.
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    w = await new Widget(page).ready();
    if (lang !== 'en') await w.chooseLanguage(lang);
    assert.equal(await list(w).count(), 0, 'no saved clients after clearing');

    // A file that is not an export is refused with a clear message, and changes nothing.
    const input = w.host.locator('input[type="file"]');
    await input.setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": 1}') });
    await waitForLocator(w.host.locator('[data-import="failed"]').filter({ hasText: w.t('ui.clients.import_not_ours') }),
      'the message for a foreign file');
    assert.equal(await list(w).count(), 0);
    // The export comes back: the same list.
    await input.setInputFiles(file);
    await waitForLocator(w.host.locator('[data-import="ok"]'), 'the import confirmation');
    assert.equal(await list(w).innerText(), listed, 'the same list after export, clear and import');
    // Importing the same file again adds nothing.
    await input.setInputFiles(file);
    await waitForLocator(w.host.locator('[data-import="ok"]').filter({ hasText: w.t('ui.clients.imported_nothing') }),
      'the note that nothing was new');
    await checkAxe('imported');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('keyboard only: check a saved client again, then delete one check and the client', async () => {
  const { page, w, errors, context } = await open('en', 375);
  await w.nickname('Nord');
  await w.complete({ signals: REPAIR, context: { contract: 'none' } });
  await w.host.locator('[data-action="restart"]').click();
  await waitForLocator(entry(w, 'Nord'), 'the saved client');
  const press = async (locator, what) => { await w.tabTo(locator, what); await page.keyboard.press('Enter'); };

  await press(entry(w, 'Nord').locator('[data-action="check-again"]'), '"Check again"');
  await waitForLocator(w.host.locator('section[data-step="signal-time_drain"]'), 'the re-check by keyboard');
  assert.ok(await w.hasFocus(w.heading), 'focus on the step heading');
  for (let i = 0; i < SIGNALS.length; i++) await w.pressButton('ui.next');
  // The first check left the rate empty: its step offers to skip.
  await w.pressButton('ui.rate.skip');
  await w.pressButton('ui.to_review');
  await w.pressButton('ui.finish');
  assert.equal(await w.step(), 'result');
  await waitForLocator(w.host.locator('.cc-trend'), 'the trend after a re-check by keyboard');
  await w.pressButton('ui.restart');

  // Two checks; delete the older one, then the client, each asked first.
  const nord = entry(w, 'Nord');
  await press(nord.locator('summary'), 'the list of checks');
  await press(nord.locator('[data-check]').last().locator('[data-action="delete-check"]'), '"Delete" on the first check');
  const yes = nord.locator('[data-action="delete-check-confirm"]');
  assert.ok(await w.hasFocus(yes), 'focus moves to the confirmation');
  await page.keyboard.press('Enter');
  await waitNamed('one check left', TIMEOUT, () => nord.locator('[data-check]').nth(1).waitFor({ state: 'detached', timeout: TIMEOUT }));
  await press(nord.locator('[data-action="delete-client"]'), '"Delete this client"');
  // Cancel keeps it and gives focus back; then delete for real.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  assert.ok(await w.hasFocus(nord.locator('[data-action="delete-client"]')), 'focus back on the button after Cancel');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await waitNamed('the client to be deleted', TIMEOUT, () => list(w).waitFor({ state: 'detached', timeout: TIMEOUT }));
  assert.deepEqual(errors, []);
  await context.close();
});

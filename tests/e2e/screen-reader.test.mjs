// What a screen reader gets, beyond axe's rules: on every step change focus lands on the
// step's heading (so it is read out), the progress line is a polite live region over a
// labelled progress bar with its value, a refused Next is announced as an alert, and the
// result's heading, which takes focus, names the verdict.
//
// The accessibility tree of each screen, in English and Czech, is compared with a
// reviewed snapshot in tests/e2e/aria/ (Playwright's ARIA snapshot of the widget's box),
// so a change in what is announced shows up in review. After a deliberate change, run
// `UPDATE_ARIA=1 node --test tests/e2e/screen-reader.test.mjs`, read the diff of the
// .aria.yml files and commit them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { launch, serveDist, openPage, ROOT } from './helpers.mjs';
import { Widget, TIMEOUT } from './widget.mjs';

const SNAPSHOTS = path.join(ROOT, 'tests/e2e/aria');
const UPDATE = Boolean(process.env.UPDATE_ARIA);
/** Dates in the plan depend on the day: the clock is fixed. */
const TODAY = new Date('2026-11-02T10:00:00');

let browser; let server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Compares the widget box's ARIA snapshot with the committed one (or writes it). */
async function matchesSnapshot(w, name) {
  const actual = `${(await w.section.ariaSnapshot({ timeout: TIMEOUT })).trimEnd()}\n`;
  const file = path.join(SNAPSHOTS, `${name}.aria.yml`);
  if (UPDATE) {
    fs.mkdirSync(SNAPSHOTS, { recursive: true });
    fs.writeFileSync(file, actual);
    return;
  }
  assert.ok(fs.existsSync(file), `${file} is missing: run UPDATE_ARIA=1 and review it`);
  const expected = fs.readFileSync(file, 'utf8');
  if (actual !== expected) {
    fs.writeFileSync(`${file}.actual`, actual);
  }
  assert.equal(actual, expected, `${name}: the accessibility tree changed (new one in ${file}.actual)`);
}

/** The element that has focus, looking through the widget's shadow root. */
function focused(w) {
  return w.host.evaluate((host) => {
    let el = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    return el && { tag: el.tagName.toLowerCase(), text: el.textContent.trim() };
  }, null, { timeout: TIMEOUT });
}

/** After a step change: focus is on the new step's heading, and the progress is exposed. */
async function stepIsAnnounced(w, what) {
  const heading = (await w.heading.innerText({ timeout: TIMEOUT })).trim();
  const deadline = Date.now() + TIMEOUT;
  let f;
  do {
    f = await focused(w);
    if (f?.tag === 'h3' && f.text === heading) return heading;
    await new Promise((r) => setTimeout(r, 50));
  } while (Date.now() < deadline);
  throw new Error(`waited ${TIMEOUT} ms for focus on the heading "${heading}" (${what}); focus is on ${JSON.stringify(f)}`);
}

async function progressIs(w, n, m) {
  const bar = w.host.getByRole('progressbar', { name: w.t('ui.progress_label'), exact: true });
  assert.equal(await bar.getAttribute('aria-valuenow', { timeout: TIMEOUT }), String(n), 'progress value');
  assert.equal(await bar.getAttribute('aria-valuemax'), String(m), 'progress range');
  const line = w.host.getByRole('status').filter({ hasText: w.t('ui.progress', { n, m }) });
  assert.equal(await line.count(), 1, `"${w.t('ui.progress', { n, m })}" in a live region`);
}

for (const lang of ['en', 'cs']) {
  test(`${lang}: focus, live regions and the accessibility tree of every screen`, async () => {
    const { page, errors, context } = await openPage(browser, null, { viewport: { width: 375, height: 900 } });
    await page.clock.setFixedTime(TODAY);
    await page.goto(`${server.url}/index.html`);
    const w = await new Widget(page).ready();
    if (lang !== 'en') await w.chooseLanguage(lang);
    await matchesSnapshot(w, `${lang}-intro`);

    await w.nickname('Acme');
    await w.start();
    await stepIsAnnounced(w, 'the first question');
    const steps = Number((await w.host.getByRole('progressbar').getAttribute('aria-valuemax', { timeout: TIMEOUT })));
    await progressIs(w, 1, steps);
    await matchesSnapshot(w, `${lang}-signal`);

    // A refused Next is an alert, and focus goes to the first unanswered question.
    const message = await w.nextRefused();
    assert.ok(message.trim().length > 0, 'the alert has text');
    const f = await focused(w);
    assert.equal(f?.tag, 'input', 'focus on the first unanswered answer');
    await matchesSnapshot(w, `${lang}-refused`);

    await w.answerSignals({ abuse: '3', losing_money: '2' });
    await stepIsAnnounced(w, 'the rate step');
    await progressIs(w, steps - 2, steps);
    await matchesSnapshot(w, `${lang}-rate`);
    await w.rate();
    await stepIsAnnounced(w, 'the context step');
    await w.context({ contract: 'none', unpaid: 'no', repair_tried: 'no' });
    await w.review();
    await stepIsAnnounced(w, 'the review');
    await matchesSnapshot(w, `${lang}-review`);
    await w.finish();

    // The verdict is read out: the result's heading takes focus and names it.
    const verdict = await w.verdict();
    const heading = await stepIsAnnounced(w, 'the result');
    assert.equal(heading, w.t(`verdict.${verdict}.title`), 'the focused heading says the verdict');
    assert.equal(await w.host.getByRole('progressbar').count(), 0, 'no progress bar on the result');
    await w.openPlan();
    await matchesSnapshot(w, `${lang}-result`);
    assert.deepEqual(errors, []);
    await context.close();
  });
}

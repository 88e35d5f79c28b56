// The loader: the first screen painted before any wasm, in the page's language and with
// its options read exactly as the widget reads them; a press of Start made meanwhile
// answered with the painted first question (a returning visitor's with a busy state), and
// what the visitor does there carried over once the quiz runs; no wasm fetched for a widget
// below the fold until it nears the viewport; no layout shift.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, serveDist, openPage, axe, ROOT, DIST, ARTIFACTS } from './helpers.mjs';
import { Widget, waitNamed } from './widget.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

const WASM = /\/client-checkup-[0-9a-f]{8,16}_bg\.wasm/;
/** The option names in their documented order (src/options.rs NAMES). */
const NAMES = ['lang', 'theme', 'accent', 'compact', 'heading', 'id', 'load'];

/** Holds every request for the quiz module's wasm until `release()` is called. */
async function holdWasm(page) {
  let release;
  const released = new Promise((resolve) => { release = resolve; });
  const held = [];
  await page.route(WASM, async (route) => { held.push(route.request().url()); await released; await route.continue(); });
  return { release, held };
}

/** The demo article at phone width with the wasm held back, once its first screen is painted. */
async function paintedWithWasmHeld() {
  const { page, errors, context } = await openPage(browser, null, { viewport: { width: 375, height: 800 } });
  const wasm = await holdWasm(page);
  await page.goto(`${server.url}/index.html`);
  const w = new Widget(page);
  await waitNamed('the painted first screen', 5000, () => w.painted.waitFor());
  await w.host.scrollIntoViewIfNeeded();
  return { page, errors, context, wasm, w };
}

test('the loader, and the wasm parser it offers the builder, read the options exactly as the widget does', async () => {
  const cases = JSON.parse(execFileSync('cargo', ['run', '--offline', '--quiet', '--features', 'ssr', '--bin', 'prerender',
    '--', '--options-cases', '3000'], { cwd: ROOT, maxBuffer: 64 << 20, encoding: 'utf8' }));
  assert.equal(cases.length, 3000);
  const { page, context } = await openPage(browser, `${server.url}/index.html`);
  const got = await page.evaluate((cases) => cases.map(({ attrs }) =>
    window.ClientCheckup.parseOptions((name) => (name in attrs ? attrs[name] : null))), cases);
  for (let i = 0; i < cases.length; i++) {
    assert.deepEqual(got[i], cases[i].expected, `case ${i}: ${JSON.stringify(cases[i].attrs)}`);
  }
  // The wasm's own parser (what the embed builder asks), on the same cases: the same
  // options and the same warnings as the native build.
  const fromWasm = await page.evaluate(async (cases) => {
    const parse = await window.ClientCheckup.optionsParser();
    return cases.map(({ attrs }) => parse((name) => (name in attrs ? attrs[name] : null)));
  }, cases);
  for (let i = 0; i < cases.length; i++) {
    assert.deepEqual(fromWasm[i], { options: cases[i].expected, warnings: cases[i].warnings, names: NAMES },
      `wasm, case ${i}: ${JSON.stringify(cases[i].attrs)}`);
  }
  assert.ok(cases.filter((c) => c.warnings.length).length > 100, 'many cases are refused, so warnings are compared too');
  await context.close();
});

/** The painted first question's option: `value` of `question`, by the group's legend. */
function paintedOption(w, question, value) {
  return w.painted.getByRole('group', { name: w.t(`q.${question}`), exact: true })
    .getByRole('radio', { name: w.t(`scale.${value}`), exact: true });
}

/** Records, in every animation frame until the painted screens are gone and a frame more,
 *  the step of the section on screen and whether it is the painted one. */
function watchFrames(page) {
  return page.evaluate(() => {
    const host = document.querySelector('[data-client-checkup]');
    const seen = (window.__frames = []);
    let after = 0;
    const frame = () => {
      const section = host.shadowRoot.querySelector('section[data-step]');
      const painted = Boolean(section?.closest('[data-cc-static]'));
      const last = seen.at(-1);
      const now = `${section?.getAttribute('data-step')}${painted ? ' (painted)' : ''}`;
      if (last !== now) seen.push(now);
      if (!painted && ++after > 2) return;
      requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  });
}

test('the first screen is painted before the wasm arrives; Start shows the first question, whose answers and Next are kept', async () => {
  // Painted from the build's own markup, in the page's language, while the wasm is held.
  const { page, errors, context, wasm, w } = await paintedWithWasmHeld();
  assert.equal(await w.painted.locator('section[data-step]').getAttribute('lang'), 'en');
  assert.equal(await w.painted.getByRole('heading', { level: 3 }).innerText(), w.t('ui.intro.heading'));
  await w.host.screenshot({ path: path.join(ARTIFACTS, 'loader-painted-375.png') });
  // The visitor types a nickname and presses Start before the quiz can run: the first
  // question is there at once, painted the same way, with focus on its heading.
  await w.painted.getByLabel(w.t('ui.intro.nickname'), { exact: true }).fill('Early Bird Ltd');
  await w.painted.getByRole('button', { name: w.t('ui.intro.start'), exact: true }).click();
  const title = w.painted.getByRole('heading', { level: 3, name: w.t('signal.time_drain.title'), exact: true });
  await waitNamed('the painted first question', 5000, () => title.waitFor());
  assert.equal(await w.painted.locator('section[data-step]').getAttribute('data-step'), 'signal-time_drain');
  assert.ok(await w.hasFocus(title), 'focus on the question, as the widget moves it on every step');
  assert.ok(wasm.held.length >= 1, 'Start fetched the wasm');
  // By keyboard: Tab into the first group, arrows pick "Often".
  await page.keyboard.press('Tab');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  assert.equal(await paintedOption(w, 'time_drain.unprepared', '3').isChecked(), true, 'the arrows picked an answer');
  await w.host.screenshot({ path: path.join(ARTIFACTS, 'loader-painted-question-375.png') });
  // Back to the first screen and Start again: the nickname and the answer are kept.
  await w.painted.getByRole('button', { name: w.t('ui.back'), exact: true }).click();
  assert.equal(await w.painted.getByLabel(w.t('ui.intro.nickname'), { exact: true }).inputValue(), 'Early Bird Ltd');
  await w.painted.getByRole('button', { name: w.t('ui.intro.start'), exact: true }).click();
  assert.equal(await paintedOption(w, 'time_drain.unprepared', '3').isChecked(), true, 'kept across Back');
  for (const q of ['after_hours', 'rush', 'floods', 'slow_replies']) await paintedOption(w, `time_drain.${q}`, '1').check();
  assert.deepEqual(await axe(page), [], 'the painted question passes axe (WCAG 2.2 AA), as the widget\'s does');
  // Next waits for the quiz: busy, not dead; a second press does nothing twice.
  await w.painted.getByRole('button', { name: w.t('ui.next'), exact: true }).click();
  const busy = w.painted.getByRole('button', { name: w.t('ui.intro.loading'), exact: true });
  await waitNamed('the busy Next button', 5000, () => busy.waitFor());
  assert.equal(await busy.getAttribute('aria-disabled'), 'true', 'busy, not dead: still focusable, marked disabled');
  await busy.click({ force: true });
  // The wasm arrives: the quiz goes on where the visitor is, with everything they did.
  await watchFrames(page);
  wasm.release();
  await waitNamed('the painted screen to be taken over', 10000, () => w.painted.waitFor({ state: 'detached' }));
  assert.equal(await w.step(), 'signal-dismisses_advice', 'the early Next was honoured once');
  assert.ok(await w.hasFocus(w.heading), 'Next moved focus to the new step, as any Next does');
  const frames = await page.evaluate(() => window.__frames);
  assert.deepEqual(frames.filter((f) => !f.endsWith('(painted)')), ['signal-dismisses_advice'],
    `no other screen flashed between the painted question and the next one: ${frames.join(' → ')}`);
  await w.back();
  assert.deepEqual(await w.checkedValues(), ['3', '1', '1', '1', '1'], 'the painted answers are the widget\'s');
  await w.back();
  assert.equal(await w.host.getByLabel(w.t('ui.intro.nickname'), { exact: true }).inputValue(), 'Early Bird Ltd');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on the painted first question, the widget takes over where the visitor is: same question, answers and focus', async () => {
  const { page, errors, context, wasm, w } = await paintedWithWasmHeld();
  await w.painted.getByRole('button', { name: w.t('ui.intro.start'), exact: true }).click();
  await paintedOption(w, 'time_drain.unprepared', '2').waitFor();
  // Answered in another language: the painted question switches and keeps the answer.
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await w.painted.locator('select').selectOption('cs');
  const cs = new Widget(page, { lang: 'cs' });
  await waitNamed('the painted question in Czech', 5000, () => cs.painted.locator('section[lang="cs"]').waitFor());
  assert.equal(await paintedOption(cs, 'time_drain.unprepared', '2').isChecked(), true, 'kept across the language');
  await paintedOption(cs, 'time_drain.rush', '4').focus();
  await page.keyboard.press('Space');
  await watchFrames(page);
  wasm.release();
  await cs.ready();
  assert.equal(await cs.step(), 'signal-time_drain');
  const frames = await page.evaluate(() => window.__frames);
  assert.deepEqual(frames.filter((f) => !f.endsWith('(painted)')), ['signal-time_drain'],
    `the live widget showed only the question: ${frames.join(' → ')}`);
  assert.equal(await cs.option('time_drain.unprepared', '2').isChecked(), true);
  assert.equal(await cs.option('time_drain.rush', '4').isChecked(), true);
  assert.ok(await cs.hasFocus(cs.option('time_drain.rush', '4')), 'focus stays on the answer the visitor was on');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a nickname the browser filled in (no input event) goes with an early Start', async () => {
  const { errors, context, wasm, w } = await paintedWithWasmHeld();
  // Autofill, or a page restored from the back/forward cache, sets the value silently.
  await w.painted.locator('input[type=text]').evaluate((el) => { el.value = 'Autofilled Ltd'; });
  await w.painted.getByRole('button', { name: w.t('ui.intro.start'), exact: true }).click();
  await waitNamed('the painted first question', 5000, () => w.painted.locator('[data-signal-step]').waitFor());
  wasm.release();
  await w.ready();
  await w.back();
  assert.equal(await w.host.getByLabel(w.t('ui.intro.nickname'), { exact: true }).inputValue(), 'Autofilled Ltd');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a returning visitor\'s early Start waits with a busy button, and the widget opens where they were', async () => {
  const { page, errors, context, wasm, w } = await paintedWithWasmHeld();
  wasm.release();
  await w.ready();
  await w.start();
  await w.answer('time_drain.rush', '3');
  // Back another day, the wasm slow again: the painted screens know nothing of the progress.
  const again = await holdWasm(page);
  await page.reload();
  await waitNamed('the painted first screen', 5000, () => w.painted.waitFor());
  const start = w.painted.getByRole('button', { name: w.t('ui.intro.start'), exact: true });
  await start.click();
  const busy = w.painted.getByRole('button', { name: w.t('ui.intro.loading'), exact: true });
  await waitNamed('the busy Start button', 5000, () => busy.waitFor());
  assert.equal(await busy.getAttribute('aria-disabled'), 'true', 'busy, not dead: still focusable, marked disabled');
  assert.equal(await w.painted.getByRole('status').innerText(), w.t('ui.intro.loading'), 'announced politely');
  assert.equal(await w.painted.locator('[data-signal-step]').count(), 0, 'no painted question over their progress');
  await busy.click({ force: true }); // a second press (Playwright would wait for 'enabled') starts nothing twice
  again.release();
  await waitNamed('the painted screen to be taken over', 10000, () => w.painted.waitFor({ state: 'detached' }));
  assert.equal(await w.step(), 'signal-time_drain', 'where they were');
  assert.deepEqual(await w.checkedValues(), ['3']);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a language picked on the painted screen is taken over, and remembered on the next visit', async () => {
  const { page, errors, context, wasm, w } = await paintedWithWasmHeld();
  await w.painted.locator('select').selectOption('pl');
  await waitNamed('the painted screen in Polish', 5000, () => w.painted.locator('section[lang="pl"]').waitFor());
  wasm.release();
  const pl = await new Widget(page, { lang: 'pl' }).ready();
  assert.equal(await pl.heading.innerText(), pl.t('ui.intro.heading'));
  // A language alone is not kept (nothing to forget yet); with an answer it is.
  assert.equal(await pl.button('ui.forget').count(), 0, 'no "forget" for a language alone');
  await pl.start();
  await pl.answerStep('1');
  // The page says English; the visitor said Polish, and the widget remembers it.
  await page.reload();
  const again = await new Widget(page, { lang: 'pl' }).ready();
  assert.equal(await again.step(), 'signal-time_drain');
  assert.deepEqual(errors, []);
  await context.close();
});

/** An article long enough that the widget starts far below the fold. */
function longArticle(extra = '') {
  const filler = Array.from({ length: 60 }, (_, i) => `<p>Paragraph ${i}: freelancing notes that fill the screen.</p>`).join('');
  return `<!doctype html><html lang="cs"><head><meta charset="utf-8"><title>Long</title></head>
    <body><main><h1>A long article</h1>${filler}<div data-client-checkup data-id="far" ${extra}></div>
    <script src="/client-checkup.js"></script>${filler}</main></body></html>`;
}

test('below the fold, no wasm is fetched until the widget nears the viewport; data-load="eager" fetches at once', async () => {
  const pages = { '/long.html': longArticle(), '/long-eager.html': longArticle('data-load="eager"') };
  const blog = await serveDist({ pages });
  try {
    const { page, context } = await openPage(browser, null, { viewport: { width: 390, height: 800 } });
    const wasmRequests = [];
    page.on('request', (r) => { if (WASM.test(r.url())) wasmRequests.push(r.url()); });
    await page.goto(`${blog.url}/long.html`);
    const w = new Widget(page, { lang: 'cs' });
    await waitNamed('the painted first screen (far below)', 5000, () => w.painted.waitFor({ state: 'attached' }));
    await page.waitForLoadState('networkidle');
    assert.deepEqual(wasmRequests, [], 'nothing fetched for a widget far below the fold');
    await w.ready(); // scrolls it into view: now it loads and takes over
    assert.equal(wasmRequests.length, 1);
    await context.close();

    const eager = await openPage(browser, null, { viewport: { width: 390, height: 800 } });
    const eagerRequests = [];
    eager.page.on('request', (r) => { if (WASM.test(r.url())) eagerRequests.push(r.url()); });
    await eager.page.goto(`${blog.url}/long-eager.html`);
    await eager.page.waitForLoadState('networkidle');
    assert.equal(eagerRequests.length, 1, 'eager: fetched without scrolling');
    await eager.context.close();
  } finally {
    await blog.close();
  }
});

test('no layout shift: the first screen holds its place from the first paint to the live widget', async () => {
  const { page, errors, context } = await openPage(browser, null, {
    viewport: { width: 390, height: 844 },
    init: () => {
      window.__shifts = [];
      const keep = (entries) => { for (const e of entries) if (!e.hadRecentInput) window.__shifts.push(e.value); };
      window.__shiftObserver = new PerformanceObserver((list) => keep(list.getEntries()));
      window.__shiftObserver.observe({ type: 'layout-shift', buffered: true });
      window.__takeShifts = () => { keep(window.__shiftObserver.takeRecords()); return window.__shifts; };
    },
  });
  await page.goto(`${server.url}/index.html`);
  const w = await new Widget(page).ready();
  // Two frames after the take-over has rendered, its shifts are recorded; takeRecords()
  // adds any the observer has not been handed yet.
  const shifts = await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(window.__takeShifts())))));
  assert.deepEqual(shifts, [], `layout shifts: ${shifts.join(', ')}`);
  assert.equal(await w.step(), 'intro');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the loader carries the first screen of every language, from the build', () => {
  const loader = fs.readFileSync(path.join(DIST, 'client-checkup.js'), 'utf8');
  for (const lang of ['en', 'ca', 'cs', 'pl', 'ru']) {
    assert.ok(loader.includes(`lang=\\"${lang}\\"`), `${lang} screen in the loader`);
  }
  assert.ok(!/style="/.test(loader), 'no style attributes (strict CSP)');
});

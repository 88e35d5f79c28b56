// The widget as a person uses it: one page object for every end-to-end test.
//
// Controls are found by role and accessible name, and the names come from the widget's
// own catalogs (`content/i18n/<lang>/*.json`), so the same test drives the widget in
// every language. The stable hooks (`data-verdict`, `data-action`, `data-signal`,
// `data-context` and option `value`s, which the README promises blog owners, and
// `data-step`) are read only where they are what is being checked: the step a visitor
// is on, the verdict, and the hooks test in quiz.test.mjs.
//
// It works the same for a widget mounted in the page (an open shadow root: Playwright's
// locators pierce it) and for one inside the iframe page (`{ frame: '#cc' }`), because
// every wait is a locator wait, evaluated where the widget lives.
//
// Every wait has a short explicit timeout and, when it runs out, says what it waited
// for and what the widget showed instead. Nothing is swallowed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** How long one interaction may take on a local server (ms). */
export const TIMEOUT = Number(process.env.E2E_TIMEOUT_MS) || 5_000;
/** How long the first screen may take: wasm fetched, compiled and started, catalog loaded. */
export const LOAD_TIMEOUT = 2 * TIMEOUT;

/** The eight signals in quiz order (the stable ids of the README). */
export const SIGNALS = ['time_drain', 'dismisses_advice', 'low_respect', 'poor_communication', 'stalled', 'negativity',
  'losing_money', 'abuse'];
export const LANGS = ['en', 'ca', 'cs', 'pl', 'ru'];

const readJson = (...parts) => JSON.parse(fs.readFileSync(path.join(ROOT, ...parts), 'utf8'));

/** Questions per signal, from the model the widget is built with: `{ id, na }`. */
const MODEL = readJson('content/model.json');
export const QUESTIONS = Object.fromEntries(MODEL.signals.map((s) => [s.id, s.questions.map((q) => ({ id: q.id, na: q.na }))]));
for (const s of SIGNALS) if (!QUESTIONS[s]) throw new Error(`content/model.json has no signal "${s}"`);

const catalogs = new Map();
/** One language's messages (ui, quiz and plan texts merged), read once. */
export function catalog(lang) {
  if (!LANGS.includes(lang)) throw new Error(`no catalog for language "${lang}" (have ${LANGS.join(', ')})`);
  if (!catalogs.has(lang)) {
    catalogs.set(lang, Object.assign({}, ...['ui', 'quiz', 'plan'].map((f) => readJson('content/i18n', lang, `${f}.json`))));
  }
  return catalogs.get(lang);
}

/** A message as the widget shows it: the language's text, else English (as the widget
 *  falls back), with `{name}` placeholders filled; plural messages pick their CLDR form
 *  for `vars.n`. A key that exists nowhere is an error, never a silent miss. */
export function text(lang, key, vars = {}) {
  let message = catalog(lang)[key] ?? catalog('en')[key];
  if (message === undefined) throw new Error(`no message "${key}" in the ${lang} or en catalog`);
  if (typeof message === 'object') {
    message = message[new Intl.PluralRules(lang).select(Number(vars.n ?? 0))] ?? message.other;
  }
  return message.replace(/\{(\w+)\}/g, (all, name) => (name in vars ? String(vars[name]) : all));
}

/** Runs `wait` (a promise factory); if it fails, throws an error that names what was
 *  awaited, keeps Playwright's first line, and carries the whole error as its cause. */
export async function waitNamed(what, timeout, wait) {
  try {
    return await wait();
  } catch (e) {
    const first = String(e?.message ?? e).split('\n')[0];
    throw new Error(`waited ${timeout} ms for ${what}: ${first}`, { cause: e });
  }
}

/** Waits for a locator to reach `state` (default visible) within `timeout`, or says what was missing. */
export function waitForLocator(locator, what, { state = 'visible', timeout = TIMEOUT } = {}) {
  return waitNamed(what, timeout, () => locator.waitFor({ state, timeout }));
}

/** Waits until `fn(arg)` is truthy in `page` (a Page or Frame), or says what never became true. */
export function waitUntil(page, what, fn, arg, { timeout = TIMEOUT } = {}) {
  return waitNamed(what, timeout, () => page.waitForFunction(fn, arg, { timeout }));
}

/** In the browser: whether `el` has focus, looking through shadow roots. */
export function isFocused(el) {
  let active = el.ownerDocument.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active === el;
}

/** Presses Tab on `page` until `locator` has focus; fails after `max` presses, naming
 *  `who` (the page object) and `what`. */
export async function tabTo(page, locator, who, what, max = 60) {
  // Found once: the page keeps its elements while focus moves, and looking the target
  // up by role after every key press would cost more than the key press.
  const target = await locator.elementHandle({ timeout: TIMEOUT });
  try {
    for (let i = 0; i < max; i++) {
      await page.keyboard.press('Tab');
      if (await target.evaluate(isFocused)) return;
    }
  } finally {
    await target.dispose();
  }
  throw new Error(`${who}: focus never reached ${what} in ${max} presses of Tab`);
}

export class Widget {
  /**
   * @param page the Playwright page (downloads and the keyboard are page-wide).
   * @param options.frame a selector for the iframe holding the widget (`embed.html`), if any.
   * @param options.nth which placeholder on the page (default the first).
   * @param options.lang the language the widget is expected to speak (default `en`).
   */
  constructor(page, { frame, nth = 0, lang = 'en' } = {}) {
    this.page = page;
    this.lang = lang;
    const scope = frame ? page.frameLocator(frame) : page;
    /** The placeholder on the host page (or in the iframe page). */
    this.host = scope.locator('[data-client-checkup]').nth(nth);
    /** The widget's own box, inside its shadow root; carries `data-step` and `lang`. */
    this.section = this.host.locator('section[data-step]');
    this.name = `widget ${frame ? `in iframe ${frame}` : `#${nth}`}`;
  }

  // ---------------------------------------------------------------- texts and locators

  /** The widget's text for `key` in its current language. */
  t(key, vars) { return text(this.lang, key, vars); }

  /** A button by its visible name (a catalog key such as `ui.next`). */
  button(key, vars) { return this.host.getByRole('button', { name: this.t(key, vars), exact: true }); }

  /** A labelled field (text, date, textarea, select, checkbox) by its label's catalog key. */
  field(key) { return this.host.getByLabel(this.t(key), { exact: true }); }

  /** The current step's title: the one level-3 heading; focus moves there on every step. */
  get heading() { return this.host.getByRole('heading', { level: 3 }); }

  /** A question's radio group by its legend: a rating question (`time_drain.rush`) or a
   *  context question (`contract`). */
  question(id) {
    const key = id.includes('.') ? `q.${id}` : `ctx.${id}.label`;
    return this.host.getByRole('group', { name: this.t(key), exact: true });
  }

  /** One option of a question by its label: `0`..`4` or `na` for ratings, the value id for context. */
  option(id, value) {
    const key = id.includes('.') ? `scale.${value}` : `ctx.${id}.${value}`;
    return this.question(id).getByRole('radio', { name: this.t(key), exact: true });
  }

  /** The validation message above Back / Next, when there is one. */
  get alert() { return this.host.getByRole('alert').filter({ hasText: /\S/ }); }

  /** The plan, once opened: a region named by its heading. */
  get plan() { return this.host.getByRole('region', { name: this.t('ui.plan.heading'), exact: true }); }

  // ---------------------------------------------------------------- state, read by hooks

  /** Waits for the first screen in the expected language. */
  /** Waits until the widget runs: the loader paints the first screen at once, and the
   *  widget (fetched when the placeholder nears the viewport) takes it over. */
  async ready() {
    await this.host.scrollIntoViewIfNeeded({ timeout: LOAD_TIMEOUT });
    await waitForLocator(this.host.locator(`div:not([data-cc-static]) > section[data-step][lang="${this.lang}"]`),
      `${this.name} to show its first screen in "${this.lang}"`, { timeout: LOAD_TIMEOUT });
    await waitNamed(`${this.name} to take over the painted first screen`, LOAD_TIMEOUT,
      () => this.host.locator('[data-cc-static]').waitFor({ state: 'detached', timeout: LOAD_TIMEOUT }));
    return this;
  }

  /** The first screen the loader painted before the widget's code arrived. */
  get painted() { return this.host.locator('[data-cc-static]'); }

  /** The step on screen (`intro`, `signal-<id>`, `rate`, `context`, `review`, `result`). */
  step() { return this.section.getAttribute('data-step', { timeout: TIMEOUT }); }

  /** The verdict shown on the result (`keep`, `watch`, `repair`, `exit`). */
  async verdict() {
    const result = this.host.locator('[data-verdict]');
    await waitForLocator(result, `${this.name} to show a verdict`);
    return result.getAttribute('data-verdict');
  }

  /** The values of the checked options on the current step, in screen order. */
  checkedValues() {
    return this.section.getByRole('radio', { checked: true }).evaluateAll((els) => els.map((e) => e.value));
  }

  // ---------------------------------------------------------------- moving between steps

  /** Does `act` and waits until the widget shows another step; if it stays, fails with
   *  the validation message it shows instead. */
  async #moves(what, act) {
    const before = await this.step();
    await act();
    const moved = this.host.locator(`section[data-step]:not([data-step="${before}"])`);
    try {
      await moved.waitFor({ timeout: TIMEOUT });
    } catch (e) {
      const said = (await this.alert.allInnerTexts()).join(' ');
      throw new Error(`${this.name}: ${what} did not leave step "${before}" within ${TIMEOUT} ms`
        + (said ? `; the widget says: "${said}"` : ''), { cause: e });
    }
  }

  /** Clicks a button (by catalog key) that leads to another step. */
  async #go(key) {
    await this.#moves(`"${this.t(key)}"`, () => this.button(key).click({ timeout: TIMEOUT }));
  }

  /** Start: "Start the checkup", or "Check a new client" once clients are saved. */
  start() {
    const start = this.host.locator('[data-action="start"]');
    return this.#moves('Start', () => start.click({ timeout: TIMEOUT }));
  }
  next() { return this.#go('ui.next'); }
  back() { return this.#go('ui.back'); }
  review() { return this.#go('ui.to_review'); }
  finish() { return this.#go('ui.finish'); }

  /** "Forget my answers" (or, with clients saved, "Delete everything saved here" and its
   *  confirmation): back to an empty intro. */
  async forget() {
    const all = this.button('ui.forget_all');
    if (await all.count()) {
      await all.click({ timeout: TIMEOUT });
      await this.button('ui.clients.delete_all_yes').click({ timeout: TIMEOUT });
    } else {
      await this.button('ui.forget').click({ timeout: TIMEOUT });
    }
    await waitForLocator(this.host.locator('section[data-step="intro"]'), `${this.name} to return to the intro after "Forget"`);
  }

  /** Next with questions left open: the widget must stay and say why. Returns what it says. */
  async nextRefused() {
    const before = await this.step();
    await this.button('ui.next').click({ timeout: TIMEOUT });
    await waitForLocator(this.alert, `${this.name} to refuse "${this.t('ui.next')}" on "${before}" with a message`);
    const after = await this.step();
    if (after !== before) throw new Error(`${this.name}: "${this.t('ui.next')}" was expected to be refused on "${before}" but moved to "${after}"`);
    return this.alert.innerText();
  }

  // ---------------------------------------------------------------- answering

  /** Types the client's nickname on the intro. */
  nickname(value) { return this.field('ui.intro.nickname').fill(value, { timeout: TIMEOUT }); }

  /** Picks a language in the switcher and waits for the widget to speak it. */
  async chooseLanguage(lang) {
    await this.host.getByRole('combobox', { name: this.t('ui.language'), exact: true }).selectOption(lang, { timeout: TIMEOUT });
    this.lang = lang;
    await waitForLocator(this.host.locator(`section[data-step][lang="${lang}"]`), `${this.name} to switch to "${lang}"`);
  }

  /** The signal whose questions are on screen; fails if the widget is on another kind of step. */
  async #signal() {
    const step = await this.step();
    if (!step?.startsWith('signal-')) throw new Error(`${this.name}: expected a signal step, found "${step}"`);
    return step.slice('signal-'.length);
  }

  /** Rates one question (`time_drain.rush`) with `0`..`4` or `na`. */
  answer(question, value) { return this.option(question, value).check({ timeout: TIMEOUT }); }

  /** Rates every question on the current signal step with the same value. */
  async answerStep(value) {
    for (const q of QUESTIONS[await this.#signal()]) await this.answer(q.id, value);
  }

  /** Answers every signal step in order, `values[signal]` or `0`, going on with Next.
   *  `onStep(signal)` runs after a step is answered, before Next (e.g. an axe check). */
  async answerSignals(values = {}, { onStep } = {}) {
    for (const s of SIGNALS) {
      const on = await this.#signal();
      if (on !== s) throw new Error(`${this.name}: expected the "${s}" step, found "${on}"`);
      await this.answerStep(values[s] ?? '0');
      await onStep?.(s);
      await this.next();
    }
  }

  /** Picks context answers: `{ contract: 'signed', open_work: 'yes' }`. */
  /** Answers context questions: choices by value id, and the two typed fields
   *  (`contract_end` as YYYY-MM-DD, `notice_days`) by their labels. */
  async context(choices = {}) {
    for (const [id, value] of Object.entries(choices)) {
      if (id === 'contract_end' || id === 'notice_days') {
        const field = this.host.getByLabel(this.t(`ctx.${id}.label`), { exact: true });
        await field.fill(value, { timeout: TIMEOUT });
        if (id === 'contract_end') await field.dispatchEvent('change');
      } else {
        await this.answer(id, value);
      }
    }
  }

  /** Fills the rate step and moves on (Next, or "Skip this step" when nothing is given):
   *  `{ basis: 'project', pay: '1800', weeks: '6', billed: '40', calls: '12', messages,
   *  revisions, chasing, usual: '55', currency: 'EUR' }`, amounts as a visitor types them. */
  async rate(values = {}, { onFilled } = {}) {
    const step = await this.step();
    if (step !== 'rate') throw new Error(`${this.name}: expected the rate step, found "${step}"`);
    const { basis = 'month', currency, ...fields } = values;
    if (basis !== 'month') await this.host.getByRole('radio', { name: this.t(`ui.rate.basis.${basis}`), exact: true }).check({ timeout: TIMEOUT });
    const label = (k) => ({
      pay: `ui.rate.pay.${basis}`, weeks: 'ui.rate.weeks', usual: 'ui.rate.usual',
    }[k] ?? `ui.rate.kind.${k}`);
    for (const [k, v] of Object.entries(fields)) await this.field(label(k)).fill(v, { timeout: TIMEOUT });
    if (currency) await this.field('ui.plan.currency').fill(currency, { timeout: TIMEOUT });
    await onFilled?.();
    await this.#go(Object.keys(values).length ? 'ui.next' : 'ui.rate.skip');
  }

  /** The whole quiz: nickname, start, every signal, the rate (skipped unless given),
   *  context, review, result. Returns the verdict. */
  async complete({ nickname, signals = {}, rate = {}, context = {} } = {}) {
    if (nickname !== undefined) await this.nickname(nickname);
    await this.start();
    await this.answerSignals(signals);
    await this.rate(rate);
    await this.context(context);
    await this.review();
    await this.finish();
    return this.verdict();
  }

  // ---------------------------------------------------------------- the plan

  /** The plan is part of the result: waits until its document is shown. */
  async openPlan() {
    await waitForLocator(this.plan.getByRole('article'), `${this.name} to show the plan document`);
  }

  /** Opens "Plan details" (a disclosure) if it is closed. */
  async openPlanDetails() {
    const summary = this.plan.getByText(this.t('ui.plan.details'), { exact: true });
    const details = this.plan.locator('details.cc-plan-inputs');
    if (!(await details.evaluate((d) => d.open, null, { timeout: TIMEOUT }))) await summary.click({ timeout: TIMEOUT });
  }

  /** Fills plan details by their label keys under `ui.plan.`: `addressee`, `today`,
   *  `open_work`, `unpaid_amount`, `currency`. */
  async fillPlan(fields) {
    await this.openPlanDetails();
    for (const [key, value] of Object.entries(fields)) {
      await this.plan.getByLabel(this.t(`ui.plan.${key}`), { exact: true }).fill(value, { timeout: TIMEOUT });
    }
  }

  /** Clicks a download button (`md`, `pdf`, `ics`) and returns Playwright's Download. */
  async download(kind) {
    const what = `${this.name} to download ${kind}`;
    const [dl] = await waitNamed(what, TIMEOUT, () => Promise.all([
      this.page.waitForEvent('download', { timeout: TIMEOUT }),
      this.button(`ui.plan.download_${kind}`).click({ timeout: TIMEOUT }),
    ]));
    return dl;
  }

  /** "Copy the notice draft"; waits for the confirmation and returns it. */
  async copyNoticeDraft() {
    await this.button('ui.plan.copy_notice').click({ timeout: TIMEOUT });
    const status = this.host.getByRole('status').filter({ hasText: this.t('ui.plan.copied_notice') });
    await waitForLocator(status, `${this.name} to confirm the copy ("${this.t('ui.plan.copied_notice')}")`);
    return status.innerText();
  }

  // ---------------------------------------------------------------- keyboard

  /** Whether `locator` has focus, looking through shadow roots. */
  hasFocus(locator) { return locator.evaluate(isFocused, null, { timeout: TIMEOUT }); }

  /** Presses Tab until `locator` has focus; fails after `max` presses. */
  tabTo(locator, what, max = 60) { return tabTo(this.page, locator, this.name, what, max); }

  /** Tabs to a button and presses Enter on it, waiting for the next step. */
  async pressButton(key) {
    const what = `"${this.t(key)}"`;
    await this.tabTo(this.button(key), what);
    await this.#moves(what, () => this.page.keyboard.press('Enter'));
  }
}

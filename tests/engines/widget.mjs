// The widget as a person uses it, over plain WebDriver (no engine-specific extension):
// elements inside the open shadow root are found with a script and then clicked or typed
// into with real WebDriver input, by pointer or by keyboard.
import { Key } from 'selenium-webdriver';

export const SIGNALS = ['time_drain', 'dismisses_advice', 'low_respect', 'poor_communication', 'stalled', 'negativity', 'losing_money', 'abuse'];

/**
 * Polls `probe` until it returns something truthy and returns that. On time-out it
 * throws naming what it waited for and the last value seen, and what `describe()` (if
 * given) says was there instead. Short by default: every wait in this suite is for
 * something the page does in well under a second.
 */
export async function waitFor(what, probe, timeout = 5000, describe = null) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await probe();
    if (last) return last;
    if (Date.now() > end) {
      const instead = describe ? `; instead: ${JSON.stringify(await describe().catch((e) => `(could not look: ${e.message})`))}` : '';
      throw new Error(`timed out after ${timeout} ms waiting for ${what} (last seen: ${JSON.stringify(last)})${instead}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** How long the first screen may take to become the live widget: the quiz module
 *  fetched, compiled and started, its catalog loaded. */
export const LOAD_TIMEOUT = 10_000;
/** How long a download may take to be handed to the browser: the plan module builds
 *  the file (a PDF with its font fetched on demand), on a machine that may be busy. */
export const DOWNLOAD_TIMEOUT = 10_000;

/** Errors the harness collected on the page (error events, rejections, console.error). */
export function pageErrors(driver) {
  return driver.executeScript('return window.__ccErrors || ["the test harness is missing on this page"]');
}

/** The element that has focus, looking through shadow roots. */
export function focused(driver) {
  return driver.executeScript(`let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el ? { tag: el.tagName, action: el.dataset.action || null, value: el.value ?? null, type: el.type || null,
      name: el.name || null, cls: String(el.className || ''), group: el.closest('fieldset')?.dataset.signal
        || el.closest('fieldset')?.dataset.context || null, checked: !!el.checked } : null;`);
}

export class Widget {
  /** `index`: which [data-client-checkup] placeholder on the page (or in the frame).
   *  `frame`: the selector of the iframe the widget lives in, when the driver has been
   *  switched into it. */
  constructor(driver, index = 0, { frame = null } = {}) {
    this.driver = driver;
    this.index = index;
    this.frame = frame;
  }

  /** A WebDriver click on `el`. In a frame, the parent page is scrolled first so that the
   *  element is in its viewport: WebKitWebDriver scrolls only the frame's own document
   *  and its click then silently lands nowhere (and WebKit, rightly, does not let a
   *  cross-origin frame's scrollIntoView scroll the parent). The frame grows to its
   *  content a moment after each step (postMessage), so first wait until it shows `el`. */
  async tap(el) {
    if (this.frame) {
      const [y, bottom] = await this.driver.executeScript('const r = arguments[0].getBoundingClientRect(); return [r.top + r.height / 2, Math.ceil(r.bottom)]', el);
      await this.driver.switchTo().defaultContent();
      await waitFor(`the frame ${this.frame} to grow past ${bottom} px to show the element`, () => this.driver.executeScript(
        'return document.querySelector(arguments[0]).getBoundingClientRect().height >= arguments[1]', this.frame, bottom));
      await this.driver.executeScript(`const f = document.querySelector(arguments[0]);
        scrollTo(0, f.getBoundingClientRect().top + scrollY + arguments[1] - innerHeight / 2);`, this.frame, y);
      await this.driver.switchTo().frame(await this.driver.findElement({ css: this.frame }));
    }
    await el.click();
  }

  /** Runs `body` in the page with `host` and `root` (its shadow root) defined. */
  js(body, ...args) {
    return this.driver.executeScript(`const host = document.querySelectorAll('[data-client-checkup]')[arguments[0]];
      const root = host && host.shadowRoot; const args = Array.prototype.slice.call(arguments, 1);\n${body}`, this.index, ...args);
  }

  /** What the widget shows now, for failure messages: the step, whether the loader's
   *  painted screen is still there, the failure box's or validation message's text. */
  state() {
    return this.js(`if (!host) return 'no placeholder #' + arguments[0];
      if (!root) return 'no shadow root yet';
      const s = root.querySelector('section[data-step]');
      return { step: s ? s.dataset.step : null, lang: s ? s.getAttribute('lang') : null,
        painted: !!root.querySelector('[data-cc-static]'),
        failed: root.querySelector('.cc-failed')?.textContent.trim() || null,
        message: root.querySelector('.cc-error')?.textContent.trim() || null };`);
  }

  /** Waits until the loader has painted the first screen (the quiz's code may not be there yet). */
  async painted(timeout = 5000) {
    await waitFor(`widget #${this.index} to paint its first screen`,
      () => this.js('return !!(root && root.querySelector("[data-cc-static] section[data-step=intro]"))'), timeout, () => this.state());
    return this;
  }

  /** Waits until the widget runs: the loader paints the first screen at once and fetches
   *  the code as the placeholder nears the viewport (so it is scrolled into view first),
   *  and the live widget then takes the painted screen over. */
  async ready(timeout = LOAD_TIMEOUT) {
    await this.js('if (host) host.scrollIntoView({ block: "start" })');
    await waitFor(`widget #${this.index} to take over its painted first screen`, () => this.js(`return !!(root
      && root.querySelector('div:not([data-cc-static]) > section[data-step]') && !root.querySelector('[data-cc-static]'))`),
    timeout, () => this.state());
    return this;
  }

  step() { return this.js('return root.querySelector("section[data-step]").dataset.step'); }
  lang() { return this.js('return root.querySelector("section[lang]")?.getAttribute("lang") || null'); }
  verdict() { return this.js('return root.querySelector("[data-verdict]")?.dataset.verdict || null'); }

  /** The first element matching `selector` in the widget; fails naming it. */
  async el(selector) {
    const el = await this.js('return root.querySelector(args[0])', selector);
    if (!el) throw new Error(`no ${selector} in widget #${this.index} (step ${await this.step()})`);
    return el;
  }

  /** Waits for the step to change from `before`, or for the step's error message. */
  async stepChange(before, what) {
    return waitFor(`the step to change from ${before} after ${what}`, () => this.js(`const s = root.querySelector('section[data-step]');
      return (s && s.dataset.step !== args[0]) || !!root.querySelector('.cc-error p');`, before), 5000, () => this.state());
  }

  // --- by pointer -----------------------------------------------------------------

  /** Clicks the button with `data-action=name`; for navigation, waits for the new step. */
  async click(name) {
    const before = await this.step();
    await this.tap(await this.el(`[data-action="${name}"]`));
    if (['start', 'next', 'back', 'review', 'finish', 'restart'].includes(name)) await this.stepChange(before, `clicking ${name}`);
  }

  /** Clicks the label of `value` in the nth fieldset matching `fieldset` (falls back to
   *  its first option when it has no such value). */
  async pick(fieldset, value, nth = 0) {
    const label = await this.js(`const set = root.querySelectorAll(args[0])[args[2]];
      if (!set) return null;
      const input = set.querySelector('input[value="' + args[1] + '"]') || set.querySelector('input');
      return input.closest('label');`, fieldset, value, nth);
    if (!label) throw new Error(`no ${fieldset} on step ${await this.step()}`);
    await this.tap(label);
  }

  async answerAll(value) {
    const n = await this.js('return root.querySelectorAll("fieldset[data-signal]").length');
    for (let i = 0; i < n; i++) await this.pick('fieldset[data-signal]', value, i);
    const wrong = await this.js(`return [...root.querySelectorAll('fieldset[data-signal]')].filter((f) => {
      const c = f.querySelector('input:checked'); return !c || (c.value !== args[0] && f.querySelector('input[value="' + args[0] + '"]'));
    }).map((f) => f.dataset.question);`, value);
    if (wrong.length) throw new Error(`clicking ${value} left these unanswered or wrong: ${wrong.join(', ')}`);
  }

  async answerSignals(values = {}) {
    for (const s of SIGNALS) {
      if ((await this.step()) !== `signal-${s}`) throw new Error(`expected step signal-${s}, on ${await this.step()}`);
      await this.answerAll(values[s] ?? '0');
      await this.click('next');
    }
  }

  /** Answers context questions: choices by value id, and the two typed fields
   *  (`contract_end` as YYYY-MM-DD, `notice_days`), which appear once the contract
   *  type asks for them. */
  /** The optional rate step: types what is given, as a visitor would (`{ basis:
   *  'project', pay: '1800', weeks: '6', billed: '40', calls, messages, revisions,
   *  chasing, usual: '55', currency: 'EUR' }`), then goes on with its forward button,
   *  which says "Skip this step" while nothing is given. `onFilled()` runs before it. */
  async rate(values = {}, { onFilled } = {}) {
    const step = await this.step();
    if (step !== 'rate') throw new Error(`expected the rate step, on ${step}`);
    const { basis, currency, ...fields } = values;
    if (basis) await this.pick('fieldset[data-rate=basis]', basis);
    for (const [k, v] of Object.entries(fields)) {
      const id = ['pay', 'weeks', 'usual'].includes(k) ? k : `hours-${k}`;
      await (await this.el(`[data-rate="${id}"] input`)).sendKeys(v);
    }
    if (currency) await (await this.el('[data-rate=currency] input')).sendKeys(currency);
    await onFilled?.();
    await this.click('next');
  }

  async context(choices) {
    for (const [id, value] of Object.entries(choices)) {
      if (id === 'notice_days') {
        const input = await this.el('[data-context=notice_days] input');
        await input.clear();
        await input.sendKeys(value);
      } else if (id === 'contract_end') {
        await this.setDate('[data-context=contract_end] input', value);
      } else {
        await this.pick(`fieldset[data-context="${id}"]`, value);
      }
    }
  }

  /** Sets a date field as its picker would: the value, then `input` and `change`.
   *  WebDriver typing into date fields differs per engine and locale; the widget reads
   *  the value. */
  setDate(selector, iso) {
    return this.js(`const el = root.querySelector(args[0]);
      if (!el) throw new Error('no ' + args[0]);
      el.value = args[1];
      el.dispatchEvent(new Event('input', { bubbles: true })); el.dispatchEvent(new Event('change', { bubbles: true }));`, selector, iso);
  }

  // --- the plan (part of the result: its module is fetched when the result shows) ----

  /** Waits until the plan document is on the result screen. */
  async openPlan() {
    await waitFor(`widget #${this.index} to show the plan document`,
      () => this.js('return !!root.querySelector("[data-doc=plan]")'), LOAD_TIMEOUT, () => this.state());
  }

  /** Opens "Plan details" (a disclosure, closed at first) by a click on its summary. */
  async openPlanDetails() {
    if (await this.js('return root.querySelector("details.cc-plan-inputs").open')) return;
    await this.tap(await this.el('details.cc-plan-inputs > summary'));
    await waitFor('the plan details to open', () => this.js('return root.querySelector("details.cc-plan-inputs").open'));
  }

  /** Chooses a language in the widget's own switcher (a WebDriver click on the option)
   *  and waits until the widget speaks it. */
  async switchLanguage(lang) {
    await this.tap(await this.el('select[data-action=language]'));
    await this.tap(await this.el(`select[data-action=language] option[value="${lang}"]`));
    await waitFor(`the widget to switch to ${lang}`, async () => (await this.lang()) === lang);
  }

  // --- by keyboard ----------------------------------------------------------------

  press(...keys) { return this.driver.actions().sendKeys(...keys).perform(); }

  /** Presses Tab until `pred(focused)` holds; fails saying where focus went instead. */
  async tabTo(what, pred, max = 40) {
    const seen = [];
    for (let i = 0; i < max; i++) {
      await this.press(Key.TAB);
      const f = await focused(this.driver);
      if (f && pred(f)) return f;
      seen.push(f ? `${f.tag}${f.action ? `[${f.action}]` : ''}${f.type === 'radio' ? `(${f.group}=${f.value})` : ''}` : 'nothing');
    }
    throw new Error(`Tab never reached ${what} in ${max} presses; focus went: ${seen.join(' → ')}`);
  }

  /** In the focused radio group: Space selects the first option, arrows move to `value`. */
  async arrowTo(value) {
    await this.press(Key.SPACE);
    for (let i = 0; i < 8; i++) {
      const f = await focused(this.driver);
      if (f.type === 'radio' && f.value === value && f.checked) return;
      await this.press(Key.ARROW_RIGHT);
    }
    const f = await focused(this.driver);
    throw new Error(`arrow keys never checked ${value} in ${f.group}: focus on ${f.value}, checked ${f.checked}`);
  }

  /** Answers the current step by keyboard: Tab into each group, arrows to the value, Enter on `next`. */
  async keyboardStep(value, next = 'next') {
    const groups = await this.js('return [...root.querySelectorAll("fieldset[data-signal]")].map((f) => f.dataset.question)');
    let previous = null;
    for (let g = 0; g < groups.length; g++) {
      const f = await this.tabTo(`the radio group ${groups[g]}`, (x) => x.type === 'radio' && x.name !== previous);
      previous = f.name;
      const want = await this.js(`const set = root.querySelectorAll('fieldset[data-signal]')[args[0]];
        return set.querySelector('input[value="' + args[1] + '"]') ? args[1] : set.querySelector('input').value;`, g, value);
      await this.arrowTo(want);
    }
    await this.keyboardAction(next);
  }

  /** Tabs to the button `name` and presses Enter; waits for the new step when it navigates. */
  async keyboardAction(name) {
    const before = await this.step();
    await this.tabTo(`the ${name} button`, (f) => f.action === name);
    await this.press(Key.ENTER);
    if (['start', 'next', 'back', 'review', 'finish', 'restart'].includes(name)) await this.stepChange(before, `Enter on ${name}`);
  }

  /** Picks a context answer by keyboard: Tab to its group, arrows to the value. */
  async keyboardContext(id, value) {
    await this.tabTo(`the context group ${id}`, (f) => f.type === 'radio' && f.group === id);
    await this.arrowTo(value);
  }

  // --- downloads --------------------------------------------------------------------

  /** Clicks a download button and returns what the widget handed the browser: the
   *  file name, the Blob's type and its bytes (read back in the page). */
  async download(action) {
    const before = await this.driver.executeScript('return window.__ccDownloads.length');
    await this.tap(await this.el(`[data-action="${action}"]`));
    await waitFor(`a download from ${action}`, () => this.driver.executeScript('return window.__ccDownloads.length > arguments[0]', before),
      DOWNLOAD_TIMEOUT, async () => ({ widget: await this.state(), status: await this.js('return root.querySelector(".cc-status")?.textContent || null'),
        downloads: await this.driver.executeScript('return window.__ccDownloads.map((d) => d.name)'), errors: await pageErrors(this.driver) }));
    const file = await this.driver.executeAsyncScript(`const [i, done] = arguments;
      const d = window.__ccDownloads[i];
      d.blob.arrayBuffer().then((buf) => {
        const bytes = new Uint8Array(buf); let bin = '';
        for (let k = 0; k < bytes.length; k += 0x8000) bin += String.fromCharCode.apply(null, bytes.subarray(k, k + 0x8000));
        done({ name: d.name, type: d.type, size: d.size, base64: btoa(bin) });
      }, (e) => done({ error: String(e) }));`, before).catch((e) => ({ error: `${e.name}: ${e.message}` }));
    if (file.error) throw new Error(`reading the ${action} Blob back failed: ${file.error}`);
    return { name: file.name, type: file.type, bytes: Buffer.from(file.base64, 'base64') };
  }
}

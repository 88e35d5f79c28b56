// The embed builder (dist/builder.html) as a blog owner uses it: one page object for the
// builder and host-check tests. Controls are found by role and accessible name (the
// builder is in English only: a tool for the blog's owner, not its readers); every wait is
// short and says what it waited for.
import { TIMEOUT, LOAD_TIMEOUT, Widget, waitForLocator, waitNamed, isFocused, tabTo } from './widget.mjs';

/** The builder's option labels, as the page shows them. */
const LABEL = { lang: 'Language', accent: 'Accent colour', heading: 'Heading', id: 'Instance id', assets: 'Where the widget’s files are' };
const RADIO = {
  theme: { auto: 'Auto (follows the reader’s light or dark setting)', light: 'Light', dark: 'Dark' },
  load: { lazy: 'When the reader scrolls near it (lazy, the default)', eager: 'At once (eager: for a checkup at the top of the article)' },
  scheme: { light: 'Light', dark: 'Dark' },
  width: { phone: 'Phone', desktop: 'Desktop' },
};
const ID = { lang: 'opt-lang', accent: 'opt-accent', heading: 'opt-heading', id: 'opt-id', assets: 'asset-url' };
const GROUP = { theme: 'Theme', load: 'Loading', scheme: 'Page', width: 'Width' };
const TAB = { script: 'Script', iframe: 'iframe', url: 'iframe', platforms: 'Platforms' };
const COPY = { script: 'Copy the script snippet', iframe: 'Copy the iframe snippet', url: 'Copy the embed address' };


export class Builder {
  constructor(page) {
    this.page = page;
    /** The preview's placeholder: a real widget, remounted on every change. */
    this.preview = page.getByRole('region', { name: 'Preview of the widget' }).locator('[data-client-checkup]');
    /** The widget's box in the preview (the painted first screen, then the live widget). */
    this.previewSection = this.preview.locator('section[lang]');
    this.stage = page.locator('#stage');
  }

  /** Waits until the builder has drawn its first snippet. */
  async ready() {
    await waitForLocator(this.page.locator('#snippet-script').filter({ hasText: 'data-client-checkup' }),
      'the builder to write its first snippet', { timeout: LOAD_TIMEOUT });
    return this;
  }

  /** An option's field (in the options form: the preview's widget has labels of its own). */
  field(name) {
    const scope = name === 'assets' ? this.page.locator('#embed') : this.page.locator('#options');
    return scope.getByLabel(LABEL[name], { exact: true });
  }
  radio(group, value) {
    return this.page.getByRole('group', { name: GROUP[group], exact: true }).getByRole('radio', { name: RADIO[group][value], exact: true });
  }
  get compact() { return this.page.getByRole('checkbox', { name: 'Compact', exact: true }); }
  get resize() { return this.page.getByRole('checkbox', { name: 'Include the resize helper', exact: true }); }
  tab(kind) { return this.page.getByRole('tab', { name: TAB[kind], exact: true }); }
  panel(kind) { return this.page.getByRole('tabpanel', { name: TAB[kind], exact: true }); }
  copyButton(kind) { return this.page.getByRole('button', { name: COPY[kind], exact: true }); }
  /** The field's error message (its aria-describedby), when there is one. */
  error(name) { return this.page.locator(`#${ID[name]}-error`); }
  get contrast() { return this.page.locator('#opt-contrast'); }

  // ---------------------------------------------------------------- changing options

  async language(value) { await this.field('lang').selectOption(value, { timeout: TIMEOUT }); }
  async choose(group, value) { await this.radio(group, value).check({ timeout: TIMEOUT }); }
  async type(name, value) { await this.field(name).fill(value, { timeout: TIMEOUT }); }
  async setCompact(on) { await this.compact.setChecked(on, { timeout: TIMEOUT }); }

  /** Waits until the preview's placeholder carries `attr` = `value` (null: not at all). */
  async previewHas(attr, value, what = `${attr}=${value}`) {
    const selector = value === null ? `[data-client-checkup]:not([${attr}])` : `[data-client-checkup][${attr}="${value}"]`;
    await waitForLocator(this.page.locator(`#preview > ${selector}`), `the preview to be remounted with ${what}`);
  }

  /**
   * Waits until the preview's Start button (in `lang`) is painted in `rgb`, the accent as
   * the browser computes it. The painted screen gives way to the live widget at any moment:
   * ask until a button in the document answers.
   */
  async previewAccentIs(rgb, lang = 'en') {
    const start = this.preview.getByRole('button', { name: new Widget(this.page, { lang }).t('ui.intro.start'), exact: true });
    await waitNamed(`the preview's Start button in the accent ${rgb}`, TIMEOUT, async () => {
      const deadline = Date.now() + TIMEOUT;
      let colour;
      do {
        colour = await start.evaluate((el) => (el.isConnected ? getComputedStyle(el).backgroundColor : ''), null, { timeout: TIMEOUT }).catch(() => '');
        if (colour === rgb) return;
        await new Promise((r) => setTimeout(r, 100));
      } while (Date.now() < deadline);
      throw new Error(`its background is ${colour || 'not there'}`);
    });
  }

  /** The snippet text of `kind` (`script`, `iframe`, `url`), as shown. */
  snippet(kind) { return this.page.locator(`#snippet-${kind}`).textContent({ timeout: TIMEOUT }); }

  /** Waits until the shown snippet of `kind` contains `text`. */
  async snippetHas(kind, text) {
    await waitForLocator(this.page.locator(`#snippet-${kind}`).filter({ hasText: text }), `the ${kind} snippet to contain ${text}`);
  }

  // ---------------------------------------------------------------- tabs and copying

  async showTab(kind) {
    await this.tab(kind).click({ timeout: TIMEOUT });
    await waitForLocator(this.panel(kind), `the ${TAB[kind]} tab panel`);
  }

  /** Clicks a Copy button and waits for its confirmation; returns what the status says. */
  async copy(kind) {
    await this.copyButton(kind).click({ timeout: TIMEOUT });
    const status = this.page.locator(`#copied-${kind}`).filter({ hasText: /\S/ });
    await waitForLocator(status, `the confirmation after "${COPY[kind]}"`);
    return status.innerText();
  }

  /** What the page's clipboard holds (needs the clipboard-read permission). */
  clipboard() { return this.page.evaluate(() => navigator.clipboard.readText()); }

  // ---------------------------------------------------------------- keyboard

  /** Whether `locator` has focus (looking through shadow roots). */
  hasFocusOn(locator) { return locator.evaluate(isFocused, null, { timeout: TIMEOUT }); }

  /** Presses Tab until `locator` has focus; fails after `max` presses. */
  tabTo(locator, what, max = 60) { return tabTo(this.page, locator, 'builder', what, max); }

  // ---------------------------------------------------------------- the host check

  /** Presses "Check my host" and waits for the report; returns the summary line. */
  async checkHost(timeout = 4 * TIMEOUT) {
    await this.page.getByRole('button', { name: 'Check my host', exact: true }).click({ timeout: TIMEOUT });
    const status = this.page.getByRole('status').filter({ hasText: /^(Checked|The check itself failed)/ });
    await waitNamed('the host check to finish', timeout, () => status.waitFor({ timeout }));
    return status.innerText();
  }

  /** One file's row in the report (`loader`, `glue`, `wasm`, `planGlue`, `planWasm`, `language`, `font`). */
  reportFile(key) { return this.page.locator(`#check-result [data-file="${key}"]`); }
  /** One check in a file's row: `{ level, text }`. */
  async reportCheck(key, aspect) {
    const item = this.reportFile(key).locator(`[data-aspect="${aspect}"]`);
    await waitForLocator(item, `the ${aspect} check of ${key} in the report`);
    return { level: await item.getAttribute('data-level'), text: await item.innerText() };
  }
  /** The levels of every check in the report, as `key.aspect=level`. */
  reportLevels() {
    return this.page.locator('#check-result [data-file] [data-aspect]').evaluateAll((els) => els.map((el) =>
      `${el.closest('[data-file]').dataset.file}.${el.dataset.aspect}=${el.dataset.level}`));
  }
  /** The fix for a problem (`cors`, `type-wasm`…), or a locator that matches nothing. */
  fix(id) { return this.page.locator(`#check-result [data-fix="${id}"]`); }
}

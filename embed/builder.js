// The embed builder: a blog owner picks the widget's options, sees a real widget with them,
// copies a snippet, and checks their host.
//
// The option rules are the widget's own: every value goes through the parser in the
// widget's wasm (src/options.rs, reached through the loader's `ClientCheckup.optionsParser`),
// the snippets are written from what it returns, a refused value is explained with what it
// says it accepts, and even the choices this page offers and the limits it shows are asked
// from it. This page keeps no copy of the rules. The preview is mounted by the loader's
// `ClientCheckup.mount`, exactly as on a blog. The host check's rules live in host-check.js, shared with the
// terminal command (scripts/check-host.mjs).
import { assetBase, AddressError, checkHost, summary, isPinnedVersion, SAFELISTED } from './host-check.js';

const CC = window.ClientCheckup;
const PACKAGE = 'client-checkup-widget';
const $ = (id) => document.getElementById(id);
const form = $('options');

// ------------------------------------------------------------------------- the widget's rules

/** The widget's parser (from its wasm): `get` → `{ options, warnings }`. */
let parse;
/** The options alone, as a placeholder with these raw values would get them. */
const parseOptions = (get) => parse(get).options;
/** The parser's defaults: what a placeholder without attributes gets. */
let DEFAULTS;
/** The option names in the parser's documented order (the order of a snippet's attributes). */
let NAMES;
/** The longest heading and id the parser takes (asked, not copied). */
let LIMITS;

function longestAccepted(name) {
  const takes = (n) => parseOptions((k) => (k === name ? 'x'.repeat(n) : null))[name] !== DEFAULTS[name];
  if (!takes(1)) return 0;
  let lo = 1;
  let hi = 4096;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (takes(mid)) lo = mid; else hi = mid - 1;
  }
  return lo;
}

/** Drops any choice on this page that the widget would not accept as it is. */
function keepAcceptedChoices() {
  const accepts = (name, value) => parseOptions((k) => (k === name ? value : null))[name] === value;
  for (const option of [...$('opt-lang').options]) {
    if (option.value && !accepts('lang', option.value)) { console.warn(`builder: the widget does not take lang=${option.value}`); option.remove(); }
  }
  for (const name of ['theme', 'load']) {
    for (const input of form.querySelectorAll(`input[name=${name}]`)) {
      if (!accepts(name, input.value)) { console.warn(`builder: the widget does not take ${name}=${input.value}`); input.closest('label').remove(); }
    }
  }
}

/** The raw values in the form, as a placeholder's attributes would carry them (null: not set). */
function rawValues() {
  const text = (id) => ($(id).value === '' ? null : $(id).value);
  return {
    lang: $('opt-lang').value || null,
    theme: form.elements.theme.value,
    accent: text('opt-accent'),
    compact: $('opt-compact').checked ? '' : null,
    heading: text('opt-heading'),
    id: text('opt-id'),
    load: form.elements.load.value,
  };
}

/** The attributes a snippet needs for parsed options `o`: those that differ from the
 *  defaults, in the parser's own order. `compact` is a bare attribute (''). */
function attributesFor(o) {
  return NAMES
    .filter((name) => o[name] !== DEFAULTS[name])
    .map((name) => [name, o[name] === true ? '' : String(o[name])]);
}

// ------------------------------------------------------------------------- snippets

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function scriptSnippet(attrs, base) {
  const list = attrs.map(([name, value]) => (value === '' ? ` data-${name}` : ` data-${name}="${escapeHtml(value)}"`)).join('');
  return `<div data-client-checkup${list}>\n`
    + '  <noscript>The Client Checkup needs JavaScript and WebAssembly.</noscript>\n'
    + '</div>\n'
    + `<script src="${escapeHtml(new URL('client-checkup.js', base).href)}"></script>`;
}

function embedUrl(attrs, base) {
  const url = new URL('embed.html', base);
  for (const [name, value] of attrs) url.searchParams.set(name, value === '' ? 'true' : value);
  return url.href;
}

function iframeSnippet(o, attrs, base, resize) {
  const lazy = o.load === DEFAULTS.load ? ' loading="lazy"' : '';
  const frame = `<iframe src="${escapeHtml(embedUrl(attrs, base))}" title="${escapeHtml(o.heading || 'Client Checkup')}"${lazy}`
    + ' allow="clipboard-write" style="width:100%;height:900px;border:0"></iframe>';
  return resize ? `${frame}\n<script src="${escapeHtml(new URL('client-checkup-frame.js', base).href)}"></script>` : frame;
}

// ------------------------------------------------------------------------- contrast (WCAG 2)

function parseHex(text) {
  const m = /^#([0-9a-f]{3,4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.exec(String(text).trim());
  if (!m) return null;
  let hex = m[1];
  if (hex.length <= 4) hex = [...hex].map((c) => c + c).join('');
  const n = (i) => parseInt(hex.slice(i, i + 2), 16);
  return { r: n(0), g: n(2), b: n(4), a: hex.length === 8 ? n(6) / 255 : 1 };
}
const toHex = (c) => `#${[c.r, c.g, c.b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
const over = (fg, bg) => ({ r: Math.round(fg.r * fg.a + bg.r * (1 - fg.a)), g: Math.round(fg.g * fg.a + bg.g * (1 - fg.a)), b: Math.round(fg.b * fg.a + bg.b * (1 - fg.a)), a: 1 });
function luminance(c) {
  const lin = (v) => { const s = v / 255; return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; };
  return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}
function ratio(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}
const AA = 4.5;
const shown = (r) => `${(Math.floor(r * 10) / 10).toFixed(1)}:1`;

/** The nearest shade of `c` (darker or lighter, same hue) with AA contrast against every
 *  colour in `against`, or null. */
function passingShade(c, against) {
  const ok = (s) => against.every((b) => ratio(s, b) >= AA);
  for (let step = 1; step <= 100; step++) {
    const f = 1 - step / 100;
    const darker = { r: Math.round(c.r * f), g: Math.round(c.g * f), b: Math.round(c.b * f), a: 1 };
    if (ok(darker)) return darker;
    const lighter = { r: Math.round(255 - (255 - c.r) * f), g: Math.round(255 - (255 - c.g) * f), b: Math.round(255 - (255 - c.b) * f), a: 1 };
    if (ok(lighter)) return lighter;
  }
  return null;
}

/** The widget's own colours, read from its stylesheet (styles/widget.css `:host`) through
 *  a placeholder the loader paints and this page removes again. */
function widgetColours() {
  const probe = document.createElement('div');
  probe.setAttribute('data-client-checkup', '');
  probe.hidden = true;
  document.body.append(probe);
  try {
    CC.mount(probe);
    const style = getComputedStyle(probe);
    const colour = (name) => parseHex(style.getPropertyValue(name));
    const c = {
      accent: colour('--cc-accent'), accentText: colour('--cc-accent-text'), bg: colour('--cc-bg'),
      darkAccent: colour('--cc-dark-accent'),
    };
    return Object.values(c).every(Boolean) ? c : null;
  } finally {
    probe.remove();
  }
}
let COLOURS;

const name = (c) => (toHex(c) === '#ffffff' ? 'white' : toHex(c));

let contrastKey = '';
function renderContrast(o) {
  const box = $('opt-contrast');
  // A live region: rewritten only when what it says changes, so nothing is announced twice.
  const key = `${o.accent}|${o.theme}`;
  if (key === contrastKey) return;
  contrastKey = key;
  box.replaceChildren();
  delete box.dataset.level;
  if (!o.accent || !COLOURS) return;
  const say = (level, ...parts) => {
    box.dataset.level = level;
    const p = document.createElement('p');
    p.append(...parts);
    box.append(p);
    return p;
  };
  if (o.theme === 'dark') {
    say('info', `The dark theme uses the widget’s own accent for dark backgrounds (${toHex(COLOURS.darkAccent)}), so this colour is not shown. Choose Light or Auto to use it.`);
    return;
  }
  const accent = parseHex(o.accent);
  const solid = over(accent, COLOURS.bg);
  const bg = ratio(solid, COLOURS.bg);
  const text = ratio(COLOURS.accentText, solid);
  const dark = o.theme === 'auto' ? ` In dark mode the widget uses its own accent (${toHex(COLOURS.darkAccent)}).` : '';
  if (bg >= AA && text >= AA) {
    say('ok', `Contrast on the light theme: ${shown(bg)} against the background, ${shown(text)} for the button text. Meets WCAG AA (4.5:1).${dark}`);
    return;
  }
  const weak = [];
  if (bg < AA) weak.push(`${shown(bg)} against the ${name(COLOURS.bg)} background`);
  if (text < AA) weak.push(`${shown(text)} under the ${name(COLOURS.accentText)} button text`);
  const p = say('warn', `Below WCAG AA on the light theme: ${weak.join(' and ')}. AA asks for at least 4.5:1, or some readers cannot read the buttons and links.${dark}`);
  const better = passingShade(solid, [COLOURS.bg, COLOURS.accentText]);
  if (better) {
    const use = document.createElement('button');
    use.type = 'button';
    use.className = 'quiet';
    use.textContent = `Use ${toHex(better)} instead`;
    use.addEventListener('click', () => { $('opt-accent').value = toHex(better); update(); $('opt-accent').focus(); });
    p.append(' ', use);
  }
}

// ------------------------------------------------------------------------- field messages

function fieldError(id, message) {
  const el = $(`${id}-error`);
  el.textContent = message ?? '';
  el.hidden = !message;
  $(id).setAttribute('aria-invalid', message ? 'true' : 'false');
}

/** Marks each field whose value the widget's parser refused, saying what it accepts (its
 *  own words) and what the widget would do instead. */
function validate(raw, warnings) {
  const refused = (name) => warnings.find((w) => w.option === name);
  const say = (name, what) => {
    const w = refused(name);
    return w ? `${what(w)} The widget takes ${w.accepted}.` : null;
  };
  fieldError('opt-accent', say('accent', () => 'Not a hex colour: the widget would ignore it and use its own.'));
  fieldError('opt-heading', say('heading', () => {
    const length = [...(raw.heading ?? '').trim()].length;
    return length > LIMITS.heading
      ? `Too long: ${length} characters. The widget would show its own title.`
      : 'The widget would ignore this heading and show its own title.';
  }));
  fieldError('opt-id', say('id', () => 'The widget would ignore this id.'));
}

// ------------------------------------------------------------------------- the asset address

let base;
let defaultBase;

function readBase() {
  const input = $('asset-url');
  let message = null;
  try {
    base = assetBase(input.value);
    const url = new URL(base);
    if (url.protocol === 'http:' && !/^(localhost|127\.|\[::1\])/.test(url.hostname)) {
      message = 'An http:// address: blogs served over https cannot load it. Use the https:// address of the folder.';
    } else if (/(^|\.)(jsdelivr\.net|unpkg\.com)$/.test(url.hostname) && !isPinnedVersion(base)) {
      message = `Pin the version, e.g. ${cdnAddress()}: an address without one changes under your article with every release.`;
    }
  } catch (error) {
    if (!(error instanceof AddressError)) throw error;
    message = `${error.message} The snippets keep using ${base} until then.`;
  }
  fieldError('asset-url', message);
}

const cdnAddress = () => `https://cdn.jsdelivr.net/npm/${PACKAGE}@${CC.version}/`;

// ------------------------------------------------------------------------- the preview

let previewKey = '';
let previewTimer;

function renderPreview(o, attrs, { now = false } = {}) {
  const scheme = document.querySelector('input[name=scheme]:checked').value;
  const width = document.querySelector('input[name=width]:checked').value;
  const stage = $('stage');
  stage.dataset.scheme = scheme;
  stage.dataset.width = width;
  // Auto follows the reader's setting: on a light or dark page, show what such a reader sees.
  const shownAttrs = attrs.filter(([n]) => n !== 'theme').concat([['theme', o.theme === 'auto' ? scheme : o.theme]]);
  const notes = [];
  if (o.theme === 'auto') notes.push(`Auto on a ${scheme} page: what readers with a ${scheme} system setting see.`);
  else if (o.theme !== scheme) notes.push(`A ${o.theme} widget on a ${scheme} page: choose Auto to follow each reader’s setting.`);
  if (!o.lang) notes.push('Auto language: English here, this page’s language; on your blog, the article’s.');
  $('preview-note').textContent = notes.join(' ');

  const key = JSON.stringify(shownAttrs);
  if (key === previewKey) return;
  clearTimeout(previewTimer);
  const mount = () => {
    previewKey = key;
    const el = document.createElement('div');
    el.setAttribute('data-client-checkup', '');
    for (const [n, v] of shownAttrs) el.setAttribute(`data-${n}`, v);
    $('preview').replaceChildren(el);
    CC.mount(el);
  };
  // Typing remounts once the typing stops: every mount is a fresh widget.
  if (now) mount(); else previewTimer = setTimeout(mount, 350);
}

// ------------------------------------------------------------------------- everything together

let current = { o: null, attrs: [] };

function update({ typing = false } = {}) {
  const raw = rawValues();
  const { options: o, warnings } = parse((n) => raw[n] ?? null);
  const attrs = attributesFor(o);
  current = { o, attrs };
  validate(raw, warnings);
  readBase();
  renderContrast(o);
  const picker = parseHex(o.accent ?? '') ?? COLOURS?.accent;
  if (picker) $('opt-accent-picker').value = toHex(picker);

  $('snippet-script').textContent = scriptSnippet(attrs, base);
  $('snippet-iframe').textContent = iframeSnippet(o, attrs, base, $('opt-resize').checked);
  $('snippet-url').textContent = embedUrl(attrs, base);
  const notes = [];
  if (!o.lang) notes.push('In an iframe the widget cannot see your article’s language, so Auto shows English: choose the article’s language above.');
  if (/(^|\.)(jsdelivr\.net|unpkg\.com)$/.test(new URL(base).hostname)) notes.push('npm CDNs serve embed.html as plain text: the iframe needs the files on your own host.');
  $('iframe-notes').textContent = notes.join(' ');
  $('iframe-notes').hidden = !notes.length;
  const origin = new URL(base).origin;
  $('csp-example').textContent = `default-src 'self' ${origin}; script-src 'self' 'wasm-unsafe-eval' ${origin}; style-src 'self' ${origin}`;
  for (const el of document.querySelectorAll('.copied')) el.textContent = '';

  renderPreview(o, attrs, { now: !typing });
  saveState();
}

// The form's state in the address (#lang=pl&theme=dark…), so a reload or a bookmark keeps it.
function saveState() {
  const raw = rawValues();
  const params = new URLSearchParams();
  for (const [n, v] of Object.entries(raw)) if (v !== null && v !== DEFAULTS[n]) params.set(n, v);
  if ($('asset-url').value !== defaultBase) params.set('assets', $('asset-url').value);
  const hash = params.toString();
  history.replaceState(null, '', hash ? `#${hash}` : location.pathname + location.search);
}

function loadState() {
  const params = new URLSearchParams(location.hash.slice(1));
  const set = (id, v) => { if (v !== null) $(id).value = v; };
  set('opt-lang', params.get('lang'));
  set('opt-accent', params.get('accent'));
  set('opt-heading', params.get('heading'));
  set('opt-id', params.get('id'));
  set('asset-url', params.get('assets'));
  if (params.has('compact')) $('opt-compact').checked = true;
  for (const n of ['theme', 'load']) {
    const input = form.querySelector(`input[name=${n}][value="${CSS.escape(params.get(n) ?? '')}"]`);
    if (input) input.checked = true;
  }
}

// ------------------------------------------------------------------------- copying

async function copyText(text) {
  if (window.isSecureContext && navigator.clipboard?.writeText) {
    try {
      await navigator.clipboard.writeText(text);
      return 'copied';
    } catch { /* not allowed here: the older way below */ }
  }
  let copied = false;
  const onCopy = (event) => {
    event.clipboardData.setData('text/plain', text);
    event.preventDefault();
    copied = true;
  };
  document.addEventListener('copy', onCopy);
  try {
    document.execCommand('copy');
  } catch { /* the last way: select it for Ctrl+C */ } finally {
    document.removeEventListener('copy', onCopy);
  }
  return copied ? 'copied' : 'selected';
}

function selectText(el) {
  const range = document.createRange();
  range.selectNodeContents(el);
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}

function setUpCopying() {
  for (const button of document.querySelectorAll('[data-copy]')) {
    button.addEventListener('click', async () => {
      const code = $(button.dataset.copy);
      const status = $(button.dataset.copy.replace('snippet-', 'copied-'));
      status.textContent = '';
      const how = await copyText(code.textContent);
      if (how === 'copied') {
        status.textContent = 'Copied. Paste it into your article.';
      } else {
        selectText(code);
        status.textContent = 'Your browser did not let this page copy. The snippet is selected: press Ctrl+C (⌘C on a Mac).';
      }
    });
  }
}

// ------------------------------------------------------------------------- tabs (ARIA tabs, automatic activation)

function setUpTabs() {
  const tabs = [...document.querySelectorAll('#tablist [role=tab]')];
  const select = (tab, focus) => {
    for (const t of tabs) {
      const on = t === tab;
      t.setAttribute('aria-selected', String(on));
      t.tabIndex = on ? 0 : -1;
      $(t.getAttribute('aria-controls')).hidden = !on;
    }
    if (focus) tab.focus();
  };
  for (const tab of tabs) tab.addEventListener('click', () => select(tab, false));
  $('tablist').addEventListener('keydown', (event) => {
    const at = tabs.indexOf(document.activeElement);
    if (at < 0) return;
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    select(tabs[(to + tabs.length) % tabs.length], true);
  });
}

// ------------------------------------------------------------------------- the host check

/** Fetches one file the way this page may: with CORS, no cookies, never from the cache.
 *  Headers a page on another origin may not read are reported as not visible (undefined). */
async function pageProbe(url) {
  let response;
  try {
    response = await fetch(url, { mode: 'cors', credentials: 'omit', cache: 'no-store' });
  } catch {
    // Refused by CORS, or not there at all: an opaque request tells the two apart.
    try {
      await fetch(url, { mode: 'no-cors', credentials: 'omit', cache: 'no-store' });
      return { status: null, corsRead: false, header: () => undefined, body: null };
    } catch {
      return { error: 'unreachable', detail: 'the browser could not connect (a wrong address, a server that is down, or something blocking it)' };
    }
  }
  const body = new Uint8Array(await response.arrayBuffer());
  const cross = new URL(response.url).origin !== location.origin;
  const header = (n) => {
    const v = response.headers.get(n);
    if (v !== null) return v;
    return !cross || SAFELISTED.includes(n) ? null : undefined;
  };
  // Sizes on the wire, where the host allows it (Timing-Allow-Origin): a hint at compression
  // even when Content-Encoding is hidden.
  const timing = performance.getEntriesByName(response.url, 'resource').at(-1);
  const sizes = timing?.decodedBodySize ? { encoded: timing.encodedBodySize, decoded: timing.decodedBodySize } : null;
  return { status: response.status, finalUrl: response.url, header, body, corsRead: cross ? true : null, sizes };
}

const LEVEL = { ok: ['✓', 'OK'], error: ['✗', 'Problem'], warn: ['!', 'Improve'], unknown: ['?', 'Not visible'], info: ['i', 'Note'] };

function element(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (k === 'class') el.className = v;
    else if (k.startsWith('data-')) el.setAttribute(k, v);
    else el[k] = v;
  }
  el.append(...children.filter((c) => c !== null && c !== undefined));
  return el;
}

function worst(checks) {
  for (const level of ['error', 'warn', 'unknown']) if (checks.some((c) => c.level === level)) return level;
  return 'ok';
}

function renderReport(report) {
  const files = element('ul', { class: 'files' }, ...report.files.map((f) => {
    const level = worst(f.checks);
    return element('li', { class: 'file', 'data-level': level, 'data-file': f.key },
      element('h3', {}, element('span', { class: 'mark', ariaHidden: 'true' }, LEVEL[level][0]), ` ${f.label} `,
        element('span', { class: 'level' }, `(${LEVEL[level][1]})`)),
      element('p', { class: 'url' }, f.url),
      element('ul', { class: 'checks' }, ...f.checks.map((c) => element('li', { 'data-level': c.level, 'data-aspect': c.aspect },
        element('span', { class: 'tag' }, LEVEL[c.level][1]), ` ${c.message}`))));
  }));
  const parts = [element('p', { class: 'summary', 'data-level': worst(report.files.flatMap((f) => f.checks)) }, summary(report)), files];
  if (report.fixes.length) {
    parts.push(element('h3', {}, 'How to fix'));
    parts.push(element('ol', { class: 'fixes' }, ...report.fixes.map((fx) => element('li', { 'data-fix': fx.id },
      element('h4', {}, fx.title),
      element('p', {}, fx.why),
      element('p', { class: 'applies' }, `For: ${fx.files.join(', ')}.`),
      element('dl', {}, ...fx.steps.flatMap((s) => [
        element('dt', {}, s.where),
        element('dd', {}, s.code ? element('pre', { class: 'code' }, element('code', {}, s.code)) : null, s.text ? element('p', {}, s.text) : null),
      ]))))));
  }
  if (report.viewer.kind === 'page' && !report.viewer.sameOrigin) {
    parts.push(element('p', { class: 'hint' }, `Checked from ${report.viewer.origin}, another origin: browsers hide some headers from it. `
      + 'Open this builder from the asset host itself, or run the check in a terminal, to see them all.'));
  }
  $('check-result').replaceChildren(...parts);
}

let checking = false;
async function runCheck() {
  if (checking) return;
  const status = $('check-status');
  let target;
  try {
    target = assetBase($('asset-url').value);
  } catch (error) {
    status.textContent = error.message;
    return;
  }
  checking = true;
  $('check-host-button').setAttribute('aria-disabled', 'true');
  status.textContent = `Checking the files at ${target} …`;
  try {
    const report = await checkHost(target, {
      probe: pageProbe,
      viewer: { kind: 'page', origin: location.origin, sameOrigin: new URL(target).origin === location.origin, secure: location.protocol === 'https:' },
    });
    renderReport(report);
    status.textContent = `Checked ${report.files.length} files. ${summary(report)}`;
  } catch (error) {
    console.error(error);
    status.textContent = `The check itself failed: ${error.message}`;
  } finally {
    checking = false;
    $('check-host-button').removeAttribute('aria-disabled');
  }
}

// ------------------------------------------------------------------------- start

async function start() {
  if (!CC?.optionsParser || !CC?.mount) {
    $('builder-failed').hidden = false;
    return;
  }
  // The asset address, the tabs and the host check work even when the widget's code cannot
  // load here: then "Check my host" is exactly what the owner needs.
  const loader = document.querySelector('script[src*="client-checkup.js"]')?.src ?? location.href;
  defaultBase = assetBase(loader);
  $('asset-url').value = defaultBase;
  base = defaultBase;
  loadState();
  try { base = assetBase($('asset-url').value); } catch { /* readBase says why, once running */ }
  setUpTabs();
  $('check-host-button').addEventListener('click', runCheck);
  $('version').textContent = CC.version;
  $('cdn-example').textContent = cdnAddress();
  $('cli-example').textContent = `npx ${PACKAGE}@${CC.version} ADDRESS`;

  try {
    parse = await CC.optionsParser();
  } catch (error) {
    console.error('builder: the widget\'s code did not load', error);
    $('builder-wasm-failed').hidden = false;
    $('snippet-script').textContent = '';
    return;
  }
  ({ options: DEFAULTS, names: NAMES } = parse(() => null));
  LIMITS = { heading: longestAccepted('heading'), id: longestAccepted('id') };
  keepAcceptedChoices();
  COLOURS = widgetColours();
  $('opt-heading-hint').append(` At most ${LIMITS.heading} characters.`);
  $('opt-id-hint').append(` Letters, digits, - and _, at most ${LIMITS.id}.`);

  form.addEventListener('submit', (event) => event.preventDefault());
  form.addEventListener('change', () => update());
  for (const id of ['opt-accent', 'opt-heading', 'opt-id']) $(id).addEventListener('input', () => update({ typing: true }));
  $('opt-accent-picker').addEventListener('input', (event) => { $('opt-accent').value = event.target.value; update({ typing: true }); });
  $('accent-reset').addEventListener('click', () => { $('opt-accent').value = ''; update(); });
  for (const input of document.querySelectorAll('input[name=scheme], input[name=width]')) input.addEventListener('change', () => update());
  $('asset-url').addEventListener('input', () => update({ typing: true }));
  $('opt-resize').addEventListener('change', () => update());
  setUpCopying();
  update();
}

start();

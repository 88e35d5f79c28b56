// The embed builder (dist/builder.html), as a blog owner uses it: every option changes the
// real widget in the preview and the snippets; a copied snippet (through the Clipboard API,
// and through each fallback) mounts the same widget on a fresh blog page on another origin;
// a pale accent is flagged below WCAG AA; axe finds nothing at 375 and 1280 px; the page
// fits 320 px and works by keyboard alone.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { launch, serve, DIST, openPage, axe, ARTIFACTS } from './helpers.mjs';
import { Widget, waitForLocator, waitUntil, TIMEOUT, LOAD_TIMEOUT } from './widget.mjs';
import { Builder } from './builder.mjs';

let browser, assets;
const CORS = { 'access-control-allow-origin': '*' };
before(async () => {
  browser = await launch();
  // The builder and the widget's files on localhost:<B>; blogs on 127.0.0.1:<A>.
  assets = await serve(DIST, { host: 'localhost', headers: CORS });
});
after(async () => { await browser?.close(); await assets?.close(); });

/** The builder on the asset host, the clipboard allowed there. */
async function openBuilder({ width = 1280, init } = {}) {
  const opened = await openPage(browser, null, { viewport: { width, height: 900 }, init });
  await opened.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: assets.url });
  await opened.page.goto(`${assets.url}/builder.html`);
  const builder = await new Builder(opened.page).ready();
  return { ...opened, builder };
}

/** A fresh blog post on its own origin with `snippet` pasted into it; resolves to the server. */
function blog(snippet) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>My blog</title><link rel="icon" href="/favicon.ico"></head>
<body><h1>A post</h1><p>Before.</p>
${snippet}
<p>After.</p></body></html>`;
  return serve(DIST, { pages: { '/post.html': html, '/favicon.ico': '' } });
}

/** The options a placeholder on `page` (or in `frame`) is read with, by the widget's own
 *  parser (in its wasm); fails on any warning, since a copied snippet must be clean. */
function optionsOn(scope, selector = '[data-client-checkup]') {
  return scope.locator(selector).first().evaluate(async (el) => {
    const parse = await window.ClientCheckup.optionsParser();
    const params = new URLSearchParams(location.search);
    const { options, warnings } = parse(el.hasAttribute('data-options-from-url') ? (n) => params.get(n) : (n) => el.getAttribute(`data-${n}`));
    if (warnings.length) throw new Error(`the widget warns about ${JSON.stringify(warnings)}`);
    return options;
  });
}

const HEADING = 'Is "this" client <worth> it & more?';

test('every option changes the preview and the snippet; the copied snippet mounts the same widget on another origin', async () => {
  const { page, errors, context, builder } = await openBuilder();
  assert.match(await builder.snippet('script'), new RegExp(`<script src="${assets.url}/client-checkup.js"></script>`),
    'the asset address defaults to where the builder is served from');

  await builder.language('pl');
  await builder.previewHas('data-lang', 'pl');
  await waitForLocator(builder.preview.locator('section[lang="pl"]'), 'the preview in Polish');
  await builder.snippetHas('script', 'data-lang="pl"');

  await builder.choose('theme', 'light');
  await builder.previewHas('data-theme', 'light');
  await builder.snippetHas('script', 'data-theme="light"');

  await builder.type('accent', '#8A2BE2');
  await builder.previewHas('data-accent', '#8a2be2', 'the accent, as the widget normalises it');
  await builder.snippetHas('script', 'data-accent="#8a2be2"');
  await builder.previewAccentIs('rgb(138, 43, 226)', 'pl');
  await waitForLocator(builder.contrast.filter({ hasText: 'Meets WCAG AA' }), 'the contrast check to pass for #8a2be2');

  await builder.setCompact(true);
  await builder.previewHas('data-compact', '');
  await waitForLocator(builder.preview.locator('section.cc-compact'), 'the preview in compact mode');
  await builder.snippetHas('script', 'data-compact>');

  await builder.type('heading', HEADING);
  await builder.previewHas('data-heading', HEADING.replace(/"/g, '\\"'), 'the heading');
  assert.equal(await builder.preview.locator('.cc-title').first().innerText(), HEADING, 'the preview shows the heading as typed');
  await builder.snippetHas('script', 'data-heading="Is &quot;this&quot; client &lt;worth&gt; it &amp; more?"');

  await builder.type('id', 'not ok!');
  await waitForLocator(builder.error('id').filter({ hasText: 'letters, digits' }), 'the id to be refused with the accepted form');
  assert.equal(await builder.field('id').getAttribute('aria-invalid'), 'true');
  assert.doesNotMatch(await builder.snippet('script'), /data-id/, 'a refused id never reaches the snippet');
  await builder.type('id', 'sidebar_1');
  await builder.previewHas('data-id', 'sidebar_1');
  assert.equal(await builder.error('id').isHidden(), true);

  await builder.choose('load', 'eager');
  await builder.previewHas('data-load', 'eager');
  await builder.snippetHas('script', 'data-load="eager"');

  await builder.choose('theme', 'dark');
  await builder.previewHas('data-theme', 'dark');
  await waitForLocator(builder.preview.locator('section[data-theme="dark"]'), 'the preview in the dark theme');
  await waitForLocator(builder.contrast.filter({ hasText: 'not shown' }), 'the note that the dark theme keeps its own accent');

  // Light and dark pages, phone and desktop widths.
  await builder.choose('scheme', 'dark');
  assert.equal(await builder.stage.getAttribute('data-scheme'), 'dark');
  await builder.choose('width', 'phone');
  assert.equal(await builder.stage.getAttribute('data-width'), 'phone');
  const width = await page.locator('#preview').evaluate((el) => el.getBoundingClientRect().width);
  assert.equal(Math.round(width), 375, 'the phone preview is 375 px wide');
  // The preview is a real widget: it takes over from the painted screen and runs.
  const preview = await new Widget(page, { lang: 'pl' }).ready();
  await preview.start();
  assert.equal(await preview.step(), 'signal-time_drain');
  await page.screenshot({ path: path.join(ARTIFACTS, 'builder-options-1280.png'), fullPage: true });

  // Copy through the Clipboard API: the clipboard holds exactly the snippet shown.
  const shown = await builder.snippet('script');
  assert.equal(await builder.copy('script'), 'Copied. Paste it into your article.');
  assert.equal(await builder.clipboard(), shown);
  const wanted = await optionsOn(page, '#preview [data-client-checkup]');
  assert.deepEqual(wanted, { lang: 'pl', theme: 'dark', accent: '#8a2be2', compact: true, heading: HEADING, id: 'sidebar_1', load: 'eager' });

  // The options survive a reload (they live in the page's address).
  await page.reload();
  await builder.ready();
  assert.equal(await builder.snippet('script'), shown, 'a reload keeps every option');

  // Pasted into a fresh blog post on another origin: the same widget.
  const post = await blog(shown);
  const reader = await openPage(browser, `${post.url}/post.html`, { viewport: { width: 1280, height: 900 } });
  const widget = await new Widget(reader.page, { lang: 'pl' }).ready();
  assert.deepEqual(await optionsOn(reader.page), wanted, 'the blog reads the same options as the preview');
  assert.equal(await widget.section.getAttribute('data-theme'), 'dark');
  assert.ok(await widget.host.locator('section.cc-compact').count(), 'compact on the blog');
  assert.equal(await widget.host.locator('.cc-title').first().innerText(), HEADING);
  await widget.start();
  await waitUntil(reader.page, 'the answers stored under the chosen id',
    () => Object.keys(localStorage).some((k) => /^client-checkup:v\d+:sidebar_1$/.test(k)));
  assert.deepEqual(reader.errors, []);
  await reader.context.close(); await post.close();

  assert.deepEqual(errors, []);
  await context.close();
});

test('the builder keeps no rules of its own: with the loader\'s JS parser broken, the wasm\'s parser does it all, in its own words', async () => {
  // The loader served with its exported JS parser replaced by one that throws: any use by
  // the builder becomes a page error (the loader's own painting uses its inner copy).
  const opened = await openPage(browser, null, { viewport: { width: 1280, height: 900 } });
  let patched = false;
  await opened.page.route(/\/client-checkup\.js$/, async (route) => {
    const response = await route.fetch();
    const text = await response.text();
    const broken = text.replace(/\n    parseOptions,\n/, () => { patched = true; return "\n    parseOptions() { throw new Error('the builder used the loader\\'s JS copy of the option rules'); },\n"; });
    await route.fulfill({ response, body: broken });
  });
  await opened.page.goto(`${assets.url}/builder.html`);
  const b = await new Builder(opened.page).ready();
  assert.ok(patched, 'the loader was served with its JS parser broken');
  await b.language('ru');
  await b.previewHas('data-lang', 'ru');
  await b.snippetHas('script', 'data-lang="ru"');
  await b.type('id', 'a b');
  // "letters, digits, - and _ (at most 40)" is the Rust parser's own description (src/options.rs).
  await waitForLocator(b.error('id').filter({ hasText: 'The widget takes letters, digits, - and _ (at most 40).' }),
    'the id refused in the parser\'s own words');
  await b.type('heading', 'Ž'.repeat(121));
  await waitForLocator(b.error('heading').filter({ hasText: 'Too long: 121 characters.' }), 'the heading refused at 121 characters');
  assert.match(await b.error('heading').innerText(), /The widget takes text of at most 120 characters\./);
  await b.type('heading', 'Ž'.repeat(120));
  await waitForLocator(b.error('heading'), 'the 120-character heading to be taken', { state: 'hidden' });
  await b.snippetHas('script', `data-heading="${'Ž'.repeat(120)}"`);
  await b.type('accent', '#12345');
  await waitForLocator(b.error('accent').filter({ hasText: 'The widget takes a hex colour such as #0b6e4f.' }), 'the 5-digit accent refused');
  assert.deepEqual(opened.errors, []);
  await opened.context.close();
});

test('when the widget\'s code cannot load, the builder says so and Check my host still finds why', async () => {
  const opened = await openPage(browser, null, { viewport: { width: 1280, height: 900 } });
  // Neither module is there (the builder's parser comes from the plan module).
  await opened.page.route(/\/client-checkup-(?:plan-)?[0-9a-f]{8,16}_bg\.wasm$/, (route) => route.fulfill({ status: 404, body: 'not here' }));
  await opened.page.goto(`${assets.url}/builder.html`);
  const notice = opened.page.getByRole('alert').filter({ hasText: 'the widget’s code (its .wasm and .js files) did not load' });
  await waitForLocator(notice, 'the notice that the widget\'s code did not load', { timeout: LOAD_TIMEOUT });
  const b = new Builder(opened.page);
  const said = await b.checkHost();
  assert.match(said, /problem/);
  for (const key of ['wasm', 'planWasm']) {
    const reachable = await b.reportCheck(key, 'reachable');
    assert.equal(reachable.level, 'error', key);
    assert.match(reachable.text, /Not found \(HTTP 404\)/, key);
  }
  await waitForLocator(b.fix('missing'), 'the fix for the missing file');
  await opened.context.close();
});

test('the iframe snippet through the copy fallback (Clipboard API refused) mounts the framed widget on another origin', async () => {
  const { page, errors, context, builder } = await openBuilder({
    // As in a page where the Clipboard API is refused: the builder falls back to a copy event.
    init: () => { navigator.clipboard.writeText = () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')); },
  });
  await builder.language('cs');
  await builder.choose('theme', 'dark');
  await builder.type('heading', 'Prověrka klienta');
  // Tabs by keyboard: focus the selected tab, then the arrow keys.
  await builder.tab('script').focus();
  await page.keyboard.press('ArrowRight');
  await waitForLocator(builder.panel('iframe'), 'the iframe panel after ArrowRight');
  assert.equal(await builder.tab('iframe').getAttribute('aria-selected'), 'true');
  assert.equal(await builder.hasFocusOn(builder.tab('iframe')), true, 'focus follows the selected tab');
  assert.equal(await builder.panel('script').isHidden(), true);

  const shown = await builder.snippet('iframe');
  assert.match(shown, /embed\.html\?lang=cs&amp;theme=dark&amp;heading=Prov%C4%9Brka\+klienta"/, 'URL-encoded, then HTML-escaped');
  assert.match(shown, /client-checkup-frame\.js/, 'the resize helper is in by default');
  assert.equal(await builder.copy('iframe'), 'Copied. Paste it into your article.');
  assert.equal(await builder.clipboard(), shown, 'the fallback put the snippet on the clipboard');

  const post = await blog(shown.replace('<iframe ', '<iframe id="cc" '));
  const reader = await openPage(browser, `${post.url}/post.html`, { viewport: { width: 1280, height: 900 } });
  const framed = await new Widget(reader.page, { frame: '#cc', lang: 'cs' }).ready();
  assert.equal(await framed.section.getAttribute('data-theme'), 'dark');
  assert.equal(await framed.host.locator('.cc-title').first().innerText(), 'Prověrka klienta');
  await waitUntil(reader.page, 'the resize helper to grow the frame past 900 px or shrink it',
    () => document.querySelector('#cc').getBoundingClientRect().height !== 900);
  await reader.context.close(); await post.close();

  // Auto language in an iframe: the builder says what will happen.
  await builder.language('');
  await waitForLocator(page.locator('#iframe-notes').filter({ hasText: 'Auto shows English' }), 'the iframe note on Auto');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the asset address is editable: every snippet follows it; an unpinned CDN address and plain http are flagged', async () => {
  const { page, errors, context, builder } = await openBuilder();
  const version = await page.evaluate(() => window.ClientCheckup.version);
  const pinned = `https://cdn.jsdelivr.net/npm/client-checkup-widget@${version}/`;
  await builder.type('assets', `${pinned}client-checkup.js`);
  await builder.snippetHas('script', `<script src="${pinned}client-checkup.js"></script>`);
  await builder.showTab('iframe');
  await builder.snippetHas('iframe', `src="${pinned}embed.html"`);
  await builder.snippetHas('url', `${pinned}embed.html`);
  assert.equal(await builder.error('assets').isHidden(), true, 'a pinned CDN address is fine');
  await waitForLocator(page.locator('#iframe-notes').filter({ hasText: 'npm CDNs serve embed.html as plain text' }), 'the note that the iframe needs the owner\'s host');
  await builder.type('assets', 'https://cdn.jsdelivr.net/npm/client-checkup-widget/');
  await waitForLocator(builder.error('assets').filter({ hasText: `Pin the version, e.g. ${pinned}` }), 'the advice to pin the version');
  await builder.type('assets', 'http://blog.example/cc/');
  await waitForLocator(builder.error('assets').filter({ hasText: 'Use the https:// address' }), 'the advice against http');
  await builder.type('assets', 'not an address');
  await waitForLocator(builder.error('assets').filter({ hasText: 'is not a full address' }), 'a malformed address refused');
  assert.match(await builder.snippet('script'), /<script src="http:\/\/blog\.example\/cc\/client-checkup\.js">/, 'the last good address stays in use');
  assert.deepEqual(errors, []);
  await context.close();
});

test('with no way to copy at all, the snippet is selected for Ctrl+C', async () => {
  const { page, context, builder } = await openBuilder({
    init: () => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError'));
      document.execCommand = () => false;
    },
  });
  const said = await builder.copy('script');
  assert.match(said, /press Ctrl\+C/);
  assert.equal(await page.evaluate(() => getSelection().toString()), await builder.snippet('script'));
  await context.close();
});

test('a pale accent on the light theme is flagged below WCAG AA, with a shade that passes', async () => {
  const { page, context, builder } = await openBuilder();
  await builder.choose('theme', 'light');
  await builder.type('accent', '#ffd966');
  const warning = builder.contrast.filter({ hasText: 'Below WCAG AA on the light theme' });
  await waitForLocator(warning, 'the contrast warning for #ffd966');
  assert.match(await warning.innerText(), /1\.\d:1 against the white background and 1\.\d:1 under the white button text/);
  assert.equal(await builder.contrast.getAttribute('data-level'), 'warn');
  await waitForLocator(builder.contrast.getByRole('button'), 'the button offering a shade that passes');
  // The warning is the form's; the preview remounts with the colour a moment later.
  await builder.previewHas('data-accent', '#ffd966');
  await builder.previewAccentIs('rgb(255, 217, 102)');
  await page.locator('#options .field').filter({ has: builder.contrast }).screenshot({ path: path.join(ARTIFACTS, 'builder-contrast-warning.png') });
  // axe agrees: the builder's own page passes, and the preview, showing the colour as chosen,
  // fails on exactly the contrast the builder warns about.
  const violations = await axe(page);
  assert.ok(violations.length > 0 && violations.every((v) => v.startsWith('color-contrast:') && v.includes('[data-client-checkup')),
    `only the preview's contrast: ${violations.join(' | ')}`);
  // The suggested shade passes, and replaces the colour.
  const use = builder.contrast.getByRole('button', { name: /^Use #[0-9a-f]{6} instead$/ });
  const suggested = (await use.innerText()).match(/#[0-9a-f]{6}/)[0];
  await use.click();
  assert.equal(await builder.field('accent').inputValue(), suggested);
  await waitForLocator(builder.contrast.filter({ hasText: 'Meets WCAG AA' }), `the contrast check to pass for ${suggested}`);
  // A colour that passes, and an auto theme: the dark mode keeps the widget's own accent.
  await builder.choose('theme', 'auto');
  await builder.type('accent', '#0b6e4f');
  await waitForLocator(builder.contrast.filter({ hasText: 'In dark mode the widget uses its own accent' }), 'the note for Auto');
  // Not a colour: refused, and kept out of the snippet.
  await builder.type('accent', 'red;}body{display:none');
  await waitForLocator(builder.error('accent').filter({ hasText: 'Not a hex colour' }), 'the accent to be refused');
  assert.doesNotMatch(await builder.snippet('script'), /data-accent/);
  await context.close();
});

test('axe finds nothing at 375 and 1280 px, on every tab and with a host report; the page fits 320 px', async () => {
  for (const width of [375, 1280]) {
    const { page, errors, context, builder } = await openBuilder({ width });
    const check = async (what) => assert.deepEqual(await axe(page), [], `${what} at ${width}px`);
    await check('the builder');
    await builder.showTab('iframe');
    await check('the iframe tab');
    await builder.showTab('platforms');
    await check('the platforms tab');
    await builder.type('heading', 'x'.repeat(200));
    await waitForLocator(builder.error('heading').filter({ hasText: 'Too long' }), 'the heading to be refused');
    await check('a refused heading');
    await builder.type('heading', '');
    await builder.checkHost();
    await check('the host report');
    await page.screenshot({ path: path.join(ARTIFACTS, `builder-${width}.png`), fullPage: true });
    assert.deepEqual(errors, []);
    await context.close();
  }
  const { page, context } = await openBuilder({ width: 320 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.equal(overflow, 0, 'no sideways scrolling at 320 px');
  await page.screenshot({ path: path.join(ARTIFACTS, 'builder-320.png'), fullPage: true });
  await context.close();
});

test('keyboard only: every option, a tab, and the copy button', async () => {
  const { page, context, builder } = await openBuilder({ width: 1280 });
  const press = (key) => page.keyboard.press(key);
  await builder.tabTo(builder.field('lang'), 'the language');
  await press('ArrowDown'); // Auto -> English
  await builder.previewHas('data-lang', 'en');
  await builder.tabTo(builder.radio('theme', 'auto'), 'the theme');
  await press('ArrowDown'); // -> Light
  assert.equal(await builder.radio('theme', 'light').isChecked(), true);
  await builder.tabTo(builder.field('accent'), 'the accent');
  await page.keyboard.type('#123456');
  await builder.tabTo(builder.compact, 'Compact');
  await press('Space');
  assert.equal(await builder.compact.isChecked(), true);
  await builder.tabTo(builder.field('heading'), 'the heading');
  await page.keyboard.type('Keyboard');
  await builder.tabTo(builder.field('id'), 'the id');
  await page.keyboard.type('kb');
  await builder.tabTo(builder.radio('load', 'lazy'), 'the loading mode');
  await press('ArrowDown');
  await builder.tabTo(builder.radio('width', 'desktop'), 'the width');
  await press('ArrowLeft');
  assert.equal(await builder.radio('width', 'phone').isChecked(), true);
  await builder.snippetHas('script', 'data-load="eager"');
  await builder.tabTo(builder.tab('script'), 'the Script tab', 120);
  await press('End');
  assert.equal(await builder.tab('platforms').getAttribute('aria-selected'), 'true');
  await press('Home');
  await builder.tabTo(builder.copyButton('script'), 'the copy button');
  await press('Enter');
  await waitForLocator(page.locator('#copied-script').filter({ hasText: 'Copied' }), 'the copy confirmation');
  const copied = await builder.clipboard();
  for (const part of ['data-lang="en"', 'data-theme="light"', 'data-accent="#123456"', 'data-compact', 'data-heading="Keyboard"', 'data-id="kb"', 'data-load="eager"']) {
    assert.ok(copied.includes(part), `${part} in ${copied}`);
  }
  await context.close();
});

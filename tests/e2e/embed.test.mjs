// Embedding, as blog owners do it: the widget's files on one origin, the blog on
// another; two instances; a hostile stylesheet; a strict CSP; iframe mode; bad options;
// a failed asset load. The host page must keep working in every case.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serve, DIST, openPage } from './helpers.mjs';
import { Widget, waitForLocator, waitUntil } from './widget.mjs';

let browser, assets;
const CORS = { 'access-control-allow-origin': '*' };
before(async () => {
  browser = await launch();
  // The widget's files on localhost:<B>, the blog on 127.0.0.1:<A>: two origins.
  assets = await serve(DIST, { host: 'localhost', headers: CORS });
});
after(async () => { await browser?.close(); await assets?.close(); });

const article = (body, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Blog</title><link rel="icon" href="/favicon.ico">${head}</head>
<body><h1>A blog post</h1><p id="before">Some text before.</p>${body}<p id="after">Some text after.</p>
<button id="host-button" type="button">Host button</button></body></html>`;
const loader = () => `<script type="module" src="${assets.url}/client-checkup.js"></script>`;

/** A blog on its own origin serving `pages`; resolves to the server. */
function blog(pages, headers = {}) {
  return serve(DIST, { pages: { '/favicon.ico': '', ...pages }, headers });
}

test('served from another origin: two instances in two languages, completed independently', async () => {
  const srv = await blog({ '/post.html': article(`
    <div data-client-checkup data-lang="pl" data-id="one"><noscript>Needs JavaScript</noscript></div>
    <div data-client-checkup data-lang="ru" data-id="two"></div>${loader()}`) });
  const { context, page, errors } = await openPage(browser, `${srv.url}/post.html`, { viewport: { width: 1280, height: 900 } });
  const pl = await new Widget(page, { nth: 0, lang: 'pl' }).ready();
  const ru = await new Widget(page, { nth: 1, lang: 'ru' }).ready();
  assert.equal(await pl.complete({ signals: { abuse: '4' } }), 'exit');
  assert.equal(await ru.step(), 'intro', 'the other instance did not move');
  assert.equal(await ru.complete(), 'keep');
  assert.equal(await pl.verdict(), 'exit');
  const keys = await page.evaluate(() => Object.keys(localStorage).sort());
  assert.deepEqual(keys, ['client-checkup:v3:one', 'client-checkup:v3:two']);
  // Polish text really came from the asset host.
  assert.equal(await pl.heading.textContent(), pl.t('verdict.exit.title'));
  assert.ok(assets.requests.some((r) => r.path === '/i18n/pl/quiz.json'));
  assert.deepEqual(errors, []);
  await context.close(); await srv.close();
});

const HOSTILE = `<style>
  * { box-sizing: content-box !important; margin: 3px !important; letter-spacing: 0.2em !important; }
  html { font-size: 40px !important; line-height: 3 !important; }
  body { font-family: "Comic Sans MS", cursive !important; color: #f0f !important; }
  button, input, select, label, fieldset { all: unset !important; display: none !important; }
  div { padding: 20px !important; }
  section, h2, h3, p { display: inline !important; font-size: 60px !important; }
</style>`;

test('a hostile stylesheet cannot break the widget, and the widget changes nothing outside', async () => {
  const srv = await blog({ '/hostile.html': article('<div data-client-checkup data-id="h"></div>', HOSTILE) });
  const { context, page, errors } = await openPage(browser, `${srv.url}/hostile.html`, { viewport: { width: 375, height: 800 } });
  const snapshot = () => page.evaluate(() => {
    const props = ['display', 'font-size', 'font-family', 'color', 'margin-top', 'padding-left', 'line-height', 'letter-spacing', 'width'];
    return [...document.querySelectorAll('html, body, h1, #before, #after, #host-button')].map((el) => {
      const cs = getComputedStyle(el);
      return props.map((p) => `${el.id || el.tagName}.${p}=${cs.getPropertyValue(p)}`).join(';');
    });
  });
  const before = await snapshot();
  await page.addScriptTag({ type: 'module', url: `${assets.url}/client-checkup.js` });
  const w = await new Widget(page).ready();
  assert.deepEqual(await snapshot(), before, 'host elements look exactly as before');
  const size = await w.heading.evaluate((el) => getComputedStyle(el).fontSize);
  assert.equal(size, '22px', 'the widget keeps its own type scale');
  assert.ok(await w.button('ui.intro.start').isVisible(), 'the host cannot hide our buttons');
  assert.equal(await w.complete({ signals: { poor_communication: '3', time_drain: '3' } }), 'repair');
  assert.deepEqual(errors, []);
  await context.close(); await srv.close();
});

test('works under a strict Content Security Policy with no violation', async () => {
  const csp = `default-src 'self' ${assets.url}; script-src 'self' 'wasm-unsafe-eval' ${assets.url}; style-src 'self' ${assets.url}`;
  const srv = await blog({ '/csp.html': article(`<div data-client-checkup data-id="c" data-lang="cs" data-accent="#8a2be2"></div>${loader()}`) },
    { 'content-security-policy': csp });
  const { context, page, errors } = await openPage(browser, `${srv.url}/csp.html`, {
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    init: () => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    },
  });
  const w = await new Widget(page, { lang: 'cs' }).ready();
  assert.equal(await w.complete({ signals: { negativity: '3', stalled: '3', dismisses_advice: '3' } }), 'repair');
  await w.openPlan();
  const pdf = await w.download('pdf');
  assert.match(pdf.suggestedFilename(), /\.pdf$/);
  const accent = await w.button('ui.plan.download_pdf').evaluate((el) => getComputedStyle(el).backgroundColor);
  assert.equal(accent, 'rgb(138, 43, 226)', 'the accent option applies without inline styles');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await context.close(); await srv.close();
});

test('iframe mode: options from the URL, the frame grows with its content, events reach the parent', async () => {
  const srv = await blog({ '/framed.html': article(`
    <iframe id="cc" title="Client Checkup" src="${assets.url}/embed.html?lang=cs&theme=dark&id=framed" style="width:100%;height:500px;border:0"></iframe>
    <script src="${assets.url}/client-checkup-frame.js"></script>
    <script>window.__messages = []; addEventListener('message', (e) => { if (e.data && e.data.source === 'client-checkup') window.__messages.push(e.data.type); });</script>`) });
  const { context, page } = await openPage(browser, `${srv.url}/framed.html`, { viewport: { width: 1280, height: 900 } });
  const w = await new Widget(page, { frame: '#cc', lang: 'cs' }).ready();
  await waitForLocator(w.host.locator('section[lang="cs"][data-theme="dark"]'), 'the framed widget in Czech with the dark theme');
  const frameHeight = () => page.locator('#cc').evaluate((el) => el.getBoundingClientRect().height);
  await waitUntil(page, 'the frame to leave its initial 500 px height',
    () => document.querySelector('#cc').getBoundingClientRect().height !== 500);
  const h1 = await frameHeight();
  await w.start();
  await waitUntil(page, `the frame to change from ${h1} px after Start`,
    (h) => document.querySelector('#cc').getBoundingClientRect().height !== h, h1);
  assert.notEqual(await frameHeight(), h1, 'the frame follows the step height');
  await w.answerSignals({ abuse: '3' });
  await w.rate();
  await w.review();
  await w.finish();
  await waitUntil(page, 'client-checkup:completed to reach the parent page',
    () => window.__messages.includes('client-checkup:completed'));
  const types = await page.evaluate(() => window.__messages);
  for (const t of ['client-checkup:ready', 'client-checkup:started', 'client-checkup:completed', 'client-checkup:resize']) {
    assert.ok(types.includes(t), `${t} in ${types}`);
  }
  await context.close(); await srv.close();
});

test('malformed options warn once each, name what is accepted, and the widget still works', async () => {
  const srv = await blog({ '/bad.html': article(`<div data-client-checkup data-lang="klingon" data-theme="neon"
    data-accent="red;}body{display:none" data-compact="maybe" data-id="not ok!"></div>${loader()}`) });
  const { context, page } = await openPage(browser, null, { viewport: { width: 375, height: 800 } });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(`${srv.url}/bad.html`);
  const w = await new Widget(page).ready();
  for (const [attr, accepted] of [['data-lang', 'en, ca, cs, pl, ru, auto'], ['data-theme', 'light, dark, auto'],
    ['data-accent', 'hex colour'], ['data-compact', 'true, false'], ['data-id', 'letters, digits']]) {
    assert.equal(warnings.filter((m) => m.includes(`${attr}=`)).length, 1, `${attr}: ${warnings.join(' | ')}`);
    assert.ok(warnings.some((m) => m.includes(`${attr}=`) && m.includes(accepted)), attr);
  }
  assert.equal(await page.locator('body').evaluate((b) => getComputedStyle(b).display), 'block');
  assert.equal(await w.complete(), 'keep');
  await context.close(); await srv.close();
});

test('placeholders added later mount with ClientCheckup.mount()', async () => {
  const srv = await blog({ '/late.html': article(`<div id="slot"></div>${loader()}`) });
  const { context, page } = await openPage(browser, `${srv.url}/late.html`);
  await waitUntil(page, 'window.ClientCheckup from the loader', () => window.ClientCheckup);
  await page.evaluate(() => {
    const el = document.createElement('div');
    el.setAttribute('data-client-checkup', '');
    el.setAttribute('data-lang', 'ca');
    document.querySelector('#slot').append(el);
    window.ClientCheckup.mount(el);
  });
  await new Widget(page, { lang: 'ca' }).ready();
  await context.close(); await srv.close();
});

test('a failed asset load shows a message in the widget box; the host page keeps working', async () => {
  const srv = await blog({ '/broken.html': article(`<div data-client-checkup data-id="x"><noscript>n</noscript></div>
    <div data-client-checkup data-id="y"></div>
    <script type="module" src="${assets.url}/client-checkup.js?broken"></script>
    <script type="module">document.querySelector('#host-button').addEventListener('click', (e) => { e.target.textContent = 'clicked'; });</script>`) });
  const { context, page } = await openPage(browser);
  // The same build, but the wasm file is missing on the asset host.
  await page.route('**/*_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(`${srv.url}/broken.html`);
  const alerts = page.locator('[data-client-checkup]').getByRole('alert');
  await waitForLocator(alerts.first(), 'the failure message in a widget box');
  assert.equal(await alerts.count(), 2, 'each placeholder shows the message');
  assert.ok((await alerts.first().textContent()).toLowerCase().includes('reload'));
  await page.getByRole('button', { name: 'Host button' }).click();
  assert.equal(await page.locator('#host-button').textContent(), 'clicked', 'the host page still works');
  await context.close(); await srv.close();
});

// Embedding as blogs do it: the widget's files on one origin (localhost, CORS on), the
// blog on another (127.0.0.1); two instances in two languages; a language fetched only
// when it is chosen; the iframe page that grows its frame through postMessage.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startBrowser, ENGINE } from './engines.mjs';
import { startSite, article, ROOT } from './site.mjs';
import { Widget, waitFor, pageErrors } from './widget.mjs';

let browser, site;
before(async () => {
  site = await startSite();
  browser = await startBrowser();
  console.log(`${ENGINE} ${browser.version}`);
});
after(async () => { await browser?.close(); await site?.close(); });

const catalog = (lang) => JSON.parse(fs.readFileSync(path.join(ROOT, `content/i18n/${lang}/ui.json`), 'utf8'));
const text = (w, selector) => w.js('return root.querySelector(args[0]).textContent.trim()', selector);

async function complete(w, values) {
  await w.click('start');
  await w.answerSignals(values);
  await w.rate();
  await w.click('review');
  await w.click('finish');
  return w.verdict();
}

test(`${ENGINE}: from another origin, two instances in Polish and Czech, completed independently`, async () => {
  const before = site.assets.requests.length;
  await browser.driver.get(site.page(article(`
    <div data-client-checkup data-lang="pl" data-id="one"><noscript>Needs JavaScript</noscript></div>
    <div data-client-checkup data-lang="cs" data-id="two"></div>
    <script type="module" src="${site.assets.url}/client-checkup.js"></script>`)));
  const pl = await new Widget(browser.driver, 0).ready();
  const cs = await new Widget(browser.driver, 1).ready();
  await waitFor('the first instance in Polish', async () => (await pl.lang()) === 'pl');
  await waitFor('the second instance in Czech', async () => (await cs.lang()) === 'cs');
  assert.equal(await text(pl, '[data-action=start]'), catalog('pl')['ui.intro.start']);
  assert.equal(await text(cs, '[data-action=start]'), catalog('cs')['ui.intro.start']);
  const fetched = site.assets.requests.slice(before).map((r) => r.path);
  for (const lang of ['pl', 'cs']) assert.ok(fetched.some((p) => p.startsWith(`/i18n/${lang}/`)), `${lang} texts come from the asset host: ${fetched}`);

  assert.equal(await complete(pl, { abuse: '4' }), 'exit');
  assert.equal(await cs.step(), 'intro', 'the other instance did not move');
  assert.equal(await complete(cs, {}), 'keep');
  assert.equal(await pl.verdict(), 'exit');
  const keys = await browser.driver.executeScript('return Object.keys(localStorage).sort()');
  assert.equal(keys.length, 2, `one stored entry per instance: ${keys}`);
  assert.match(keys[0], /^client-checkup:v\d+:one$/);
  assert.match(keys[1], /^client-checkup:v\d+:two$/);
  assert.equal(await browser.driver.executeScript('return document.querySelector("#after").textContent'), 'Some text after.');
  assert.deepEqual(await pageErrors(browser.driver), []);
  assert.deepEqual(site.missing(), []);
});

test(`${ENGINE}: a language's files are fetched only when it is chosen, and the widget then speaks it`, async () => {
  const before = site.blog.requests.length;
  await browser.driver.get(site.demo());
  const w = await new Widget(browser.driver).ready();
  const i18n = () => site.blog.requests.slice(before).map((r) => r.path).filter((p) => p.startsWith('/i18n/'));
  assert.deepEqual(i18n().filter((p) => !p.startsWith('/i18n/en/')), [], 'no other language in the first load');
  assert.equal(await text(w, '[data-action=start]'), catalog('en')['ui.intro.start']);
  await w.switchLanguage('cs');
  assert.ok(i18n().some((p) => p.startsWith('/i18n/cs/')), `Czech fetched on demand: ${i18n()}`);
  assert.equal(await text(w, '[data-action=start]'), catalog('cs')['ui.intro.start']);
  assert.equal(await text(w, '.cc-step-title'), catalog('cs')['ui.intro.heading']);
  await w.click('start');
  assert.equal(await w.lang(), 'cs');
  assert.deepEqual(await pageErrors(browser.driver), []);
});

test(`${ENGINE}: iframe mode, the frame grows with its content and events reach the parent`, async () => {
  const d = browser.driver;
  await d.get(site.page(article(`
    <iframe id="cc" title="Client Checkup" src="${site.assets.url}/embed.html?lang=cs&theme=dark&id=framed" style="width:100%;height:500px;border:0"></iframe>
    <script src="${site.assets.url}/client-checkup-frame.js"></script>
    <script>window.__messages = []; addEventListener('message', (e) => { if (e.data && e.data.source === 'client-checkup') window.__messages.push(e.data.type); });</script>`)));
  const height = () => d.executeScript('return document.querySelector("#cc").getBoundingClientRect().height');
  const h0 = await waitFor('the frame to be resized from its first 500 px', async () => { const h = await height(); return h !== 500 && h; });
  await d.switchTo().frame(await d.findElement({ css: '#cc' }));
  const w = await new Widget(d, 0, { frame: '#cc' }).ready();
  await waitFor('the framed widget in Czech', async () => (await w.lang()) === 'cs');
  assert.equal(await w.js('return root.querySelector("section[data-theme]").dataset.theme'), 'dark', 'options from the URL');
  await w.click('start');
  await d.switchTo().defaultContent();
  const h1 = await waitFor(`the frame to follow the first question (was ${h0} px)`, async () => { const h = await height(); return h !== h0 && h; });
  assert.ok(h1 > 0);
  await d.switchTo().frame(await d.findElement({ css: '#cc' }));
  await w.answerSignals({ abuse: '3' });
  await w.rate();
  await w.click('review');
  await w.click('finish');
  assert.equal(await w.verdict(), 'exit');
  // The result is complete once its plan is there (it comes a render after the verdict):
  // only then is its height the one the frame must reach.
  await waitFor('the plan under the result', () => w.js('return !!root.querySelector(".cc-plan[data-plan-kind]")'), 5000, () => w.state());
  const inner = await d.executeScript('return Math.ceil(document.documentElement.getBoundingClientRect().height)');
  await d.switchTo().defaultContent();
  await waitFor(`the frame to be as tall as the result (${inner} px)`, async () => Math.abs((await height()) - inner) <= 1);
  const types = await waitFor('client-checkup:completed posted to the parent',
    async () => { const m = await d.executeScript('return window.__messages'); return m.includes('client-checkup:completed') && m; });
  for (const t of ['client-checkup:ready', 'client-checkup:started', 'client-checkup:resize']) assert.ok(types.includes(t), `${t} in ${types}`);
  assert.deepEqual(await pageErrors(d), []);
});

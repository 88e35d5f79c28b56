// Privacy, proved: during a complete run (quiz, result, every download) the browser
// asks only for the widget's own files on its own origin, sets no cookie, keeps only
// the widget's key in storage, and nothing typed appears in any URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDist, openPage } from './helpers.mjs';
import { Widget } from './widget.mjs';

test('a full run requests only the widget\'s own files, sets no cookie, leaks nothing typed', async () => {
  const browser = await launch();
  const server = await serveDist();
  const { context, page } = await openPage(browser, null, { acceptDownloads: true });
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  await page.goto(`${server.url}/index.html`);
  const w = await new Widget(page).ready();
  await w.complete({ nickname: 'Zebra Holdings Secret', signals: { abuse: '3' }, context: { contract: 'open_ended' } });
  await w.openPlan();
  await w.fillPlan({ open_work: 'Secret deliverable' });
  for (const kind of ['md', 'ics', 'pdf']) await w.download(kind);
  const origin = new URL(server.url).origin;
  const foreign = urls.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'no request leaves the widget\'s origin');
  assert.ok(urls.every((u) => !u.includes('Zebra') && !u.includes('Secret')), 'nothing typed in any URL');
  assert.deepEqual(await context.cookies(), []);
  const keys = await page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]);
  assert.ok(keys.length === 1 && keys[0].startsWith('client-checkup:v3:'), keys.join(', '));
  await context.close(); await browser.close(); await server.close();
});

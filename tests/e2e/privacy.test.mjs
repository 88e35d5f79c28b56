// Privacy, proved: during a complete run (quiz, result, every download) the browser
// asks only for the widget's own files on its own origin, sets no cookie, keeps only
// the widget's key in storage, and nothing typed appears in any URL.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { launch, serveDist, Widget } from './helpers.mjs';

test('a full run requests only the widget\'s own files, sets no cookie, leaks nothing typed', async () => {
  const browser = await launch();
  const server = await serveDist();
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  await page.goto(`${server.url}/index.html`);
  const w = await new Widget(page).ready();
  const secret = 'Zebra Holdings Secret';
  await w.host.locator('input[type=text]').first().fill(secret);
  await w.click('start');
  await w.answerSignals({ abuse: '3' });
  await w.context({ contract: 'signed' });
  await w.click('review');
  await w.click('finish');
  await w.click('plan');
  await w.host.locator('[data-plan=open_deliverables]').fill('Secret deliverable');
  for (const action of ['download-md', 'download-ics', 'download-pdf']) {
    await Promise.all([page.waitForEvent('download'), w.action(action).click()]);
  }
  const origin = new URL(server.url).origin;
  const foreign = urls.filter((u) => !u.startsWith(origin) && !u.startsWith('blob:') && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'no request leaves the widget\'s origin');
  assert.ok(urls.every((u) => !u.includes('Zebra') && !u.includes('Secret')), 'nothing typed in any URL');
  assert.deepEqual(await context.cookies(), []);
  const keys = await page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)]);
  assert.ok(keys.length === 1 && keys[0].startsWith('client-checkup:v2:'), keys.join(', '));
  await context.close(); await browser.close(); await server.close();
});

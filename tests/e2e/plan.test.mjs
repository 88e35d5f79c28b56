// The plan, from the result screen: each download arrives with the right name and the
// visitor's own dates and words in it; the PDF font is fetched only when asked for.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, serveDist, Widget, watchErrors, ARTIFACTS } from './helpers.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-plan-'));

async function toPlan({ lang = 'en', nickname, values, context }) {
  const context_ = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'en-GB' });
  const page = await context_.newPage();
  const errors = watchErrors(page);
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${server.url}/index.html`);
  const w = await new Widget(page).ready();
  if (lang !== 'en') {
    await w.host.locator('select').selectOption(lang);
    await w.host.locator(`section[lang="${lang}"]`).waitFor();
  }
  await w.host.locator('input[type=text]').first().fill(nickname);
  await w.click('start');
  await w.answerSignals(values);
  await w.context(context);
  await w.click('review');
  await w.click('finish');
  const firstLoad = [...requests];
  await w.click('plan');
  await w.host.locator('[data-doc=plan]').waitFor();
  return { page, w, errors, requests, firstLoad, close: () => context_.close() };
}

async function download(page, w, action) {
  const [dl] = await Promise.all([page.waitForEvent('download'), w.action(action).click()]);
  const file = path.join(TMP, dl.suggestedFilename());
  await dl.saveAs(file);
  fs.copyFileSync(file, path.join(ARTIFACTS, dl.suggestedFilename()));
  return { name: dl.suggestedFilename(), file };
}

function icsEvents(file) {
  const out = execFileSync('python3', [path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'ics_check.py'), file], { encoding: 'utf8' });
  return Object.values(JSON.parse(out))[0];
}

test('exit plan: Markdown, PDF and calendar carry the visitor\'s dates and words', async () => {
  const { page, w, errors, requests, firstLoad, close } = await toPlan({
    nickname: 'Acme <script>alert(1)</script> "Studio"',
    values: { abuse: '0', losing_money: '3', negativity: '3', low_respect: '3' },
    context: { contract: 'signed', open_work: 'yes', unpaid: 'yes' },
  });
  assert.equal(await w.verdict(), 'exit');
  assert.ok(!firstLoad.some((p) => p.includes('/fonts/')), `font in first load: ${firstLoad.join(', ')}`);
  await w.host.locator('[data-plan=today]').fill('2026-11-20');
  await w.host.locator('[data-plan=notice_days]').fill('30');
  await w.host.locator('[data-plan=open_deliverables]').fill('Logo files; final\nWebsite, phase 2');
  await w.host.locator('[data-plan=unpaid_amount]').fill('1 250,50');
  await w.host.locator('[data-plan=currency]').fill('eur');

  const md = await download(page, w, 'download-md');
  assert.match(md.name, /^client-checkup-exit-plan-acme-.*-2026-11-20\.md$/);
  const text = fs.readFileSync(md.file, 'utf8');
  assert.ok(text.startsWith('# '));
  assert.ok(text.includes('- [ ] '), 'checklists');
  assert.ok(text.includes('2026-11-20'), 'ISO dates');
  assert.ok(text.includes('20 November 2026'), 'readable dates');
  assert.ok(text.includes('2026-12-') || text.includes('2027-'), 'the last day after 30 days of notice');
  assert.ok(text.includes('Website, phase 2'), 'deliverables');
  assert.ok(text.includes('1,250.50') && text.includes('EUR'), 'amount owed');
  const outsideFences = text.replace(/^(`{3,})[^\n]*\n[\s\S]*?^\1\s*$/gm, '');
  assert.ok(!outsideFences.includes('<script>'), 'typed HTML is escaped outside the letter\'s code fence');
  assert.ok(text.includes('Logo files; final'), 'every deliverable');

  const ics = await download(page, w, 'download-ics');
  assert.match(ics.name, /\.ics$/);
  const events = icsEvents(ics.file);
  assert.ok(events.length >= 4, 'one event per milestone');
  assert.ok(events.every((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.date)), 'all-day dates');
  assert.ok(events.some((e) => e.date === '2026-11-20'), 'starts today');

  const pdf = await download(page, w, 'download-pdf');
  assert.match(pdf.name, /\.pdf$/);
  assert.ok(requests.some((p) => p.includes('/fonts/')), 'font fetched on demand');
  const pdfText = execFileSync('pdftotext', ['-layout', pdf.file, '-'], { encoding: 'utf8' });
  assert.ok(pdfText.includes('Acme'), 'nickname in the PDF');
  assert.ok(pdfText.includes('20 November 2026'));
  assert.ok(pdfText.includes('Website, phase 2'));
  assert.deepEqual(errors, []);
  await close();
});

test('repair plan in Czech: letters intact in every file', async () => {
  const { page, w, errors, close } = await toPlan({
    lang: 'cs',
    nickname: 'Žluťoučký kůň',
    values: { poor_communication: '3', time_drain: '2' },
    context: { contract: 'none' },
  });
  assert.equal(await w.verdict(), 'repair');
  await w.host.locator('[data-plan=today]').fill('2027-01-29');
  const md = await download(page, w, 'download-md');
  const text = fs.readFileSync(md.file, 'utf8');
  assert.ok(text.includes('Žluťoučký kůň'));
  assert.ok(text.includes('2027-01-29'));
  assert.ok(text.includes('ledna 2027'), 'Czech month name in the genitive');
  const pdf = await download(page, w, 'download-pdf');
  const pdfText = execFileSync('pdftotext', [pdf.file, '-'], { encoding: 'utf8' });
  assert.ok(pdfText.includes('Žluťoučký kůň'), pdfText.slice(0, 400));
  const events = icsEvents((await download(page, w, 'download-ics')).file);
  assert.ok(events.some((e) => /\d{4}-03-0\d|2027-02-2\d/.test(e.date)), 'review about 30 days out, across the month end');
  assert.deepEqual(errors, []);
  await close();
});

test('copy buttons confirm, with or without the Clipboard API', async () => {
  for (const clipboard of [true, false]) {
    const context = await browser.newContext({ viewport: { width: 375, height: 800 }, permissions: ['clipboard-read', 'clipboard-write'] });
    if (!clipboard) await context.addInitScript(() => { Object.defineProperty(navigator, 'clipboard', { get: () => undefined }); });
    const page = await context.newPage();
    await page.goto(`${server.url}/index.html`);
    const w = await new Widget(page).ready();
    await w.click('start');
    await w.answerSignals({ abuse: '3' });
    await w.click('review');
    await w.click('finish');
    await w.click('plan');
    await w.action('copy-notice').click();
    await w.host.locator('.cc-status').filter({ hasText: /copied/i }).waitFor({ timeout: 5000 });
    if (clipboard) {
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.ok(copied.length > 100, 'the notice draft is on the clipboard');
    }
    await context.close();
  }
});

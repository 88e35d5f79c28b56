// The plan, from the result screen: each download arrives with the right name and the
// visitor's own dates and words in it; the PDF font is fetched only when asked for.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, serveDist, openPage, saveDownload } from './helpers.mjs';
import { Widget } from './widget.mjs';

let browser, server;
before(async () => { browser = await launch(); server = await serveDist(); });
after(async () => { await browser?.close(); await server?.close(); });

const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-plan-'));

/** A visitor who completes the quiz and opens the plan; records every request path. */
async function toPlan({ lang = 'en', nickname, signals, context }) {
  const { context: ctx, page, errors } = await openPage(browser, null,
    { viewport: { width: 1280, height: 900 }, acceptDownloads: true, locale: 'en-GB' });
  const requests = [];
  page.on('request', (r) => requests.push(new URL(r.url()).pathname));
  await page.goto(`${server.url}/index.html`);
  const w = await new Widget(page).ready();
  if (lang !== 'en') await w.chooseLanguage(lang);
  const verdict = await w.complete({ nickname, signals, context });
  const firstLoad = [...requests];
  await w.openPlan();
  const download = async (kind) => saveDownload(await w.download(kind), TMP);
  return { page, w, verdict, errors, requests, firstLoad, download, close: () => ctx.close() };
}

function icsEvents(file) {
  const out = execFileSync('python3', [path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'ics_check.py'), file], { encoding: 'utf8' });
  return Object.values(JSON.parse(out))[0];
}

test('exit plan: Markdown, PDF and calendar carry the visitor\'s dates and words', async () => {
  const { w, verdict, errors, requests, firstLoad, download, close } = await toPlan({
    nickname: 'Acme <script>alert(1)</script> "Studio"',
    signals: { abuse: '0', losing_money: '3', negativity: '3', low_respect: '3' },
    context: { contract: 'open_ended', notice_days: '30', open_work: 'yes', unpaid: 'yes' },
  });
  assert.equal(verdict, 'exit');
  assert.ok(!firstLoad.some((p) => p.includes('/fonts/')), `font in first load: ${firstLoad.join(', ')}`);
  await w.fillPlan({
    today: '2026-11-20',
    open_work: 'Logo files; final\nWebsite, phase 2',
    unpaid_amount: '1 250,50',
    currency: 'eur',
  });

  const md = await download('md');
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

  const ics = await download('ics');
  assert.match(ics.name, /\.ics$/);
  const events = icsEvents(ics.file);
  assert.ok(events.length >= 4, 'one event per milestone');
  assert.ok(events.every((e) => /^\d{4}-\d{2}-\d{2}$/.test(e.date)), 'all-day dates');
  assert.ok(events.some((e) => e.date === '2026-11-20'), 'starts today');

  const pdf = await download('pdf');
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
  const { w, verdict, errors, download, close } = await toPlan({
    lang: 'cs',
    nickname: 'Žluťoučký kůň',
    signals: { poor_communication: '3', time_drain: '2' },
    context: { contract: 'none' },
  });
  assert.equal(verdict, 'repair');
  await w.fillPlan({ today: '2027-01-29' });
  const md = await download('md');
  const text = fs.readFileSync(md.file, 'utf8');
  assert.ok(text.includes('Žluťoučký kůň'));
  assert.ok(text.includes('2027-01-29'));
  assert.ok(text.includes('ledna 2027'), 'Czech month name in the genitive');
  const pdf = await download('pdf');
  const pdfText = execFileSync('pdftotext', [pdf.file, '-'], { encoding: 'utf8' });
  assert.ok(pdfText.includes('Žluťoučký kůň'), pdfText.slice(0, 400));
  const events = icsEvents((await download('ics')).file);
  assert.ok(events.some((e) => /\d{4}-03-0\d|2027-02-2\d/.test(e.date)), 'review about 30 days out, across the month end');
  assert.deepEqual(errors, []);
  await close();
});

test('copy buttons confirm, with or without the Clipboard API', async () => {
  for (const clipboard of [true, false]) {
    const { context, page } = await openPage(browser, null, {
      viewport: { width: 375, height: 800 },
      permissions: ['clipboard-read', 'clipboard-write'],
      init: clipboard ? undefined : () => { Object.defineProperty(navigator, 'clipboard', { get: () => undefined }); },
    });
    await page.goto(`${server.url}/index.html`);
    const w = await new Widget(page).ready();
    await w.complete({ signals: { abuse: '3' } });
    await w.openPlan();
    assert.match(await w.copyNoticeDraft(), /copied/i);
    if (clipboard) {
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.ok(copied.length > 100, 'the notice draft is on the clipboard');
    }
    await context.close();
  }
});

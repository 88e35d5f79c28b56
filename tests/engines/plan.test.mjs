// The plan from the result screen, with every download built: the Blob the widget hands
// the browser is read back in the page (type and bytes) and checked like a saved file,
// and the file the engine really saved into its download folder must be byte for byte
// that Blob.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { Key } from 'selenium-webdriver';
import { startBrowser, ENGINE } from './engines.mjs';
import { startSite, ROOT, ARTIFACTS } from './site.mjs';
import { Widget, waitFor, pageErrors } from './widget.mjs';

let browser, site;
before(async () => {
  site = await startSite();
  browser = await startBrowser();
  console.log(`${ENGINE} ${browser.version}`);
});
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), `cc-${ENGINE}-plan-`));
after(async () => { await browser?.close(); await site?.close(); fs.rmSync(TMP, { recursive: true, force: true }); });

async function type(w, selector, text) {
  const el = await w.el(selector);
  await el.clear();
  await el.sendKeys(text);
}

async function toPlan({ lang = 'en', nickname, values, context }) {
  await browser.driver.get(site.demo());
  const w = await new Widget(browser.driver).ready();
  if (lang !== 'en') await w.switchLanguage(lang);
  await type(w, 'input[type=text]', nickname);
  await w.click('start');
  await w.answerSignals(values);
  await w.rate();
  await w.context(context);
  await w.click('review');
  await w.click('finish');
  await w.openPlan();
  await w.openPlanDetails();
  return w;
}

/** Keeps a copy as an artifact and returns the path of a temporary copy. */
function keep(file) {
  const p = path.join(TMP, file.name);
  fs.writeFileSync(p, file.bytes);
  fs.writeFileSync(path.join(ARTIFACTS, `${ENGINE}-${file.name}`), file.bytes);
  return p;
}

/** The engine saved the file (engines.mjs points each at browser.downloads): it must be the Blob. */
async function assertSaved(file) {
  const saved = path.join(browser.downloads, file.name);
  await waitFor(`${file.name} saved in ${browser.downloads}`, () => fs.existsSync(saved) && fs.statSync(saved).size === file.bytes.length);
  assert.ok(fs.readFileSync(saved).equals(file.bytes), `${file.name}: the saved file is the Blob`);
}

function icsEvents(file) {
  const out = execFileSync('python3', [path.join(ROOT, 'tests/ics_check.py'), file], { encoding: 'utf8' });
  return Object.values(JSON.parse(out))[0];
}

test(`${ENGINE}: exit plan, every download built with the visitor's dates and words`, async () => {
  const w = await toPlan({
    nickname: 'Acme "Studio"',
    values: { losing_money: '3', negativity: '3', low_respect: '3' },
    context: { contract: 'open_ended', notice_days: '30', open_work: 'yes', unpaid: 'yes' },
  });
  assert.equal(await w.verdict(), 'exit');
  assert.ok(!site.blog.requests.some((r) => r.path.includes('/fonts/')), 'the PDF font is not fetched before a PDF is asked for');
  await w.setDate('[data-plan=today]', '2026-11-20');
  await type(w, '[data-plan=open_deliverables]', 'Logo files; final');
  await (await w.el('[data-plan=open_deliverables]')).sendKeys(Key.ENTER, 'Website, phase 2');
  await type(w, '[data-plan=unpaid_amount]', '1 250,50');
  await type(w, '[data-plan=currency]', 'eur');
  await waitFor('the plan to show the new start date', () => w.js('return root.querySelector("[data-doc=plan]").textContent.includes("20 November 2026")'));

  const md = await w.download('download-md');
  assert.match(md.name, /^client-checkup-exit-plan-acme-.*-2026-11-20\.md$/);
  assert.equal(md.type, 'text/markdown;charset=utf-8');
  const text = md.bytes.toString('utf8');
  keep(md);
  assert.ok(text.startsWith('# '));
  assert.ok(text.includes('- [ ] '), 'checklists');
  assert.ok(text.includes('20 November 2026'), 'readable dates');
  assert.ok(text.includes('2026-12-') || text.includes('2027-'), 'the last day after 30 days of notice');
  assert.ok(text.includes('Logo files; final') && text.includes('Website, phase 2'), 'every deliverable');
  assert.ok(text.includes('1,250.50') && text.includes('EUR'), 'amount owed');
  await assertSaved(md);

  const ics = await w.download('download-ics');
  assert.match(ics.name, /\.ics$/);
  assert.equal(ics.type, 'text/calendar;charset=utf-8');
  const events = icsEvents(keep(ics));
  assert.ok(events.length >= 4, 'one event per milestone');
  assert.ok(events.some((e) => e.date === '2026-11-20'), 'starts today');
  await assertSaved(ics);

  const pdf = await w.download('download-pdf');
  assert.match(pdf.name, /\.pdf$/);
  assert.equal(pdf.type, 'application/pdf');
  assert.equal(pdf.bytes.subarray(0, 5).toString('latin1'), '%PDF-');
  assert.ok(site.blog.requests.some((r) => r.path.includes('/fonts/')), 'font fetched on demand');
  const pdfText = execFileSync('pdftotext', ['-layout', keep(pdf), '-'], { encoding: 'utf8' });
  for (const s of ['Acme', '20 November 2026', 'Website, phase 2']) assert.ok(pdfText.includes(s), `${s} in the PDF`);
  await assertSaved(pdf);
  assert.deepEqual(await pageErrors(browser.driver), []);
  assert.deepEqual(site.missing(), []);
});

test(`${ENGINE}: repair plan in Czech, letters intact in Markdown, calendar and PDF`, async () => {
  const w = await toPlan({
    lang: 'cs',
    nickname: 'Žluťoučký kůň',
    values: { poor_communication: '3', time_drain: '2' },
    context: { contract: 'none' },
  });
  assert.equal(await w.verdict(), 'repair');
  await w.setDate('[data-plan=today]', '2027-01-29');
  await waitFor('the plan to show the new start date', () => w.js('return root.querySelector("[data-doc=plan]").textContent.includes("ledna 2027")'));
  const mdFile = await w.download('download-md');
  const md = mdFile.bytes.toString('utf8');
  assert.ok(md.includes('Žluťoučký kůň'));
  assert.ok(md.includes('ledna 2027'), 'Czech month name in the genitive');
  await assertSaved(mdFile);
  const events = icsEvents(keep(await w.download('download-ics')));
  assert.ok(events.some((e) => /2027-0[23]-\d\d/.test(e.date)), 'review about 30 days out, across the month end');
  const pdf = await w.download('download-pdf');
  const pdfText = execFileSync('pdftotext', [keep(pdf), '-'], { encoding: 'utf8' });
  assert.ok(pdfText.includes('Žluťoučký kůň'), pdfText.slice(0, 400));
  await assertSaved(pdf);
  assert.deepEqual(await pageErrors(browser.driver), []);
});

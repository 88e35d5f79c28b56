#!/usr/bin/env node
// The benchmark: sizes, load time against a static floor, assessment + plan timings and
// memory. Run it with `bash scripts/bench.sh` (builds first); it prints one Markdown
// table to paste into the README. Not part of the test suite: timings depend on the
// machine, so they are measured and reported, never asserted.
//
//   node scripts/bench.mjs [--loads 15] [--skip-rust]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { measure } from './size.mjs';
import { launch, serve, DIST, ROOT } from '../tests/e2e/helpers.mjs';
import { Widget, SIGNALS } from '../tests/e2e/widget.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const LOADS = Math.max(15, Number(arg('--loads', 15)) || 15);
const SKIP_RUST = process.argv.includes('--skip-rust');

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n) => `${n.toFixed(0)} ms`;

// ------------------------------------------------------------------ the static floor

/** The demo article with the widget's first screen written by hand as static HTML and
 *  its stylesheet inlined, and no script or wasm at all: the fastest this first screen
 *  could possibly appear. It marks itself ready once its markup is parsed. */
function staticPage() {
  const demo = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const ui = JSON.parse(fs.readFileSync(path.join(ROOT, 'content/i18n/en/ui.json'), 'utf8'));
  const t = (key) => ui[`ui.${key}`] ?? '';
  const css = fs.readFileSync(path.join(ROOT, 'styles/widget.css'), 'utf8').replaceAll(':host', '.cc-static');
  const first = `<div class="cc-static"><style>${css}</style>
    <h2>${t('title')}</h2>
    <form class="cc-step cc-intro"><h3 class="cc-step-title">${t('intro.heading')}</h3><p>${t('intro.what')}</p>
    <ul class="cc-facts"><li>${t('intro.time')}</li><li>${t('intro.privacy')}</li></ul>
    <div class="cc-field"><label for="nick">${t('intro.nickname')}</label><p class="cc-hint">${t('intro.nickname_hint')}</p>
    <input id="nick" type="text"></div>
    <div class="cc-nav"><button type="submit" class="cc-primary" data-action="start">${t('intro.start')}</button></div></form>
    <script>performance.mark('first-screen'); window.__ready = performance.now();</script></div>`;
  return demo
    .replace(/<script type="module"[^>]*>[\s\S]*?<\/script>/, '')
    .replace(/<link rel="modulepreload"[^>]*>/g, '')
    .replace(/<link rel="preload"[^>]*>/g, '')
    .replace(/(<div[^>]*data-client-checkup[^>]*>)([\s\S]*?)(<\/div>)/, `$1${first}$3`);
}

// ------------------------------------------------------------------ load timings

async function loadTimes(browser, base, profile) {
  const one = async (url, isDemo) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    if (profile.network) {
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
    }
    if (isDemo) {
      await page.addInitScript(() => {
        document.addEventListener('client-checkup:ready', () => {
          performance.mark('first-screen');
          window.__ready ??= performance.now();
        }, { once: true });
      });
    }
    await page.goto(url);
    await page.waitForFunction(() => window.__ready !== undefined, null, { timeout: 60_000 });
    const t = await page.evaluate(() => window.__ready);
    await context.close();
    return t;
  };
  // One unmeasured load of each first, so the server's compression cache is warm and
  // every measured load pays only for transfer, as from a host serving static files.
  await one(`${base}/index.html`, true);
  await one(`${base}/bench-static.html`, false);
  const demo = [];
  const floor = [];
  const ratios = [];
  for (let i = 0; i < LOADS; i++) {
    // Alternate which goes first so neither always meets a warmer machine.
    let d, s;
    if (i % 2) { s = await one(`${base}/bench-static.html`, false); d = await one(`${base}/index.html`, true); }
    else { d = await one(`${base}/index.html`, true); s = await one(`${base}/bench-static.html`, false); }
    demo.push(d); floor.push(s); ratios.push(d / s);
  }
  return { demo: median(demo), floor: median(floor), ratio: median(ratios) };
}

// ------------------------------------------------------------------ memory

async function memoryAfterQuiz(browser, base) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.addInitScript(() => {
    addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail.wasm; });
  });
  await page.goto(`${base}/index.html`);
  const w = await new Widget(page).ready();
  await w.complete({
    signals: Object.fromEntries(SIGNALS.map((s) => [s, ['losing_money', 'time_drain'].includes(s) ? '3' : '1'])),
    context: { contract: 'signed', unpaid: 'yes' },
  });
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  const wasm = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? NaN);
  await context.close();
  return { heap, wasm };
}

// ------------------------------------------------------------------ Rust timings

function rustTimings() {
  if (SKIP_RUST) return null;
  const env = { ...process.env, PATH: `${ROOT}/node_modules/.bin:${os.homedir()}/.cargo/bin:${process.env.PATH}` };
  const native = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'bench'], { cwd: ROOT, env, encoding: 'utf8' }).trim().split('\n').pop());
  const out = execFileSync('cargo', ['test', '--release', '--target', 'wasm32-unknown-unknown', '--test', 'web',
    'assess_and_plan_in_the_browser', '--', '--nocapture'], {
    cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...env, CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER: 'wasm-bindgen-test-runner', CHROMEDRIVER: process.env.CHROMEDRIVER || '/usr/bin/chromedriver' },
  });
  const line = out.split('\n').find((l) => l.includes('BENCH {'));
  const browser = line ? JSON.parse(line.slice(line.indexOf('{'))) : {};
  return { native, browser };
}

// ------------------------------------------------------------------ main

if (!fs.existsSync(path.join(DIST, 'index.html'))) {
  console.error('dist/ missing: run `bash scripts/bench.sh` (it builds first)');
  process.exit(2);
}
const sizes = measure();
const server = await serve(DIST, { pages: { '/bench-static.html': staticPage() }, headers: { 'cache-control': 'no-store' }, compress: true });
const browser = await launch();
const profiles = [
  { name: 'desktop, loopback', cpu: 1 },
  { name: 'phone: 4× slower CPU, 4G (20 ms, 9 Mbit/s)', cpu: 4, network: { latency: 20, downloadThroughput: 9e6 / 8, uploadThroughput: 3e6 / 8 } },
];
const loads = [];
for (const p of profiles) {
  process.stderr.write(`loading the demo and the static floor ${LOADS}× each (${p.name})…\n`);
  loads.push({ ...p, ...(await loadTimes(browser, server.url, p)) });
}
const memory = await memoryAfterQuiz(browser, server.url);
const chromium = browser.version();
await browser.close();
await server.close();
process.stderr.write('timing assessment + plan (native and in the browser)…\n');
const rust = rustTimings();

const rows = [];
const row = (what, value, target = '') => rows.push(`| ${what} | ${value} | ${target} |`);
for (const r of sizes.rows) row(`first load: ${r.name}`, `${r.raw} raw · ${r.gzip} gzip · ${r.brotli} br`);
row('**first load, total (brotli)**', `**${kib(sizes.total.brotli)}** (${sizes.total.brotli} B; gzip ${kib(sizes.total.gzip)})`, '≤ 100 KiB');
for (const l of loads) {
  row(`first screen interactive, ${l.name}: demo / static floor`, `${ms(l.demo)} / ${ms(l.floor)} (median of ${LOADS})`);
  row(`… median per-pair ratio, ${l.name}`, `**${l.ratio.toFixed(2)}×**`, '≤ 1.5×');
}
if (rust) {
  const n = rust.native;
  row('assessment + plan, native (en / cs)', `${n.en.assess_plan_us.toFixed(0)} µs / ${n.cs.assess_plan_us.toFixed(0)} µs`, '≤ 1 ms');
  if (rust.browser.browser_assess_plan_us !== undefined) row('assessment + plan, in Chromium (wasm, en)', `${rust.browser.browser_assess_plan_us.toFixed(0)} µs`, '≤ 1 ms');
  row('render Markdown / calendar / PDF, native (en)', `${n.en.markdown_us.toFixed(0)} µs / ${n.en.ics_us.toFixed(0)} µs / ${(n.en.pdf_us / 1000).toFixed(2)} ms`);
}
row('wasm memory after a completed quiz', kib(memory.wasm));
row('JS heap after a completed quiz (after GC)', kib(memory.heap));

const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
console.log(`Measured ${new Date().toISOString().slice(0, 10)} on ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, `
  + `${os.type()} ${os.release()}, headless Chromium ${chromium}, node ${process.version}.\n`);
console.log('| measure | result | target |');
console.log('|---|---|---|');
for (const r of rows) console.log(r);

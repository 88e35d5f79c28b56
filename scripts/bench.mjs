#!/usr/bin/env node
// The benchmark (issue 13): bytes, load times against a static floor, the host article's
// LCP / CLS / long tasks with and without the widget, the wasm size by crate, assessment +
// plan timings and memory. Run it with `bash scripts/bench.sh` (builds first); it prints
// Markdown tables (with the date, the machine and its load average): bytes, load times,
// the host article, run time and memory, and the wasm by crate, to paste into the README.
// Not part of the test suite: timings depend on the machine (and on whatever else runs on
// it), so they are measured and reported, never asserted.
//
//   node scripts/bench.mjs [--loads 15] [--quick] [--skip-rust] [--skip-wasm-size]
//
//   --loads N         cold loads of each page per profile (at least 15, the default)
//   --quick           a smoke run: 3 loads of each page, no Rust timings
//   --skip-rust       no native / in-browser assessment + plan timings (saves compiling)
//   --skip-wasm-size  no wasm-by-crate table (saves ~40 s of wasm-opt)
//
// How each figure is measured (the README's "Performance and size" repeats this):
// - Every page load is cold: a fresh browser context (empty cache), the page served by a
//   static server on 127.0.0.1 with brotli, as a host would. Loads are interleaved (widget,
//   floor, widget, floor, … alternating which goes first) and the medians are reported,
//   with the median of the per-pair ratios.
// - Profiles: "loopback" (no throttling) and "phone" (CDP: 4× slower CPU, 20 ms latency,
//   9 Mbit/s down, 3 Mbit/s up).
// - The timing pages are the demo article with the widget moved up under the byline (so
//   that its first screen is in view on the 390×844 viewport), and the same page with the
//   static floor in its place.
// - First paint: the presentation time of the first screen's largest text, its intro
//   paragraph: the `largest-contentful-paint` entry whose element sits in a shadow root (on
//   these pages that paragraph is the largest text in view, on the widget and on the
//   floor alike). Should no such entry come, the start of the first animation frame whose
//   layout holds the painted section stands in (the table says how often).
// - First screen usable: the `client-checkup:ready` event, performance.now().
// - First question: on separate loads, the probe clicks the painted Start
//   (`button.click()`, in page) in the animation frame after the one that first rendered
//   it, and the time is the start of the animation frame after the first one whose layout
//   held the first question's radio buttons (i.e. when that frame has been rendered; a
//   presentation time exists only for the largest content, which the question is not):
//   for a fresh visitor the loader paints it, as it paints the first screen. In the
//   next frame the probe picks an answer there (`radio.click()`), and it then marks the
//   quiz running: the frame after the first one whose layout held the widget's own
//   question (outside the painted screens), and whether the pick is checked there.
// - The static floor is the same article with the real first screen from the build
//   (FIRST.screens.en and FIRST.css, read from dist/client-checkup.js) in a declarative
//   shadow root: no script, no wasm. For the first question it also carries the first
//   question's markup (captured once from a live widget's shadow root) in a <template>,
//   which a 4-line inline script swaps in on Start.
// - Bytes: per file from dist/ (scripts/size.mjs: raw, gzip -9, brotli q11), and the widget
//   files Chromium fetched before first paint, the first question and the quiz running (Resource
//   Timing, body bytes as sent, i.e. brotli) as a check that nothing else is fetched.
// - The host article (phone profile only): the demo article made long (40 more
//   paragraphs) without the widget, with it at the end (far below the fold: lazy, the
//   default) and with it after the first paragraph with data-load="eager"; nothing is
//   clicked or scrolled. PerformanceObserver: `largest-contentful-paint` (the last entry),
//   `layout-shift` without `hadRecentInput` (summed; the largest sum of all loads),
//   `longtask` (over 50 ms) and `long-animation-frame`, whose script entries say which
//   main-thread work ran the widget's files, until the load event (and, eager, the
//   widget's `ready`) plus 1.5 s.
// - After Finish (phone profile): 5 quizzes to the review, with the plan module
//   prefetched, a second on the review as a reader would take; the probe clicks Finish in page and times, from the click, the start of
//   the animation frame after the first one whose layout held the verdict, and the plan.
// - Memory: a completed quiz with its plan shown, after a forced GC: the JS heap (CDP) and
//   each wasm instance's memory (the instances are kept by wrapping
//   WebAssembly.instantiate*, since the loader keeps none reachable).
// - Wasm by crate: scripts/wasm-size.mjs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { measure } from './size.mjs';
import { analyseAll } from './wasm-size.mjs';
import { cargoTargetDir } from './cargo-target.mjs';
import { launch, serve, DIST, ROOT } from '../tests/e2e/helpers.mjs';
import { Widget, SIGNALS, waitNamed } from '../tests/e2e/widget.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const QUICK = process.argv.includes('--quick');
const LOADS = QUICK ? Math.max(1, Number(arg('--loads', 3)) || 3) : Math.max(15, Number(arg('--loads', 15)) || 15);
const SKIP_RUST = QUICK || process.argv.includes('--skip-rust');
const SKIP_WASM_SIZE = process.argv.includes('--skip-wasm-size');
const LOAD_TIMEOUT = 60_000;

const median = (xs) => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!s.length) return NaN;
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const max = (xs) => xs.reduce((a, b) => Math.max(a, b), 0);
const kib = (n) => `${(n / 1024).toFixed(1)} KiB`;
const ms = (n) => (Number.isFinite(n) ? `${n.toFixed(0)} ms` : 'n/a');
const ratio = (n) => (Number.isFinite(n) ? `${n.toFixed(2)}×` : 'n/a');
const log = (s) => process.stderr.write(`${s}\n`);
const WIDGET_FILE = /\/client-checkup[^/]*\.(?:js|wasm)(?:[?#]|$)|\/snippets\//;

// ------------------------------------------------------------------ pages

/** The loader's build-time data: { css, screens: { lang: html }, texts, options }. */
function firstScreens() {
  const loader = fs.readFileSync(path.join(DIST, 'client-checkup.js'), 'utf8');
  const m = loader.match(/const FIRST = (\{.*\});\n/);
  if (!m) throw new Error('dist/client-checkup.js has no FIRST data: is it the loader from scripts/post-build.mjs?');
  return JSON.parse(m[1]);
}

const DEMO = () => fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
const PLACEHOLDER = /<div data-client-checkup[^>]*>[\s\S]*?<\/div>\s*<script src="\.\/client-checkup\.js"><\/script>/;
/** The demo article with the widget moved up, right after the byline, so that its first
 *  screen is in view on a phone-sized viewport from the first frame (in the demo it starts
 *  just below the fold): the page the load timings use, as it is for the widget and with the
 *  floor in its place. */
function widgetPage() {
  const demo = DEMO();
  const m = demo.match(PLACEHOLDER);
  const byline = /<p class="byline">[^<]*<\/p>/;
  if (!m || !byline.test(demo)) throw new Error('dist/index.html: the placeholder, loader script or byline were not found');
  return demo.replace(PLACEHOLDER, '').replace(byline, (b) => `${b}\n${m[0]}`);
}

/** The static floor: the same article with the real first screen (the build's own markup
 *  and stylesheet) in a declarative shadow root, where the loader paints it. With
 *  `question`, the first question's markup waits in a <template> and Start swaps it in. */
function floorPage(first, question) {
  const demo = widgetPage();
  const css = first.css.replaceAll('</style', '<\\/style');
  const template = question ? `<template data-cc-question>${question}</template>` : '';
  const swap = question
    ? `<script>(() => { const root = document.currentScript.previousElementSibling.shadowRoot;
  root.addEventListener('submit', (e) => { e.preventDefault(); const box = document.createElement('div');
  box.append(root.querySelector('template[data-cc-question]').content.cloneNode(true));
  root.querySelector('[data-cc-static]').replaceWith(box); }); })();</script>`
    : '';
  const widget = `<div data-client-checkup data-id="demo"><template shadowrootmode="open"><style>${css}</style>`
    + `<div data-cc-static>${first.screens.en}</div>${template}</template></div>${swap}`;
  return demo.replace(PLACEHOLDER, () => widget);
}

/** The host article, long (the widget far below the fold when it sits at the end), with
 *  the widget below the fold (lazy, the default), above it (`data-load="eager"`, after the
 *  first paragraph), or without it. */
function articlePage(where) {
  const demo = DEMO();
  const m = demo.match(PLACEHOLDER);
  if (!m) throw new Error('dist/index.html: the placeholder and loader script were not found');
  const widget = where === 'above' ? m[0].replace('data-client-checkup', 'data-client-checkup data-load="eager"') : m[0];
  const filler = Array.from({ length: 40 }, (_, i) => `<p>${i % 2 ? 'A steady client pays on time, answers within a day and keeps the scope they agreed to; when that changes, the change is worth writing down with its date, so that a pattern can be told from a bad week.' : 'Keep a short log: the date, what was asked, what it cost you in hours, and whether it was in the agreed scope. Three months of such notes make the decision clearer than any single memory of a difficult call.'}</p>`).join('\n');
  let page = demo.replace(PLACEHOLDER, '');
  const leave = '<h2>If you decide to leave</h2>';
  if (!page.includes(leave)) throw new Error('dist/index.html: the closing section was not found');
  page = page.replace(leave, () => `${filler}\n${where === 'below' ? widget : ''}\n${leave}`);
  if (where === 'above') {
    const byline = page.indexOf('</p>', page.indexOf('class="byline"'));
    const lead = page.indexOf('</p>', byline + 4) + 4; // after the first paragraph
    page = page.slice(0, lead) + widget + page.slice(lead);
  }
  return page;
}

// ------------------------------------------------------------------ page-side probes

/** Runs in the page before its scripts: marks first paint, ready and the first question,
 *  and clicks the painted Start at first paint when asked (see the header).
 *  - `paint`: the presentation time of the first screen's largest text (its intro
 *    paragraph), from the `largest-contentful-paint` entry whose element sits in a shadow
 *    root (on these pages it is the largest text in view); `paintFrame` is the start of the
 *    first animation frame whose layout holds the first screen, the fallback.
 *  - `clicked`: the animation frame after that one, i.e. once the screen was rendered.
 *  - `question`: the start of the animation frame after the first one whose layout held
 *    the first question's radio buttons, i.e. once that frame was rendered (no
 *    presentation time exists for it: the question is not the largest content). */
function probe({ click }) {
  const B = (window.__bench = { paint: null, paintFrame: null, paintBy: null, ready: null, question: null, clicked: null,
    step: null, picked: null, live: null, liveStep: null, kept: null });
  document.addEventListener('client-checkup:ready', () => { B.ready ??= performance.now(); }, { once: true });
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.element === null && B.paint === null) { B.paint = e.startTime; B.paintBy = 'lcp'; }
    }
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  const shown = (el) => el && el.getBoundingClientRect().height > 0;
  const QUESTION = 'section[data-step^="signal-"] input[type="radio"]';
  let seen = false;
  let asked = false;
  let running = false;
  const frame = () => {
    const now = performance.now();
    const root = document.querySelector('[data-client-checkup]')?.shadowRoot;
    if (root && seen && click && B.clicked === null) {
      const start = root.querySelector('[data-cc-static] [data-action="start"]');
      if (start) { start.click(); B.clicked = now; }
    }
    if (root && !seen && shown(root.querySelector('[data-cc-static] section[data-step="intro"]'))) {
      seen = true;
      B.paintFrame = now; // the start of the frame that renders it (a fallback only)
      // No LCP entry in a shadow root within 3 s: the frame time stands in.
      setTimeout(() => { if (B.paint === null) { B.paint = B.paintFrame; B.paintBy = 'frame'; } }, 3000);
    }
    if (asked && B.question === null) {
      B.question = now; // the frame after the question's
      // The visitor answers at once: "Often" on the first question, wherever it is.
      const radio = root.querySelector(`${QUESTION}[value="3"]`);
      B.picked = radio.closest('[data-question]').getAttribute('data-question');
      radio.click();
    }
    if (root && !asked) {
      const radio = root.querySelector(QUESTION);
      if (shown(radio)) {
        asked = true;
        B.step = radio.closest('section').getAttribute('data-step');
      }
    }
    // The quiz running: the first question in the widget's own markup (on the floor,
    // which paints nothing to take over, the same question).
    if (running && B.live === null) B.live = now;
    if (root && B.question !== null && !running) {
      const radio = [...root.querySelectorAll(QUESTION)].find((r) => !r.closest('[data-cc-static]'));
      if (shown(radio)) {
        running = true;
        B.liveStep = radio.closest('section').getAttribute('data-step');
        B.kept = Boolean(root.querySelector(`[data-question="${B.picked}"] input[value="3"]:checked`));
      }
    }
    if (!(seen && B.live !== null)) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** Runs in the host article before its scripts: LCP, CLS, long tasks and long animation
 *  frames (for attributing long tasks to scripts). */
function hostProbe() {
  const H = (window.__host = { lcp: null, lcpWhat: null, cls: 0, longtasks: [], loafs: [], ready: null });
  const what = (el) => {
    if (!el) return 'an element in a shadow root';
    const inShadow = el.getRootNode() instanceof ShadowRoot;
    return `${inShadow ? 'widget ' : ''}${el.tagName.toLowerCase()}${el.classList[0] ? `.${el.classList[0]}` : ''}`;
  };
  const watch = (type, fn) => {
    try { new PerformanceObserver((list) => list.getEntries().forEach(fn)).observe({ type, buffered: true }); } catch { /* unsupported */ }
  };
  watch('largest-contentful-paint', (e) => { H.lcp = e.startTime; H.lcpWhat = what(e.element); });
  watch('layout-shift', (e) => { if (!e.hadRecentInput) H.cls += e.value; });
  watch('longtask', (e) => H.longtasks.push({ start: e.startTime, duration: e.duration }));
  watch('long-animation-frame', (e) => H.loafs.push({
    start: e.startTime, duration: e.duration, render: e.renderStart ? e.startTime + e.duration - e.renderStart : 0,
    scripts: e.scripts.map((s) => ({ url: s.sourceURL, invoker: s.invoker, duration: s.duration, layout: s.forcedStyleAndLayoutDuration })),
  }));
  document.addEventListener('client-checkup:ready', () => { H.ready ??= performance.now(); }, { once: true });
}

/** Keeps every wasm instance the page creates (the loader keeps none reachable), so that
 *  their memories can be read after the quiz. */
function wasmProbe() {
  const keep = (result) => {
    const instance = result instanceof WebAssembly.Instance ? result : result?.instance;
    if (instance) (window.__wasm ??= []).push(instance);
    return result;
  };
  const { instantiate, instantiateStreaming } = WebAssembly;
  WebAssembly.instantiate = (...a) => instantiate.apply(WebAssembly, a).then(keep);
  if (instantiateStreaming) WebAssembly.instantiateStreaming = (...a) => instantiateStreaming.apply(WebAssembly, a).then(keep);
}

// ------------------------------------------------------------------ one cold load

async function coldPage(browser, profile, init, arg) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  if (profile.network) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, ...profile.network });
  }
  if (init) await page.addInitScript(init, arg);
  return { context, page };
}

/** One load of `url` with the probe; waits for the marks in `want`; returns them and the
 *  widget's files fetched before first paint and before the first question. */
async function timedLoad(browser, profile, url, { click, want }) {
  const { context, page } = await coldPage(browser, profile, probe, { click });
  try {
    const where = `${url} (${profile.name}${click ? ', Start clicked at first paint' : ''})`;
    await waitNamed(`${where} to start loading`, LOAD_TIMEOUT, () => page.goto(url, { waitUntil: 'commit', timeout: LOAD_TIMEOUT }));
    try {
      await page.waitForFunction((want) => want.every((k) => window.__bench?.[k] !== null), want,
        { timeout: LOAD_TIMEOUT, polling: 50 });
    } catch (e) {
      // Say which marks never came, and what the page had got to.
      const seen = await page.evaluate(() => window.__bench ?? null).catch(() => null);
      const missing = seen ? want.filter((k) => seen[k] === null) : want;
      throw new Error(`waited ${LOAD_TIMEOUT} ms for ${where} to record ${want.join(' + ')}; still missing: ${missing.join(', ')}`
        + ` (marks so far: ${JSON.stringify(seen)}): ${String(e?.message ?? e).split('\n')[0]}`, { cause: e });
    }
    return await page.evaluate((re) => {
      const widget = new RegExp(re);
      const B = window.__bench;
      const files = performance.getEntriesByType('resource').filter((r) => widget.test(r.name));
      const bytes = (until) => files.filter((r) => r.responseEnd <= until).reduce((t, r) => t + r.encodedBodySize, 0);
      const name = (r) => r.name.replace(/^.*\//, '').replace(/\?.*$/, '');
      return { ...B, bytesPaint: bytes(B.paint), bytesQuestion: B.question === null ? null : bytes(B.question),
        bytesLive: B.live === null ? null : bytes(B.live),
        files: files.map(name), filesQuestion: files.filter((r) => r.responseEnd <= (B.question ?? -1)).map(name) };
    }, WIDGET_FILE.source);
  } finally {
    await context.close();
  }
}

// ------------------------------------------------------------------ load timings

const KINDS = [
  { key: 'widget', url: `/bench-widget.html`, click: false, want: ['paint', 'ready'] },
  { key: 'floor', url: `/bench-floor.html`, click: false, want: ['paint'] },
  { key: 'widgetQ', url: `/bench-widget.html`, click: true, want: ['paint', 'question', 'live'] },
  { key: 'floorQ', url: `/bench-floor-question.html`, click: true, want: ['paint', 'question', 'live'] },
];

async function loadTimes(browser, base, profile) {
  const runs = Object.fromEntries(KINDS.map((k) => [k.key, []]));
  for (let i = 0; i < LOADS; i++) {
    // Alternate the order so that neither page always meets a warmer machine.
    const order = i % 2 ? [...KINDS].reverse() : KINDS;
    for (const k of order) runs[k.key].push(await timedLoad(browser, profile, base + k.url, k));
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  const pair = (a, b, key) => median(runs[a].map((r, i) => r[key] / runs[b][i][key]));
  const honoured = runs.widgetQ.filter((r) => r.liveStep === 'signal-time_drain').length;
  const byLcp = [...runs.widget, ...runs.floor].filter((r) => r.paintBy === 'lcp').length;
  return {
    paint: median(runs.widget.map((r) => r.paint)),
    floorPaint: median(runs.floor.map((r) => r.paint)),
    paintRatio: pair('widget', 'floor', 'paint'),
    paintFrame: median(runs.widget.map((r) => r.paintFrame)),
    floorPaintFrame: median(runs.floor.map((r) => r.paintFrame)),
    ready: median(runs.widget.map((r) => r.ready)),
    readyRatio: median(runs.widget.map((r, i) => r.ready / runs.floor[i].paint)),
    question: median(runs.widgetQ.map((r) => r.question)),
    floorQuestion: median(runs.floorQ.map((r) => r.question)),
    questionRatio: pair('widgetQ', 'floorQ', 'question'),
    live: median(runs.widgetQ.map((r) => r.live)),
    liveRatio: median(runs.widgetQ.map((r, i) => r.live / runs.floorQ[i].question)),
    kept: runs.widgetQ.filter((r) => r.kept).length,
    honoured,
    byLcp,
    bytesPaint: median(runs.widget.map((r) => r.bytesPaint)),
    bytesQuestion: median(runs.widgetQ.map((r) => r.bytesQuestion)),
    bytesLive: median(runs.widgetQ.map((r) => r.bytesLive)),
    filesLive: runs.widgetQ[0]?.files ?? [],
    filesQuestion: runs.widgetQ[0]?.filesQuestion ?? [],
  };
}

// ------------------------------------------------------------------ the host article

const ARTICLES = [
  { key: 'none', url: '/bench-article.html', title: 'without the widget' },
  { key: 'below', url: '/bench-article-below.html', title: 'widget below the fold (lazy)' },
  { key: 'above', url: '/bench-article-above.html', title: 'widget above the fold (eager)' },
];
/** Quiet time after load (and, for the eager widget, after it is ready) during which long
 *  tasks and shifts are still collected. */
const SETTLE_MS = 1500;

async function articleLoad(browser, profile, base, a) {
  const { context, page } = await coldPage(browser, profile, hostProbe);
  try {
    const where = `${a.url} (${a.title}, ${profile.name})`;
    await waitNamed(`${where} to fire its load event`, LOAD_TIMEOUT, () => page.goto(base + a.url, { waitUntil: 'load', timeout: LOAD_TIMEOUT }));
    if (a.key === 'above') {
      await waitNamed(`${where}: the eager widget to send client-checkup:ready without a scroll`, LOAD_TIMEOUT,
        () => page.waitForFunction(() => window.__host.ready !== null, null, { timeout: LOAD_TIMEOUT, polling: 100 }));
    }
    await page.waitForTimeout(SETTLE_MS);
    return await page.evaluate((re) => {
      const widget = new RegExp(re);
      const H = window.__host;
      const long = H.longtasks.filter((t) => t.duration > 50);
      // The widget's own main-thread work: the script entries of long animation frames
      // (frames over 50 ms) that ran the widget's files: the loader while the page is
      // parsed, the glue and the wasm it calls when the widget takes over.
      const isOurs = (s) => widget.test(s.url) || widget.test(s.invoker);
      const scripts = H.loafs.flatMap((f) => f.scripts).filter(isOurs);
      // The long frame that ran the widget's longest script: how long it was, and how much
      // of it was rendering (style, layout, paint) rather than script.
      const frame = H.loafs.filter((f) => f.scripts.some(isOurs))
        .sort((a, b) => Math.max(...b.scripts.filter(isOurs).map((x) => x.duration)) - Math.max(...a.scripts.filter(isOurs).map((x) => x.duration)))[0];
      const wasm = performance.getEntriesByType('resource').some((r) => /_bg\.wasm/.test(r.name));
      return {
        lcp: H.lcp, lcpWhat: H.lcpWhat, cls: H.cls, wasm,
        long: long.length, longest: long.reduce((m, t) => Math.max(m, t.duration), 0),
        tbt: long.reduce((sum, t) => sum + t.duration - 50, 0),
        widgetScript: scripts.reduce((m, s) => Math.max(m, s.duration), 0),
        widgetScriptTotal: scripts.reduce((sum, s) => sum + s.duration, 0),
        widgetFrame: frame?.duration ?? 0,
        widgetFrameRender: frame?.render ?? 0,
      };
    }, WIDGET_FILE.source);
  } finally {
    await context.close();
  }
}

async function hostArticle(browser, base, profile) {
  const runs = Object.fromEntries(ARTICLES.map((a) => [a.key, []]));
  for (let i = 0; i < LOADS; i++) {
    const order = ARTICLES.map((_, j) => ARTICLES[(i + j) % ARTICLES.length]); // rotate
    for (const a of order) runs[a.key].push(await articleLoad(browser, profile, base, a));
    process.stderr.write('.');
  }
  process.stderr.write('\n');
  const out = {};
  for (const a of ARTICLES) {
    const r = runs[a.key];
    const whats = [...new Set(r.map((x) => x.lcpWhat))];
    out[a.key] = {
      ...a,
      lcp: median(r.map((x) => x.lcp)),
      lcpDelta: a.key === 'none' ? 0 : median(r.map((x, i) => x.lcp / runs.none[i].lcp - 1)),
      lcpWhat: whats.join(' / '),
      cls: max(r.map((x) => x.cls)),
      long: median(r.map((x) => x.long)),
      longest: median(r.map((x) => x.longest)),
      tbt: median(r.map((x) => x.tbt)),
      widgetScript: median(r.map((x) => x.widgetScript)),
      widgetScriptMax: max(r.map((x) => x.widgetScript)),
      widgetScriptOver: r.filter((x) => x.widgetScript > 50).length,
      widgetFrame: median(r.map((x) => x.widgetFrame)),
      widgetFrameRender: median(r.map((x) => x.widgetFrameRender)),
      wasmLoads: r.filter((x) => x.wasm).length,
      loads: r.length,
    };
  }
  return out;
}

// ------------------------------------------------------------------ the first question's markup

/** The widget's own markup of the first question: a live widget, Start, its section. */
async function captureFirstQuestion(browser, base) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await waitNamed('the demo article to load (to capture the first question)', LOAD_TIMEOUT,
    () => page.goto(`${base}/index.html`, { timeout: LOAD_TIMEOUT }));
  const w = await new Widget(page).ready();
  await w.start();
  const html = await w.section.evaluate((s) => s.outerHTML);
  await context.close();
  if (!/data-step="signal-/.test(html) || !/type="radio"/.test(html)) throw new Error('the captured first question has no radio buttons');
  return html;
}

// ------------------------------------------------------------------ memory

async function memoryAfterQuiz(browser, base) {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  const page = await context.newPage();
  await page.addInitScript(wasmProbe);
  await waitNamed('the demo article to load (to measure memory)', LOAD_TIMEOUT,
    () => page.goto(`${base}/index.html`, { timeout: LOAD_TIMEOUT }));
  const w = await new Widget(page).ready();
  await w.complete({
    signals: Object.fromEntries(SIGNALS.map((s) => [s, ['losing_money', 'time_drain'].includes(s) ? '3' : '1'])),
    context: { contract: 'open_ended', notice_days: '30', open_work: 'yes', unpaid: 'yes' },
  });
  await w.openPlan();
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('Performance.enable');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const heap = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  const wasm = await page.evaluate(() => {
    const size = (pick) => (window.__wasm ?? []).filter((i) => pick in i.exports)
      .reduce((t, i) => t + (i.exports.memory?.buffer?.byteLength ?? 0), 0);
    return { quiz: size('mount_element'), plan: size('render'), instances: (window.__wasm ?? []).length };
  });
  await context.close();
  return { heap, wasm };
}

// ------------------------------------------------------------------ result after Finish

/** Rounds of the Finish timing (each a full quiz on the phone profile). */
const FINISH_LOADS = QUICK ? 1 : 5;
/** How long the probe stays on the review before Finish: a visitor reads it (the widget
 *  builds the plan there when the browser is idle). */
const REVIEW_MS = 1000;

/** One quiz on `profile` up to the review, with the plan module fetched (it is prefetched
 *  when the browser is idle after the first question); then Finish is clicked in page and
 *  the times are the start of the animation frame after the first one whose layout held
 *  the verdict, and the plan document, measured from the click. */
async function finishTime(browser, base, profile) {
  const { context, page } = await coldPage(browser, profile);
  try {
    await waitNamed('the demo article to load (to time Finish)', LOAD_TIMEOUT,
      () => page.goto(`${base}/index.html`, { timeout: LOAD_TIMEOUT }));
    const w = await new Widget(page).ready();
    await w.start();
    await w.answerSignals(Object.fromEntries(SIGNALS.map((s) => [s, ['losing_money', 'abuse'].includes(s) ? '3' : '1'])));
    await w.rate();
    await w.context({ contract: 'open_ended', notice_days: '30', open_work: 'yes', unpaid: 'yes' });
    await w.review();
    await waitNamed('the plan module to be prefetched before Finish', LOAD_TIMEOUT, () => page.waitForFunction(
      () => performance.getEntriesByType('resource').some((r) => /client-checkup-plan-[0-9a-f]+_bg\.wasm/.test(r.name)),
      null, { timeout: LOAD_TIMEOUT, polling: 100 }));
    await page.waitForTimeout(REVIEW_MS); // a visitor reads the review before Finish
    return await page.evaluate((limit) => new Promise((resolve, reject) => {
      const root = document.querySelector('[data-client-checkup]').shadowRoot;
      const shown = (sel) => root.querySelector(sel)?.getBoundingClientRect().height > 0;
      const t = { result: null, plan: null };
      const seen = { result: false, plan: false };
      const look = { result: 'section[data-step="result"] [data-verdict]', plan: 'section[data-step="result"] .cc-plan[data-plan-kind]' };
      const t0 = performance.now();
      root.querySelector('[data-action="finish"]').click();
      const give = setTimeout(() => reject(new Error(`no ${Object.keys(t).filter((k) => t[k] === null).join(' and ')} within ${limit} ms of Finish`)), limit);
      const frame = () => {
        const now = performance.now();
        for (const k of Object.keys(t)) {
          if (seen[k] && t[k] === null) t[k] = now - t0;
          if (!seen[k] && shown(look[k])) seen[k] = true;
        }
        if (t.result !== null && t.plan !== null) { clearTimeout(give); resolve(t); } else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    }), LOAD_TIMEOUT);
  } finally {
    await context.close();
  }
}

export async function finishTimes(browser, base, profile) {
  const runs = [];
  for (let i = 0; i < FINISH_LOADS; i++) { runs.push(await finishTime(browser, base, profile)); process.stderr.write('.'); }
  process.stderr.write('\n');
  return { result: median(runs.map((r) => r.result)), resultMax: max(runs.map((r) => r.result)),
    plan: median(runs.map((r) => r.plan)), planMax: max(runs.map((r) => r.plan)), n: runs.length };
}

// ------------------------------------------------------------------ Rust timings

function rustTimings() {
  const env = { ...process.env, PATH: `${ROOT}/node_modules/.bin:${os.homedir()}/.cargo/bin:${process.env.PATH}` };
  const native = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--release', '--example', 'bench'], { cwd: ROOT, env, encoding: 'utf8' }).trim().split('\n').pop());
  // In a target directory of its own: a wasm test build unifies the dev-dependencies'
  // features (yew's "test") into the widget's binaries, and would leave those in place of
  // the release build that dist/ and scripts/wasm-size.mjs come from.
  const out = execFileSync('cargo', ['test', '--release', '--target', 'wasm32-unknown-unknown', '--test', 'web',
    'assess_and_plan_in_the_browser', '--', '--nocapture'], {
    cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...env, CARGO_TARGET_DIR: path.join(cargoTargetDir(ROOT), 'bench-wasm-test'),
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER: 'wasm-bindgen-test-runner', CHROMEDRIVER: process.env.CHROMEDRIVER || '/usr/bin/chromedriver' },
  });
  const line = out.split('\n').find((l) => l.includes('BENCH {'));
  const browser = line ? JSON.parse(line.slice(line.indexOf('{'))) : {};
  return { native, browser };
}

// ------------------------------------------------------------------ main

export { firstScreens, widgetPage, floorPage, articlePage, probe, hostProbe, wasmProbe, coldPage, timedLoad, articleLoad, captureFirstQuestion };

async function main() {
  if (!fs.existsSync(path.join(DIST, 'client-checkup.js'))) {
    console.error('dist/ missing: run `bash scripts/bench.sh` (it builds first)');
    process.exit(2);
  }
  const began = Date.now();
  const loadStart = os.loadavg();
  if (loadStart[0] > 0.5 * os.cpus().length) {
    log(`note: the load average is ${loadStart[0].toFixed(2)} on ${os.cpus().length} cores: other work is running, and the timings will show it (the table prints the load average)`);
  }
  const sizes = measure();
  const first = firstScreens();
  const pages = {
    '/bench-widget.html': widgetPage(),
    '/bench-floor.html': floorPage(first, null),
    '/bench-article.html': articlePage('none'),
    '/bench-article-below.html': articlePage('below'),
    '/bench-article-above.html': articlePage('above'),
  };
  const server = await serve(DIST, { pages, headers: { 'cache-control': 'no-store' }, compress: true });
  const browser = await launch();
  log('capturing the first question from a live widget…');
  pages['/bench-floor-question.html'] = floorPage(first, await captureFirstQuestion(browser, server.url));

  const profiles = [
    { key: 'loopback', name: 'loopback', cpu: 1 },
    { key: 'phone', name: 'phone (4× CPU, 4G: 20 ms, 9 Mbit/s)', cpu: 4, network: { latency: 20, downloadThroughput: 9e6 / 8, uploadThroughput: 3e6 / 8 } },
  ];
  // One unmeasured load of every page first, so that the server's brotli cache is warm and
  // every measured load pays only for transfer, as from a host serving static files.
  for (const k of KINDS) await timedLoad(browser, profiles[0], server.url + k.url, k);
  for (const a of ARTICLES) await articleLoad(browser, profiles[0], server.url, a);

  const loads = [];
  for (const p of profiles) {
    log(`widget and static floor, ${LOADS} rounds of 4 cold loads (${p.name})`);
    loads.push({ ...p, ...(await loadTimes(browser, server.url, p)) });
  }
  const phone = profiles[1];
  log(`host article without / with the widget below / above the fold, ${LOADS} rounds of 3 cold loads (${phone.name})`);
  const host = await hostArticle(browser, server.url, phone);
  log(`the result and the plan after Finish, ${FINISH_LOADS} quizzes (${phone.name})`);
  const finish = await finishTimes(browser, server.url, phone);
  log('memory after a completed quiz…');
  const memory = await memoryAfterQuiz(browser, server.url);
  const chromium = browser.version();
  const loadEnd = os.loadavg();
  await browser.close();
  await server.close();
  let crates = null;
  if (!SKIP_WASM_SIZE) {
    log('wasm size by crate (wasm-bindgen --keep-debug, wasm-opt -Oz -g, twiggy)…');
    crates = analyseAll();
  }
  let rust = null;
  if (!SKIP_RUST) {
    log('timing assessment + plan (native and in the browser)…');
    rust = rustTimings();
  }

  // ------------------------------------------------------------------ the tables

  const budget = JSON.parse(fs.readFileSync(path.join(ROOT, 'size-budget.json'), 'utf8'));
  const pct = (x) => (Number.isFinite(x) ? `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %` : 'n/a');
  const table = (head, align, rows) => {
    console.log(`| ${head.join(' | ')} |`);
    console.log(`|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`);
    for (const r of rows) console.log(`| ${r.join(' | ')} |`);
    console.log();
  };
  const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
  const loadavg = (l) => l.map((x) => x.toFixed(2)).join(' / ');
  console.log(`Measured ${new Date().toISOString().slice(0, 10)} on ${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, `
    + `${os.type()} ${os.release()}, headless Chromium ${chromium}, node ${process.version}; `
    + `${LOADS} cold loads of each page per profile${QUICK ? ' (--quick: a smoke run, not a measurement)' : ''}; `
    + `load average (1 / 5 / 15 min) ${loadavg(loadStart)} at the start, ${loadavg(loadEnd)} after the browser runs.\n`);

  // Bytes.
  console.log('**Bytes** (dist/, per file raw · gzip -9 · brotli q11; scripts/size.mjs)\n');
  const fileCell = (r) => [r.raw, r.gzip, r.brotli];
  const sizeRows = [];
  const within = (n, max) => `CI budget ${max} (size-budget.json): ${n <= max ? 'within' : '**EXCEEDED**'}`;
  const group = (title, g, target) => {
    for (const r of g.rows) sizeRows.push([`${title}: ${r.name}`, ...fileCell(r), '']);
    sizeRows.push([`**${title}, total**`, g.total.raw, g.total.gzip, `**${g.total.brotli}** (${kib(g.total.brotli)})`, target]);
  };
  group('before first paint and before the first question (painted)', sizes.paint,
    `≤ 102400 (100 KiB) target; ${within(sizes.paint.total.brotli, budget.first_question_brotli_max)}`);
  group('before the quiz runs (the widget\'s own first question; every later step)', sizes,
    within(sizes.total.brotli, budget.quiz_brotli_max));
  group('plan module (prefetched when idle after the first question)', sizes.plan, '');
  table(['bytes', 'raw', 'gzip -9', 'brotli', 'target'], ['l', 'r', 'r', 'r', 'l'], sizeRows);
  const ph = loads.find((l) => l.key === 'phone');
  console.log(`Widget files Chromium fetched before the first question was answerable (phone, first load): ${ph.filesQuestion.join(', ') || 'none'}; `
    + `${Math.round(ph.bytesQuestion)} B as sent (brotli, median); before first paint ${Math.round(ph.bytesPaint)} B; `
    + `before the quiz ran ${Math.round(ph.bytesLive)} B (${ph.filesLive.join(', ')}).\n`);

  // Load times.
  console.log(`**Load times**: median of ${LOADS} interleaved cold loads of each page, widget against the static floor `
    + '(the same article with the first screen as static markup); ratio = median of the per-pair ratios\n');
  const timeRows = [];
  for (const l of loads) {
    timeRows.push([`first paint of the first screen, ${l.name}`, ms(l.paint), ms(l.floorPaint), `**${ratio(l.paintRatio)}**`, '≤ 1.2×',
      `${l.byLcp < 2 * LOADS ? `LCP entry in ${l.byLcp}/${2 * LOADS} loads, else frame start; ` : ''}start of the frame that renders it: ${ms(l.paintFrame)} / ${ms(l.floorPaintFrame)}`]);
    timeRows.push([`first screen usable (\`client-checkup:ready\`), ${l.name}`, ms(l.ready), ms(l.floorPaint), ratio(l.readyRatio), '',
      'against the floor\'s first paint; a click before it is queued, not lost']);
    timeRows.push([`first question answerable after a click on Start at first paint, ${l.name}`, ms(l.question), ms(l.floorQuestion),
      `**${ratio(l.questionRatio)}**`, '≤ 1.5×', 'painted by the loader; an answer is picked in the next frame']);
    timeRows.push([`the quiz running: the widget's own first question, ${l.name}`, ms(l.live), ms(l.floorQuestion),
      ratio(l.liveRatio), '', `Start honoured in ${l.honoured}/${LOADS}; the answer picked on the painted question kept in ${l.kept}/${LOADS}`]);
  }
  table(['measure', 'widget', 'static floor', 'ratio', 'target', 'note'], ['l', 'r', 'r', 'r', 'l', 'l'], timeRows);
  console.log(`**After Finish** (phone profile, the plan module already prefetched; median and largest of ${finish.n} quizzes, from the click)\n`);
  table(['measure', 'median', 'largest', 'target'], ['l', 'r', 'r', 'l'], [
    ['the result (verdict) on screen', `**${ms(finish.result)}**`, ms(finish.resultMax), '≤ 100 ms'],
    ['the plan on screen', `**${ms(finish.plan)}**`, ms(finish.planMax), '≤ 100 ms'],
  ]);

  // The host article.
  console.log(`**Host article** (phone profile; the article made long; median of ${LOADS} cold loads of each, nothing clicked or scrolled)\n`);
  const h = (k) => host[k];
  const cols = ARTICLES.map((a) => a.key);
  const hostRows = [
    ['LCP', ...cols.map((k) => ms(h(k).lcp)), ''],
    ['LCP against the article without the widget (median of per-round ratios)', ...cols.map((k) => (k === 'none' ? '–' : `**${pct(h(k).lcpDelta)}**`)), 'within 5 %'],
    ['LCP element', ...cols.map((k) => h(k).lcpWhat), ''],
    ['CLS (largest of all loads)', ...cols.map((k) => `**${h(k).cls.toFixed(3)}**`), '0'],
    ['long tasks > 50 ms: count, longest, total blocking time', ...cols.map((k) => `${h(k).long}, ${ms(h(k).longest)}, ${ms(h(k).tbt)}`), ''],
    ['the widget\'s longest script run in one task (the loader; glue + wasm at take-over): median (largest; loads over 50 ms)',
      ...cols.map((k) => (k === 'none' ? '–' : `**${ms(h(k).widgetScript)}** (${ms(h(k).widgetScriptMax)}; ${h(k).widgetScriptOver}/${h(k).loads})`)), '≤ 50 ms'],
    ['the long animation frame around that run: length, of which rendering', ...cols.map((k) => (k === 'none' ? '–' : `${ms(h(k).widgetFrame)}, ${ms(h(k).widgetFrameRender)}`)), ''],
    ['loads that fetched the wasm', ...cols.map((k) => `${h(k).wasmLoads}/${h(k).loads}`), 'none below the fold'],
  ];
  table(['measure', ...ARTICLES.map((a) => a.title), 'target'], ['l', 'r', 'r', 'r', 'l'], hostRows);

  // Run time and memory.
  const runRows = [];
  if (rust) {
    const n = rust.native;
    runRows.push(['assessment + plan, native (en / cs)', `${n.en.assess_plan_us.toFixed(0)} µs / ${n.cs.assess_plan_us.toFixed(0)} µs`, '≤ 1 ms']);
    if (rust.browser.browser_assess_plan_us !== undefined) runRows.push(['assessment + plan, in Chromium (wasm, en)', `${rust.browser.browser_assess_plan_us.toFixed(0)} µs`, '≤ 1 ms']);
    runRows.push(['render Markdown / calendar / PDF, native (en)', `${n.en.markdown_us.toFixed(0)} µs / ${n.en.ics_us.toFixed(0)} µs / ${(n.en.pdf_us / 1000).toFixed(2)} ms`, '']);
  }
  runRows.push(['wasm memory after a completed quiz with its plan: quiz module / plan module', `${kib(memory.wasm.quiz)} / ${kib(memory.wasm.plan)}`, '']);
  runRows.push(['JS heap after a completed quiz with its plan (after GC)', kib(memory.heap), '']);
  console.log('**Run time and memory**\n');
  table(['measure', 'result', 'target'], ['l', 'r', 'l'], runRows);

  if (crates) {
    // One table, both modules: the crates of either above 1 %, the rest summed.
    const [quiz, plan] = crates;
    const share = (m, c) => m.crates.find((x) => x.crate === c);
    const names = [...new Set([...quiz.crates, ...plan.crates].filter((c) => c.share >= 0.01).map((c) => c.crate))]
      .sort((a, b) => ((share(quiz, b)?.bytes ?? 0) + (share(plan, b)?.bytes ?? 0)) - ((share(quiz, a)?.bytes ?? 0) + (share(plan, a)?.bytes ?? 0)));
    const cell = (m, c) => { const x = share(m, c); return x ? [x.bytes, `${(x.share * 100).toFixed(1)} %`] : ['–', '–']; };
    const restCell = (m) => {
      const b = m.crates.filter((c) => !names.includes(c.crate)).reduce((t, c) => t + c.bytes, 0);
      return [b, `${((b / m.itemsBytes) * 100).toFixed(1)} %`];
    };
    const shipped = (m) => `${m.shippedBytes} B shipped${m.reproduced ? ', reproduced byte for byte by the same steps without names' : ', NOT reproduced: dist/ is older than the sources'}`;
    console.log(`**Wasm size by crate**: the release build with names kept (wasm-bindgen --keep-debug, wasm-opt -Oz -g), twiggy top, grouped by the first path segment of each item's name (scripts/wasm-size.mjs). Quiz module ${shipped(quiz)}; plan module ${shipped(plan)}. Shares are of the named build without its name section (${quiz.itemsBytes} B and ${plan.itemsBytes} B), uncompressed.\n`);
    table(['crate', 'quiz module bytes', 'share', 'plan module bytes', 'share'], ['l', 'r', 'r', 'r', 'r'], [
      ...names.map((c) => [c, ...cell(quiz, c), ...cell(plan, c)]),
      ['everything else', ...restCell(quiz), ...restCell(plan)],
      ['**total**', quiz.itemsBytes, '100 %', plan.itemsBytes, '100 %'],
    ]);
  }
  log(`bench finished in ${((Date.now() - began) / 60000).toFixed(1)} min`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();

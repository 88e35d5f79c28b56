// Shared pieces of the end-to-end tests: the browser, the built site, axe, error
// watching. The widget itself is driven through the page object in `widget.mjs`.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { serve } from './server.mjs';
import { TIMEOUT, LOAD_TIMEOUT } from './widget.mjs';

const require = createRequire(import.meta.url);
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const ARTIFACTS = path.join(ROOT, 'tests/e2e/artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-quic',
  '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function launch() {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: CHROMIUM_ARGS });
}

export { serve };

/** Serves dist/ for one test file; resolves to the server. */
export function serveDist(opts = {}) {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ is missing: run trunk build --release first');
  return serve(DIST, opts);
}

/** A fresh browser context and page with short default timeouts (so no Playwright call
 *  can sit for 30 s), its errors watched, optionally already at `url`.
 *  `init` runs in the page before any of its scripts (e.g. to break storage). */
export async function openPage(browser, url, { init, ...contextOptions } = {}) {
  const context = await browser.newContext(contextOptions);
  context.setDefaultTimeout(TIMEOUT);
  context.setDefaultNavigationTimeout(LOAD_TIMEOUT);
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const errors = watchErrors(page);
  if (url) await page.goto(url);
  return { context, page, errors };
}

/** Saves a download under `dir` and a copy in the artifacts folder; returns its name and path. */
export async function saveDownload(download, dir) {
  const name = download.suggestedFilename();
  const file = path.join(dir, name);
  await download.saveAs(file);
  fs.copyFileSync(file, path.join(ARTIFACTS, name));
  return { name, file };
}

/** Runs axe-core on the page (shadow roots included); returns WCAG 2.x A/AA violations. */
export async function axe(page) {
  const has = await page.evaluate(() => typeof window.axe !== 'undefined');
  if (!has) await page.addScriptTag({ path: require.resolve('axe-core/axe.min.js') });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
  }));
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Collects page errors, console errors and failed responses; assert it is empty at the end of a test. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(`console: ${m.text()} ${m.location()?.url ?? ''}`); });
  page.on('response', (r) => { if (r.status() >= 400) errors.push(`HTTP ${r.status()} ${r.url()}`); });
  return errors;
}

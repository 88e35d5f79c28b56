// The built widget served as a blog would: the demo article from dist/ (with the test
// harness in its head) on 127.0.0.1, and for the cross-origin cases the widget's files on
// a second origin (localhost, another port, CORS on) with blog pages of our own.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../e2e/server.mjs';
import { withHarness } from './harness.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const ARTIFACTS = path.join(ROOT, 'tests/engines/artifacts');
fs.mkdirSync(ARTIFACTS, { recursive: true });

/** Starts the servers. `page(path, html, harnessOptions)` adds a page on the blog origin
 *  (with the harness); `demo(harnessOptions)` returns the URL of the demo article. */
export async function startSite() {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ is missing: run trunk build --release first');
  const demoHtml = fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
  const pages = { '/favicon.ico': '' };
  // Held files: a request for a path matching one waits until that hold is released.
  const holds = new Set();
  const hold = (pathname) => [...holds].find((h) => h.pattern.test(pathname))?.gate(pathname);
  const assets = await serve(DIST, { host: 'localhost', headers: { 'access-control-allow-origin': '*' }, hold });
  const blog = await serve(DIST, { pages, hold });
  let n = 0;
  return {
    assets, blog,
    /** Holds every response for a path matching `pattern` (a slow network) until
     *  `release()`; `held` lists the paths asked for meanwhile. */
    hold(pattern) {
      let release;
      const released = new Promise((resolve) => { release = resolve; });
      const h = { pattern, held: [], gate: (p) => { h.held.push(p); return released; } };
      h.release = () => { holds.delete(h); release(); };
      holds.add(h);
      return h;
    },
    page(html, harnessOptions) {
      const p = `/page-${n++}.html`;
      pages[p] = withHarness(html, harnessOptions);
      return `${blog.url}${p}`;
    },
    demo(harnessOptions) { return this.page(demoHtml, harnessOptions); },
    /** Requests for files that do not exist in dist/ (pages aside). */
    missing() {
      return [...assets.requests, ...blog.requests]
        .filter((r) => !Object.hasOwn(pages, r.path) && !fs.existsSync(path.join(DIST, decodeURIComponent(r.path))))
        .map((r) => r.path);
    },
    async close() { for (const h of [...holds]) h.release(); await assets.close(); await blog.close(); },
  };
}

/** A blog article around `body`, as a page on another origin than the widget's files. */
export const article = (body, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Blog</title>${head}</head>
<body><h1>A blog post</h1><p id="before">Some text before.</p>${body}<p id="after">Some text after.</p></body></html>`;

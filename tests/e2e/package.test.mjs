// The npm package, as an owner gets it from a CDN: the tarball `npm pack` makes from dist/
// (./scripts/test.sh packs it and passes it in CLIENT_CHECKUP_PACKAGE; run alone, this file
// packs it itself), unpacked into a temporary folder and served as an npm CDN serves a
// pinned version (another origin, /npm/<name>@<version>/, CORS, a year's cache, brotli).
// A blog embeds two widgets from it and both reach a verdict; the package's own terminal
// check finds the CDN clean; a wasm from another version is refused with the widget's
// failure message.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile, execFileSync } from 'node:child_process';
import { launch, serve, DIST, ROOT, openPage } from './helpers.mjs';
import { Widget, text, waitForLocator } from './widget.mjs';
import { wasmVersion } from '../../embed/host-check.js';

const CRATE_VERSION = fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
const CDN_HEADERS = { 'access-control-allow-origin': '*', 'cache-control': 'public, max-age=31536000, immutable' };

let browser, tmp, tarball, pkgDir, manifest, files, cdn, cdnBase;
before(async () => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-package-'));
  tarball = process.env.CLIENT_CHECKUP_PACKAGE;
  if (!tarball) {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', DIST, '--pack-destination', tmp, '--ignore-scripts', '--json'],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }));
    tarball = path.join(tmp, packed.filename);
  }
  files = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((f) => f.replace(/^package\//, '')).sort();
  manifest = JSON.parse(execFileSync('tar', ['-xzOf', tarball, 'package/package.json'], { encoding: 'utf8' }));
  // Where an npm CDN puts a pinned version.
  pkgDir = path.join(tmp, 'cdn', 'npm', `${manifest.name}@${manifest.version}`);
  fs.mkdirSync(pkgDir, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', pkgDir, '--strip-components=1']);
  browser = await launch();
  cdn = await serve(path.join(tmp, 'cdn'), { host: 'localhost', headers: CDN_HEADERS, compress: true });
  cdnBase = `${cdn.url}/npm/${manifest.name}@${manifest.version}/`;
});
after(async () => {
  await browser?.close();
  await cdn?.close();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

test('the tarball: the crate\'s version, the widget\'s files, the builder, no demo article', () => {
  assert.equal(manifest.name, 'client-checkup-widget');
  assert.equal(manifest.version, CRATE_VERSION, 'the package version is the crate version');
  assert.equal(manifest.main, 'client-checkup.js');
  assert.equal(manifest.private, undefined, 'publishable');
  const has = (re, what) => assert.ok(files.some((f) => re.test(f)), `${what} in ${files.join(', ')}`);
  for (const f of ['package.json', 'README.md', 'CHANGELOG.md', 'client-checkup.js', 'embed.html', 'embed.js', 'embed.css',
    'client-checkup-frame.js', 'builder.html', 'builder.js', 'builder.css', 'host-check.js', 'check-host.mjs',
    'fonts/checkup-sans.ttf', 'fonts/LICENSE-DejaVu.txt']) {
    assert.ok(files.includes(f), `${f} in the package`);
  }
  has(/^client-checkup-[0-9a-f]{8,16}\.js$/, 'the quiz module glue');
  has(/^client-checkup-[0-9a-f]{8,16}_bg\.wasm$/, 'the quiz module');
  has(/^client-checkup-plan-[0-9a-f]{8,16}_bg\.wasm$/, 'the plan module');
  has(/^snippets\/.+\.js$/, 'the glue\'s snippets');
  for (const lang of ['en', 'ca', 'cs', 'pl', 'ru']) has(new RegExp(`^i18n/${lang}/ui\\.json$`), `the ${lang} texts`);
  for (const f of files) assert.doesNotMatch(f, /^index\.html$|^demo-|^favicon/, `the demo article stays out (${f})`);

  // Every module in it carries the package's version, and so does the loader.
  for (const f of files.filter((x) => x.endsWith('.wasm'))) {
    assert.equal(wasmVersion(fs.readFileSync(path.join(pkgDir, f))), CRATE_VERSION, f);
  }
  assert.match(fs.readFileSync(path.join(pkgDir, 'client-checkup.js'), 'utf8'), new RegExp(`version: '${CRATE_VERSION.replace(/\./g, '\\.')}'`));

  // The README shows pinned CDN addresses and says why; the changelog has this version.
  const readme = fs.readFileSync(path.join(pkgDir, 'README.md'), 'utf8');
  assert.ok(readme.includes(`https://cdn.jsdelivr.net/npm/${manifest.name}@${CRATE_VERSION}/client-checkup.js`));
  assert.ok(readme.includes(`https://unpkg.com/${manifest.name}@${CRATE_VERSION}/client-checkup.js`));
  assert.match(readme, /### Pin the exact version/);
  assert.doesNotMatch(readme, /__NAME__|__VERSION__/);
  assert.match(fs.readFileSync(path.join(pkgDir, 'CHANGELOG.md'), 'utf8'), new RegExp(`^## \\[${CRATE_VERSION.replace(/\./g, '\\.')}\\] - \\d{4}-\\d{2}-\\d{2}$`, 'm'));
  assert.ok(fs.readFileSync(path.join(pkgDir, 'builder.js'), 'utf8').includes(`'${manifest.name}'`), 'the builder names this package');
});

/** A blog post on 127.0.0.1 that loads the widget from the CDN; resolves to the server. */
function blog(body) {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blog</title><link rel="icon" href="/favicon.ico"></head>
<body><h1>A post</h1>${body}<script src="${cdnBase}client-checkup.js"></script></body></html>`;
  return serve(tmp, { pages: { '/post.html': html, '/favicon.ico': '' } });
}

test('served from a second origin as an npm CDN would: two widgets on a blog both reach a verdict', async () => {
  const post = await blog(`<div data-client-checkup data-lang="cs" data-id="one"></div>
    <div data-client-checkup data-lang="en" data-id="two" data-theme="dark"></div>`);
  const { page, errors, context } = await openPage(browser, `${post.url}/post.html`, { viewport: { width: 1280, height: 900 } });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const cs = await new Widget(page, { nth: 0, lang: 'cs' }).ready();
  const en = await new Widget(page, { nth: 1, lang: 'en' }).ready();
  assert.equal(await cs.complete({ signals: { poor_communication: '3', time_drain: '3' } }), 'repair');
  assert.equal(await en.complete(), 'keep');
  await cs.openPlan(); // the plan module, from the CDN too
  assert.deepEqual(errors, []);
  const offCdn = requests.filter((u) => !u.startsWith(cdnBase) && !u.startsWith(`${post.url}/`));
  assert.deepEqual(offCdn, [], 'every widget file came from the pinned CDN folder');
  assert.ok(requests.some((u) => u.startsWith(cdnBase) && u.endsWith('_bg.wasm')), 'the wasm came from the CDN');
  assert.deepEqual(post.requests.map((r) => r.path).filter((p) => p !== '/post.html' && p !== '/favicon.ico'), [], 'nothing from the blog\'s own host');
  await context.close(); await post.close();
});

test('the package\'s own terminal check finds the CDN clean', async () => {
  const out = await new Promise((resolve) => {
    execFile(process.execPath, [path.join(pkgDir, manifest.bin['client-checkup-check-host']), cdnBase, '--json', '--strict'], { timeout: 60_000 },
      (error, stdout) => resolve({ code: error ? error.code : 0, stdout }));
  });
  const report = JSON.parse(out.stdout);
  const notOk = report.files.flatMap((f) => f.checks.filter((c) => c.level !== 'ok').map((c) => `${f.key}.${c.aspect}=${c.level}: ${c.message}`));
  assert.deepEqual(notOk, [], 'a pinned CDN address may cache even the stable names for a year');
  assert.equal(out.code, 0);
});

test('a wasm of another version is refused with the widget\'s failure message', async () => {
  const post = await blog('<div data-client-checkup data-id="a"></div><div data-client-checkup data-id="b"></div>');
  const { page, context } = await openPage(browser, null, { viewport: { width: 1280, height: 900 } });
  const consoleErrors = [];
  page.on('console', (m) => { if (m.type() === 'error') consoleErrors.push(m.text()); });
  // A CDN, proxy or half-finished upload hands over a module built as another version.
  const other = CRATE_VERSION.replace(/\d/g, (d) => String((Number(d) + 1) % 10));
  await page.route(/\/client-checkup-[0-9a-f]{8,16}_bg\.wasm$/, async (route) => {
    const body = Buffer.from(await (await route.fetch()).body());
    body.write(other, body.length - CRATE_VERSION.length);
    assert.equal(wasmVersion(body), other);
    await route.fulfill({ status: 200, headers: { 'content-type': 'application/wasm', 'access-control-allow-origin': '*' }, body });
  });
  await page.goto(`${post.url}/post.html`);
  const alerts = page.locator('[data-client-checkup]').getByRole('alert');
  await waitForLocator(alerts.nth(1), 'the failure message in both widgets');
  assert.equal(await alerts.count(), 2);
  assert.equal(await alerts.first().locator('p').innerText(), text('en', 'ui.failed'));
  assert.ok(consoleErrors.some((e) => e.includes(`the loader is version ${CRATE_VERSION} but the wasm is version ${other}`)), consoleErrors.join('\n'));
  await context.close(); await post.close();
});

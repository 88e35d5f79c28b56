// The host check, in a terminal (scripts/check-host.mjs) and in the builder ("Check my
// host"), against local hosts that each get one thing wrong on purpose (the wasm's MIME
// type, CORS, compression, a missing font) and one that gets everything right: each
// problem is reported with its fix, the right host comes out clean, and the page's check
// sends nothing anywhere but the host it checks.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { launch, serve, DIST, ROOT, openPage, ARTIFACTS } from './helpers.mjs';
import { Builder } from './builder.mjs';
import { assetBase, judge, wasmVersion, filesFor, readLoader, VERSION_SECTION } from '../../embed/host-check.js';

const CORS = 'access-control-allow-origin';
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm)$/;
/** What a well-configured host sends: CORS, a year for hashed names, an hour for the rest. */
const right = (p) => ({ [CORS]: '*', 'cache-control': HASHED.test(p) ? 'public, max-age=31536000, immutable' : 'public, max-age=3600' });

let browser, noFontRoot;
const hosts = {};
before(async () => {
  browser = await launch();
  noFontRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-no-font-'));
  fs.cpSync(DIST, noFontRoot, { recursive: true });
  fs.rmSync(path.join(noFontRoot, 'fonts/checkup-sans.ttf'));
  const start = (root, opts) => serve(root, { host: 'localhost', ...opts });
  hosts.right = await start(DIST, { headers: right, compress: true });
  hosts.wrongMime = await start(DIST, { compress: true, headers: (p) => ({ ...right(p), ...(p.endsWith('.wasm') ? { 'content-type': 'application/octet-stream' } : {}) }) });
  hosts.noCors = await start(DIST, { compress: true, headers: (p) => { const h = right(p); delete h[CORS]; return h; } });
  hosts.noCompression = await start(DIST, { headers: right, compress: false });
  hosts.noFont = await start(noFontRoot, { headers: right, compress: true });
});
after(async () => {
  await browser?.close();
  for (const h of Object.values(hosts)) await h.close();
  if (noFontRoot) fs.rmSync(noFontRoot, { recursive: true, force: true });
});

/** Runs the terminal check; resolves to { code, out, err } (never rejects on exit codes). */
function cli(...args) {
  return new Promise((resolve) => {
    execFile(process.execPath, [path.join(ROOT, 'scripts/check-host.mjs'), ...args], { timeout: 60_000, env: { ...process.env, NO_COLOR: '1' } },
      (error, out, err) => resolve({ code: error ? error.code : 0, out, err }));
  });
}
async function cliReport(url, ...args) {
  const { code, out, err } = await cli(url, '--json', ...args);
  assert.equal(err, '', 'nothing on stderr');
  return { code, report: JSON.parse(out) };
}

/** `key.aspect=level` for every check that is not ok (and not a note). */
const problems = (report) => report.files.flatMap((f) => f.checks.filter((c) => !['ok', 'info'].includes(c.level)).map((c) => `${f.key}.${c.aspect}=${c.level}`));
const fixFor = (report, id) => report.fixes.find((f) => f.id === id);
const fixText = (fix) => fix.steps.map((s) => `${s.where}: ${s.code ?? ''} ${s.text ?? ''}`).join('\n');
const ALL = ['loader', 'glue', 'wasm', 'planGlue', 'planWasm', 'language', 'font'];

// ------------------------------------------------------------------------- in a terminal

test('terminal: the right host is clean, whichever address of the folder is given', async () => {
  for (const address of [`${hosts.right.url}/`, `${hosts.right.url}/client-checkup.js`, `${hosts.right.url}/builder.html`]) {
    const { code, report } = await cliReport(address);
    assert.equal(code, 0, address);
    assert.equal(report.base, `${hosts.right.url}/`);
    assert.deepEqual(report.files.map((f) => f.key), ALL, 'every file the widget fetches, found from the loader');
    assert.deepEqual(problems(report), [], address);
    assert.deepEqual(report.fixes, []);
    assert.equal(report.version, JSON.parse(fs.readFileSync(path.join(DIST, 'package.json'), 'utf8')).version);
  }
  const text = await cli(`${hosts.right.url}/`);
  assert.match(text.out, /All good: the host serves the widget as it should\./);
});

test('terminal: a wasm served as application/octet-stream', async () => {
  const { code, report } = await cliReport(`${hosts.wrongMime.url}/`);
  assert.deepEqual(problems(report), ['wasm.type=warn', 'planWasm.type=warn']);
  assert.match(report.files.find((f) => f.key === 'wasm').checks.find((c) => c.aspect === 'type').message, /application\/octet-stream; must be application\/wasm/);
  const fix = fixFor(report, 'type-wasm');
  assert.deepEqual(fix.files, ['Quiz module (wasm)', 'Plan module (wasm)']);
  assert.match(fixText(fix), /Apache \(\.htaccess in the folder\): AddType application\/wasm \.wasm/);
  assert.match(fixText(fix), /nginx.*application\/wasm wasm;/);
  assert.equal(code, 0, 'it works, slower: not a failure');
  assert.equal((await cli(`${hosts.wrongMime.url}/`, '--strict')).code, 1, '--strict fails on it');
});

test('terminal: no CORS', async () => {
  const { code, report } = await cliReport(`${hosts.noCors.url}/`, '--origin', 'https://myblog.example');
  assert.equal(code, 1);
  assert.deepEqual(problems(report), ['loader.cors=warn', ...ALL.slice(1).map((k) => `${k}.cors=error`)]);
  assert.match(report.files[1].checks.find((c) => c.aspect === 'cors').message, /for a blog at https:\/\/myblog\.example/);
  const fix = fixFor(report, 'cors');
  assert.match(fixText(fix), /Header set Access-Control-Allow-Origin "\*"/);
  assert.match(fixText(fix), /add_header Access-Control-Allow-Origin "\*" always;/);
  assert.match(fixText(fix), /_headers.*\/\*\s+Access-Control-Allow-Origin: \*/s);
  // The human-readable report names the problem and the fix.
  const text = await cli(`${hosts.noCors.url}/`);
  assert.match(text.out, /✗ Quiz module \(wasm\)/);
  assert.match(text.out, /PROBLEM +No Access-Control-Allow-Origin/);
  assert.match(text.out, /How to fix\n\n1\. Allow pages on other sites to read the files \(CORS\)/);
});

test('terminal: no compression', async () => {
  const { code, report } = await cliReport(`${hosts.noCompression.url}/`);
  assert.deepEqual(problems(report), ALL.map((k) => `${k}.compression=warn`));
  assert.match(report.files.find((f) => f.key === 'wasm').checks.find((c) => c.aspect === 'compression').message, /Not compressed \(\d+ KiB sent as is\)/);
  const fix = fixFor(report, 'compression');
  assert.match(fixText(fix), /AddOutputFilterByType DEFLATE .*application\/wasm/);
  assert.match(fixText(fix), /gzip_types .*application\/wasm/);
  assert.equal(code, 0);
});

test('terminal: the font is missing (404)', async () => {
  const { code, report } = await cliReport(`${hosts.noFont.url}/`);
  assert.equal(code, 1);
  assert.deepEqual(problems(report), ['font.reachable=error']);
  assert.match(report.files.find((f) => f.key === 'font').checks[0].message, /Not found \(HTTP 404\)/);
  assert.deepEqual(fixFor(report, 'missing').files, ['PDF font']);
  assert.match(fixText(fixFor(report, 'missing')), /fonts\//);
});

test('terminal: a wrong address is refused with a reason', async () => {
  const bad = await cli('example.com/cc');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /not a full address/);
  const down = await cliReport('http://127.0.0.1:9/');
  assert.equal(down.code, 1);
  assert.deepEqual(problems(down.report), ['loader.reachable=error', 'language.reachable=error', 'font.reachable=error']);
});

// ------------------------------------------------------------------------- the shared rules

test('the rules: addresses, the loader\'s files, and a wasm of another version', () => {
  assert.equal(assetBase(' https://example.com/cc '), 'https://example.com/cc/');
  assert.equal(assetBase('https://example.com/cc/client-checkup.js?x=1#y'), 'https://example.com/cc/');
  assert.equal(assetBase('https://cdn.jsdelivr.net/npm/client-checkup-widget@1.2.3'), 'https://cdn.jsdelivr.net/npm/client-checkup-widget@1.2.3/');
  assert.throws(() => assetBase('ftp://example.com/'), /web server/);
  const loader = readLoader(fs.readFileSync(path.join(DIST, 'client-checkup.js'), 'utf8'));
  assert.ok(loader && loader.version && loader.planWasm, 'the loader names its files');
  const base = 'https://example.com/cc/';
  const wasm = filesFor(base, loader).find((f) => f.key === 'wasm');
  const bytes = fs.readFileSync(path.join(DIST, loader.wasm));
  assert.equal(wasmVersion(bytes), loader.version, `the build wrote ${VERSION_SECTION}`);
  const other = Buffer.from(bytes);
  other.write(loader.version.replace(/\d/g, (d) => String((Number(d) + 1) % 10)), other.length - loader.version.length);
  const seen = { status: 200, header: (n) => ({ 'content-type': 'application/wasm', [CORS]: '*', 'content-encoding': 'br', 'cache-control': 'max-age=31536000' })[n] ?? null, body: other, corsRead: null };
  const checks = judge(wasm, seen, { base, viewer: { kind: 'terminal', origin: 'https://blog.example' }, loaderVersion: loader.version });
  const version = checks.find((c) => c.aspect === 'version');
  assert.equal(version.level, 'error');
  assert.equal(version.fix, 'mixed-versions');
  assert.match(version.message, /the loader will refuse it/);
});

// ------------------------------------------------------------------------- in the builder

/** Opens the builder served by `host` and checks `target` (default: the same host). */
async function checkFromPage(host, target) {
  const opened = await openPage(browser, `${host.url}/builder.html`, { viewport: { width: 1280, height: 900 } });
  const builder = await new Builder(opened.page).ready();
  if (target) await builder.type('assets', `${target.url}/`);
  // The builder's own preview finishes loading its files first (its glue's snippets can
  // arrive late); from then on every request is the check's.
  await opened.page.waitForLoadState('networkidle', { timeout: 10_000 });
  const requests = [];
  opened.page.on('request', (r) => requests.push(r.url()));
  const said = await builder.checkHost();
  return { ...opened, builder, said, requests };
}

const pageProblems = async (builder) => (await builder.reportLevels()).filter((l) => !/=(ok|info)$/.test(l));

test('page: the right host, checked from itself, is clean', async () => {
  const { context, builder, said, errors } = await checkFromPage(hosts.right);
  assert.match(said, /^Checked 7 files\. All good: the host serves the widget as it should\.$/);
  assert.deepEqual(await pageProblems(builder), []);
  assert.equal(await builder.fix('cors').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('page: the wasm\'s MIME type, with its fix', async () => {
  const { context, builder, page } = await checkFromPage(hosts.wrongMime);
  assert.deepEqual(await pageProblems(builder), ['wasm.type=warn', 'planWasm.type=warn']);
  assert.match((await builder.reportCheck('wasm', 'type')).text, /application\/octet-stream; must be application\/wasm/);
  assert.match(await builder.fix('type-wasm').innerText(), /AddType application\/wasm \.wasm/);
  await page.locator('#host-check').screenshot({ path: path.join(ARTIFACTS, 'host-check-wrong-mime.png') });
  await context.close();
});

test('page: no CORS, seen from the same origin, says so and how to fix it', async () => {
  const { context, builder } = await checkFromPage(hosts.noCors);
  assert.deepEqual(await pageProblems(builder), ['loader.cors=warn', ...ALL.slice(1).map((k) => `${k}.cors=error`)]);
  assert.match((await builder.reportCheck('wasm', 'cors')).text, /checked from the same origin.*run the check in a terminal/);
  const fix = await builder.fix('cors').innerText();
  assert.match(fix, /Header set Access-Control-Allow-Origin "\*"/);
  assert.match(fix, /add_header Access-Control-Allow-Origin "\*" always;/);
  await context.close();
});

test('page: no compression, with its fix', async () => {
  const { context, builder } = await checkFromPage(hosts.noCompression);
  assert.deepEqual(await pageProblems(builder), ALL.map((k) => `${k}.compression=warn`));
  assert.match(await builder.fix('compression').innerText(), /AddOutputFilterByType DEFLATE/);
  await context.close();
});

test('page: the missing font, with its fix', async () => {
  const { context, builder, errors } = await checkFromPage(hosts.noFont);
  assert.deepEqual(await pageProblems(builder), ['font.reachable=error']);
  assert.match((await builder.reportCheck('font', 'reachable')).text, /Not found \(HTTP 404\)/);
  assert.match(await builder.fix('missing').innerText(), /Upload the missing file/);
  assert.deepEqual(errors.filter((e) => !e.includes('/fonts/checkup-sans.ttf')), [], 'only the 404 it looked for');
  await context.close();
});

test('page, from another origin: no CORS is found through the browser\'s refusal; requests go to the checked host only', async () => {
  const { context, builder, said, requests } = await checkFromPage(hosts.right, hosts.noCors);
  assert.match(said, /problems that stop the widget/);
  assert.equal((await builder.reportCheck('loader', 'cors')).level, 'warn');
  assert.match((await builder.reportCheck('loader', 'cors')).text, new RegExp(`this page, at ${hosts.right.url.replace(/[.]/g, '\\.')}, was refused`));
  assert.equal((await builder.reportCheck('loader', 'reachable')).level, 'unknown', 'an opaque answer hides the rest');
  assert.match(await builder.fix('cors').innerText(), /Access-Control-Allow-Origin/);
  const elsewhere = requests.filter((u) => !u.startsWith(`${hosts.noCors.url}/`));
  assert.deepEqual(elsewhere, [], 'nothing but the checked host was asked');
  await context.close();
});

test('page, from another origin: the right host is clean, and hidden headers are said to be hidden', async () => {
  const { context, builder, said, requests } = await checkFromPage(hosts.noCompression, hosts.right);
  assert.match(said, /All good: the host serves the widget as it should\. \d+ details are not visible from here\./);
  assert.deepEqual((await pageProblems(builder)).filter((l) => !l.endsWith('=unknown')), []);
  assert.match((await builder.reportCheck('wasm', 'compression')).text, /Not visible from this page/);
  assert.equal((await builder.reportCheck('wasm', 'cors')).level, 'ok');
  assert.deepEqual(requests.filter((u) => !u.startsWith(`${hosts.right.url}/`)), []);
  await context.close();
});

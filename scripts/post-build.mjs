#!/usr/bin/env node
// Trunk post-build hook. Trunk builds the quiz module (the first wasm module); this adds
// everything else a blog needs, next to the hashed build output:
//   client-checkup-plan-<hash>.js / _bg.wasm   the plan module (second wasm module),
//                            built here with cargo, wasm-bindgen and wasm-opt
//   client-checkup.js        the loader blog owners link, with the first screen of every
//                            language rendered by the widget's own components
//                            (cargo run --features ssr --bin prerender)
//   embed.html, embed.js, embed.css   the iframe page
//   client-checkup-frame.js  the optional resize helper for iframe hosts
//   builder.html (+ .js, .css), host-check.js   the embed builder and its host check
//   check-host.mjs           the host check for a terminal (the package's bin)
//   package.json, README.md, CHANGELOG.md   the npm package made from this folder
// writes the widget's version into both wasm modules (the loader refuses a wasm from
// another version), and makes the demo article load the widget exactly as a blog does.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cargoTargetDir } from './cargo-target.mjs';
import { crateVersion, withVersion } from './wasm-version.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = process.env.TRUNK_STAGING_DIR || path.join(ROOT, 'dist');
const RELEASE = (process.env.TRUNK_PROFILE || 'release') === 'release';
const run = (cmd, args, opts = {}) => execFileSync(cmd, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'], ...opts });

const files = fs.readdirSync(OUT);
const glue = files.find((f) => /^client-checkup-[0-9a-f]+\.js$/.test(f));
const wasm = files.find((f) => /^client-checkup-[0-9a-f]+_bg\.wasm$/.test(f));
if (!glue || !wasm) {
  console.error(`post-build: no hashed glue/wasm in ${OUT}: ${files.join(', ')}`);
  process.exit(1);
}
const version = crateVersion(ROOT);
const hashOf = (bytes) => crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 16);

// 1. The plan module: the same crate and profile as Trunk's build (so the library is
//    already compiled), its own binary, then what Trunk does to the quiz module.
const profile = RELEASE ? ['--release'] : [];
run('cargo', ['build', '--offline', '--target', 'wasm32-unknown-unknown', ...profile, '--bin', 'client-checkup-plan']);
const built = path.join(cargoTargetDir(ROOT), 'wasm32-unknown-unknown', RELEASE ? 'release' : 'debug', 'client-checkup-plan.wasm');
const tmp = fs.mkdtempSync(path.join(OUT, '.plan-'));
run('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', tmp, '--out-name', 'client-checkup-plan', built]);
let planWasmBytes = fs.readFileSync(path.join(tmp, 'client-checkup-plan_bg.wasm'));
if (RELEASE) {
  const opt = path.join(tmp, 'opt.wasm');
  run('wasm-opt', ['-Oz', '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
    '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue',
    path.join(tmp, 'client-checkup-plan_bg.wasm'), '-o', opt]);
  planWasmBytes = fs.readFileSync(opt);
}
planWasmBytes = withVersion(planWasmBytes, version);
const hash = hashOf(planWasmBytes);
const planGlue = `client-checkup-plan-${hash}.js`;
const planWasm = `client-checkup-plan-${hash}_bg.wasm`;
fs.writeFileSync(path.join(OUT, planWasm), planWasmBytes);
fs.copyFileSync(path.join(tmp, 'client-checkup-plan.js'), path.join(OUT, planGlue));
fs.rmSync(tmp, { recursive: true, force: true });

// 2. The first screen of every language, the stylesheet and the option rules, from the
//    widget's own code (a native build of the same crate).
const first = run('cargo', ['run', '--offline', '--quiet', '--features', 'ssr', '--bin', 'prerender'], { maxBuffer: 16 << 20 }).toString();
JSON.parse(first); // fail here, not in the browser

// 3. The quiz module carries its version too, and the loader checks it.
fs.writeFileSync(path.join(OUT, wasm), withVersion(fs.readFileSync(path.join(OUT, wasm)), version));
const loader = fs.readFileSync(path.join(ROOT, 'embed/loader.template.js'), 'utf8')
  .replace('__GLUE__', glue)
  .replace('__WASM__', wasm)
  .replace('__PLAN_GLUE__', planGlue)
  .replace('__PLAN_WASM__', planWasm)
  .replaceAll('__VERSION__', version)
  .replace('__FIRST__', () => first.trim());
fs.writeFileSync(path.join(OUT, 'client-checkup.js'), loader);

// 4. The demo article loads the widget through the loader, like any blog: Trunk's own
//    start-up script and its preloads go (index.html links the loader itself).
const indexPath = path.join(OUT, 'index.html');
const index = fs.readFileSync(indexPath, 'utf8');
const trunkInit = /<script type="module">\s*import init, \* as bindings[\s\S]*?<\/script>/;
const preloads = /<link rel="(?:modulepreload|preload)" href="\.\/(?:client-checkup-[0-9a-f]+(?:_bg\.wasm|\.js)|snippets\/[^"]+)"[^>]*>/g;
if (!trunkInit.test(index)) {
  console.error('post-build: Trunk\'s start-up script was not found in index.html');
  process.exit(1);
}
fs.writeFileSync(indexPath, index.replace(trunkInit, '').replace(preloads, ''));

for (const f of ['embed.html', 'embed.js', 'embed.css', 'client-checkup-frame.js']) {
  fs.copyFileSync(path.join(ROOT, 'embed', f), path.join(OUT, f));
}

// 5. The embed builder and its host check. Their names stay stable (the terminal check and
//    the package import host-check.js by name); each reference carries the content's hash,
//    so a browser never pairs a new page with an old script from its cache.
const source = (f) => fs.readFileSync(path.join(ROOT, 'embed', f), 'utf8');
const stamp = (text) => `?v=${hashOf(Buffer.from(text)).slice(0, 10)}`;
const hostCheck = source('host-check.js');
const builderCss = source('builder.css');
const builderJs = source('builder.js').replace("from './host-check.js'", () => `from './host-check.js${stamp(hostCheck)}'`);
if (!builderJs.includes('./host-check.js?v=')) throw new Error('post-build: builder.js no longer imports ./host-check.js');
const builderHtml = source('builder.html')
  .replace('href="./builder.css"', () => `href="./builder.css${stamp(builderCss)}"`)
  .replace('src="./builder.js"', () => `src="./builder.js${stamp(builderJs)}"`);
if (!/builder\.css\?v=[\s\S]*builder\.js\?v=/.test(builderHtml)) throw new Error('post-build: builder.html no longer links builder.css and builder.js');
for (const [f, text] of [['host-check.js', hostCheck], ['builder.css', builderCss], ['builder.js', builderJs], ['builder.html', builderHtml]]) {
  fs.writeFileSync(path.join(OUT, f), text);
}

// 6. The npm package: this folder minus the demo article (pkg/package.json lists the files),
//    at the crate's version; `npm pack dist` makes the tarball. Its one bin is the terminal
//    host check: `npx <name>@<version> URL`.
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'pkg/package.json'), 'utf8'));
manifest.version = version;
const cli = fs.readFileSync(path.join(ROOT, 'scripts/check-host.mjs'), 'utf8')
  .replace("from '../embed/host-check.js'", "from './host-check.js'")
  .replaceAll('node scripts/check-host.mjs', `npx ${manifest.name}@${version}`);
fs.writeFileSync(path.join(OUT, 'check-host.mjs'), cli, { mode: 0o755 });
fs.writeFileSync(path.join(OUT, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
fs.writeFileSync(path.join(OUT, 'README.md'), fs.readFileSync(path.join(ROOT, 'pkg/README.md'), 'utf8')
  .replaceAll('__NAME__', manifest.name).replaceAll('__VERSION__', version));
fs.copyFileSync(path.join(ROOT, 'CHANGELOG.md'), path.join(OUT, 'CHANGELOG.md'));
console.log(`post-build: client-checkup.js -> ${glue}, ${wasm}; plan module ${planGlue}`);

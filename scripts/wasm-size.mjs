#!/usr/bin/env node
// The wasm size table by crate, for both modules: where the bytes of the shipped
// client-checkup-<hash>_bg.wasm (the quiz) and client-checkup-plan-<hash>_bg.wasm (the
// plan) come from. Needs a release build first (`trunk build --release`). It builds the two
// binaries as the build does (cargo build --release, a no-op when they are fresh), then
//   1. repeats the build's own steps (wasm-bindgen with the build's --out-name, which shapes
//      the import names; wasm-opt -Oz, with the flags of scripts/post-build.mjs for the plan
//      module; the version section of scripts/wasm-version.mjs) and checks that the result
//      is byte for byte the file in dist/;
//   2. does the same with names kept: wasm-bindgen --keep-debug, wasm-opt -Oz -g;
//   3. runs twiggy top -n 100000 --format csv on that, and groups every item by crate (the
//      first path segment of its demangled name; data segments as "data"; the name section,
//      which the shipped file does not have, apart).
// Shares are of the named build's items without its name section; the same build with the
// names stripped is within 0.2 % of the shipped file (-g keeps a few functions apart that
// -Oz alone merges), and they are not the shares of the compressed transfer (text data
// compresses better than code).
//
//   node scripts/wasm-size.mjs            print the tables
//   node scripts/wasm-size.mjs --json     machine-readable
//   node scripts/wasm-size.mjs --top 30   also list the 30 largest items of each module
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { cargoTargetDir } from './cargo-target.mjs';
import { crateVersion, withVersion } from './wasm-version.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
/** Exactly the flags scripts/post-build.mjs gives wasm-opt for the plan module (Trunk runs
 *  plain `-Oz` on the quiz module, which detects the same features from the file). */
const FEATURES = ['--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext',
  '--enable-mutable-globals', '--enable-reference-types', '--enable-multivalue'];
/** Each module as the build makes it: Trunk runs plain `wasm-opt -Oz` on the quiz module
 *  (features detected from the file); scripts/post-build.mjs passes FEATURES for the plan. */
export const MODULES = [
  { key: 'quiz', title: 'quiz module', bin: 'client-checkup', outName: 'client-checkup', opt: [], dist: /^client-checkup-[0-9a-f]{8,16}_bg\.wasm$/ },
  { key: 'plan', title: 'plan module', bin: 'client-checkup-plan', outName: 'client-checkup-plan', opt: FEATURES, dist: /^client-checkup-plan-[0-9a-f]{8,16}_bg\.wasm$/ },
];

const env = { ...process.env, PATH: `${ROOT}/node_modules/.bin:${os.homedir()}/.cargo/bin:${process.env.PATH}` };
const run = (cmd, args) => execFileSync(cmd, args, { cwd: ROOT, env, encoding: 'utf8', maxBuffer: 256 << 20, stdio: ['ignore', 'pipe', 'inherit'] });

/** RFC 4180 CSV (twiggy quotes names with commas and doubles their quotes). */
export function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else if (c !== '\r') field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** Yew's generic component lifecycle, monomorphised per component: the body is the
 *  component's own `view` (its html! tree), inlined. Kept apart from the rest of yew. */
const YEW_VIEW = /^<yew::html::component::lifecycle::CompStateInner<COMP> as yew::html::component::lifecycle::Stateful>::view::/;

/** The group of one twiggy item: a crate name, or one of the non-crate groups. */
export function crateOf(name) {
  if (/^"[^"]+" subsection$|^"name" section|^custom section ".*name/.test(name)) return 'names';
  if (/^data segment /.test(name) || /^data\[\d+\]$/.test(name)) return 'data';
  if (YEW_VIEW.test(name)) return 'yew: components\' views (CompStateInner::view)';
  // wasm-bindgen's export shims; wasm-opt inlines the exported function into its shim, so
  // in the plan module these carry the plan's own code (`plan multivalue shim`).
  if (/ shim$|^__wbg_|^__wbindgen_|^__wbg_adapter|^__externref_/.test(name)) return 'wasm-bindgen shims (+ inlined exports)';
  if (/^code\[\d+\]$/.test(name)) return 'unnamed functions';
  if (/^(elem|type|table|global|memory|import|export|func)\b|^(header|wasm magic bytes)|^custom section | section headers$/.test(name)) return 'wasm structure';
  // Methods of primitive types: <char>::escape_debug_ext, <[u8]>::starts_with.
  if (/^<(?:&(?:mut )?)?(?:char|str|bool|[iuf](?:8|16|32|64|128|size)|\[[^\]]*\])>::/.test(name)) return 'core';
  const crate = (s) => {
    const m = s.match(/^(?:&(?:mut )?|\*(?:const|mut) |dyn |mut |\[|\(|<)*([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?(::)?/);
    return m && m[2] ? m[1] : null; // a path: its first segment
  };
  if (name.startsWith('<')) {
    // <Type as Trait>::method: the type's crate when it is a path, else the trait's.
    const inner = name.slice(1);
    const direct = crate(inner);
    if (direct) return direct;
    const as = inner.match(/ as ((?:&(?:mut )?|dyn )*[A-Za-z_][A-Za-z0-9_]*(?:\[[0-9a-f]+\])?::)/);
    if (as) return crate(as[1]) ?? 'other';
    return 'other';
  }
  const direct = crate(name);
  if (direct) return direct === '__rustc' ? 'alloc' : direct;
  if (/^(main|__main_void|__wasm_call_ctors)$/.test(name)) return 'std';
  // Plain symbols: the compiler's builtins (memcpy, memcmp, __multi3, round, …).
  if (/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) return 'compiler_builtins';
  return 'other';
}

function distFile(re) {
  const f = fs.readdirSync(DIST).find((x) => re.test(x));
  if (!f) throw new Error(`no file matching ${re} in dist/: run trunk build --release`);
  return path.join(DIST, f);
}

/** One module: the build reproduced, then the named build, its items grouped by crate. */
export function analyse(mod, { top = 0 } = {}) {
  const src = path.join(cargoTargetDir(ROOT), 'wasm32-unknown-unknown/release', `${mod.bin}.wasm`);
  if (!fs.existsSync(src)) throw new Error(`${src} is missing: run trunk build --release`);
  const shipped = distFile(mod.dist);
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-wasm-size-'));
  try {
    const bindgen = (dir, extra) => {
      run('wasm-bindgen', [...extra, '--target', 'web', '--no-typescript', '--out-dir', dir, '--out-name', mod.outName, src]);
      return path.join(dir, `${mod.outName}_bg.wasm`);
    };
    // 1. The shipped file, reproduced.
    const same = path.join(tmp, 'same.wasm');
    run('wasm-opt', ['-Oz', ...mod.opt, bindgen(path.join(tmp, 'plain'), []), '-o', same]);
    const reproduced = withVersion(fs.readFileSync(same), crateVersion(ROOT)).equals(fs.readFileSync(shipped));
    if (!reproduced) {
      process.stderr.write(`wasm-size: ${mod.title}: the release build does not reproduce ${path.basename(shipped)}; `
        + 'dist/ is older than the sources? (trunk build --release)\n');
    }
    // 2. With names.
    const named = path.join(tmp, 'named.wasm');
    const stripped = path.join(tmp, 'stripped.wasm');
    run('wasm-opt', ['-Oz', '-g', ...FEATURES, bindgen(path.join(tmp, 'debug'), ['--keep-debug']), '-o', named]);
    run('wasm-opt', ['--strip-debug', ...FEATURES, named, '-o', stripped]);
    // 3. By crate.
    const csv = parseCsv(run('twiggy', ['top', '-n', '100000', '--format', 'csv', named]));
    const items = csv.slice(1).filter((r) => r.length >= 2 && r[0]).map(([name, size]) => ({ name, size: Number(size), crate: crateOf(name) }));
    const groups = new Map();
    for (const it of items) {
      const g = groups.get(it.crate) ?? { crate: it.crate, bytes: 0, items: 0 };
      g.bytes += it.size; g.items += 1;
      groups.set(it.crate, g);
    }
    const names = groups.get('names')?.bytes ?? 0;
    groups.delete('names');
    const total = [...groups.values()].reduce((t, g) => t + g.bytes, 0);
    const crates = [...groups.values()].sort((a, b) => b.bytes - a.bytes).map((g) => ({ ...g, share: g.bytes / total }));
    return {
      key: mod.key, title: mod.title, reproduced,
      shippedBytes: fs.statSync(shipped).size,
      strippedBytes: fs.statSync(stripped).size,
      namedBytes: fs.statSync(named).size,
      namesBytes: names,
      itemsBytes: total,
      crates,
      top: top ? items.filter((i) => i.crate !== 'names').sort((a, b) => b.size - a.size).slice(0, top) : [],
    };
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

export function analyseAll(opts) {
  // The binaries as Trunk and scripts/post-build.mjs build them (default features): a
  // no-op when fresh; a rebuild when something else (a `cargo test` of the wasm target,
  // whose dev-dependencies add features) left other builds in their place.
  run('cargo', ['build', '--offline', '--quiet', '--release', '--target', 'wasm32-unknown-unknown', ...MODULES.flatMap((m) => ['--bin', m.bin])]);
  return MODULES.map((m) => analyse(m, opts));
}

/** Markdown rows: one line per crate above `min` share, the rest summed. */
export function markdown(result, { min = 0.01 } = {}) {
  const lines = [];
  const pct = (x) => `${(x * 100).toFixed(1)} %`;
  lines.push(`| ${result.title}: crate | bytes | share |`);
  lines.push('|---|---:|---:|');
  const big = result.crates.filter((c) => c.share >= min);
  const rest = result.crates.filter((c) => c.share < min);
  for (const c of big) lines.push(`| ${c.crate} | ${c.bytes} | ${pct(c.share)} |`);
  if (rest.length) {
    const bytes = rest.reduce((t, c) => t + c.bytes, 0);
    lines.push(`| ${rest.length} more under ${pct(min)} (${rest.map((c) => c.crate).join(', ')}) | ${bytes} | ${pct(bytes / result.itemsBytes)} |`);
  }
  lines.push(`| **total** (names stripped: ${result.strippedBytes} B; shipped file ${result.shippedBytes} B${result.reproduced ? ', reproduced byte for byte' : ', NOT reproduced: rebuild dist'}) | ${result.itemsBytes} | 100 % |`);
  return lines;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const i = process.argv.indexOf('--top');
  const top = i > 0 ? Number(process.argv[i + 1]) || 20 : 0;
  const results = analyseAll({ top });
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(results));
  } else {
    for (const r of results) {
      console.log(markdown(r).join('\n'));
      console.log(`\n(${r.title}: the named build is ${r.namedBytes} B, of which ${r.namesBytes} B is the name section.)\n`);
      if (r.top.length) {
        console.log(`| ${r.title}: largest items | crate | bytes |\n|---|---|---:|`);
        for (const it of r.top) console.log(`| \`${it.name.replace(/::h[0-9a-f]{16}$/, '').replaceAll('|', '\\|')}\` | ${it.crate} | ${it.size} |`);
        console.log();
      }
    }
  }
}

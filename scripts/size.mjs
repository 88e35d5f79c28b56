#!/usr/bin/env node
// Prints the widget's bytes per file (raw, gzip -9, brotli q11) from dist/, in three groups:
//   before first paint and the first question
//                           the loader (client-checkup.js), which carries the first screen
//                           and the first question of every language and paints them
//                           without any wasm (a fresh visitor answers the first question
//                           there)
//   before the quiz runs    the loader plus the quiz module: the wasm-bindgen glue, its
//                           snippets and client-checkup-<hash>_bg.wasm (every step after
//                           the first question; a returning visitor's first question)
//   plan module             client-checkup-plan-<hash>.js + _bg.wasm, prefetched when the
//                           browser is idle after the first question
// Never counted: the host page itself, the PDF font (fonts/), the other languages (i18n/),
// and the iframe-mode helpers (embed.*, client-checkup-frame.js).
//   node scripts/size.mjs            print the tables
//   node scripts/size.mjs --check    also fail when either brotli total exceeds its budget
//                                    (size-budget.json)
//   node scripts/size.mjs --json     machine-readable
//   node scripts/size.mjs --record   write the current sizes as the baseline
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DIST = path.join(ROOT, 'dist');
const BUDGET_FILE = path.join(ROOT, 'size-budget.json');
// Not in the script embed's first load: lazy assets, the iframe-only helpers, and the
// embed builder's own page scripts (never loaded by a blog).
const LAZY = /^(fonts|i18n)\/|^(embed\.js|client-checkup-frame\.js|builder\.js|host-check\.js)$|^client-checkup-plan-/;
/** What the loader needs before it paints: itself. */
const PAINT = /^client-checkup\.js$/;
const PLAN = /^client-checkup-plan-[0-9a-f]+(?:\.js|_bg\.wasm)$/;

function walk(dir, base = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const rel = path.posix.join(base, e.name);
    return e.isDirectory() ? walk(path.join(dir, e.name), rel) : [rel];
  });
}

/** Stable name for a hashed file, distinct from the unhashed loader:
 *  client-checkup-1a2b3c4d5e6f7a8b.js -> client-checkup-[hash].js (Trunk's hex hash drops
 *  leading zeros: one build in sixteen has 15 digits or fewer) */
export const stable = (f) => f.replace(/-[0-9a-f]{8,16}(?=[._])/, '-[hash]');

function sizes(dist, files) {
  const rows = files.map((f) => {
    const buf = fs.readFileSync(path.join(dist, f));
    return {
      file: f, name: stable(f), raw: buf.length,
      gzip: zlib.gzipSync(buf, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length } }).length,
    };
  });
  const total = rows.reduce((t, r) => ({ raw: t.raw + r.raw, gzip: t.gzip + r.gzip, brotli: t.brotli + r.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return { rows, total };
}

/** `{ rows, total }`: the bytes before the quiz runs (`quiz_brotli_max`), with `paint`
 *  (before first paint and the first question: `first_question_brotli_max`) and `plan`
 *  (the plan module) as `{ rows, total }` too. */
export function measure(dist = DIST) {
  const all = walk(dist).filter((f) => /\.(js|wasm)$/.test(f)).sort();
  const question = sizes(dist, all.filter((f) => !LAZY.test(f)));
  return {
    ...question,
    paint: sizes(dist, all.filter((f) => PAINT.test(f))),
    plan: sizes(dist, all.filter((f) => PLAN.test(f))),
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = new Set(process.argv.slice(2));
  if (!fs.existsSync(DIST)) { console.error('dist/ missing: run `trunk build --release` first'); process.exit(2); }
  const measured = measure();
  const { rows, total } = measured;
  const budget = JSON.parse(fs.readFileSync(BUDGET_FILE, 'utf8'));
  const budgets = [
    ['the bytes before the first question (the loader)', measured.paint, 'first_question_brotli_max'],
    ['the bytes before the quiz runs (the loader and the quiz module)', measured, 'quiz_brotli_max'],
  ];
  if (args.has('--json')) {
    console.log(JSON.stringify({ ...measured, budget: Object.fromEntries(budgets.map(([, , k]) => [k, budget[k]])) }));
    process.exit(0);
  }
  const table = (title, group) => {
    console.log(`| ${title} | raw | gzip -9 | brotli |`);
    console.log('|---|---:|---:|---:|');
    for (const r of group.rows) console.log(`| ${r.name} | ${r.raw} | ${r.gzip} | ${r.brotli} |`);
    console.log(`| **total** | ${group.total.raw} | ${group.total.gzip} | ${group.total.brotli} (${kb(group.total.brotli)}) |\n`);
  };
  table('before first paint and the first question (painted)', measured.paint);
  table('before the quiz runs', measured);
  table('plan module (after the first question)', measured.plan);
  if (args.has('--record')) {
    budget.baseline_brotli = Object.fromEntries(rows.map((r) => [r.name, r.brotli]));
    fs.writeFileSync(BUDGET_FILE, JSON.stringify(budget, null, 2) + '\n');
    console.log('baseline recorded in size-budget.json');
  }
  if (args.has('--check')) {
    let over = false;
    for (const [what, group, key] of budgets) {
      const max = budget[key];
      if (group.total.brotli <= max) {
        console.log(`size budget ok: ${what}: ${group.total.brotli} B <= ${max} B brotli (${key})`);
        continue;
      }
      over = true;
      console.error(`\nSIZE BUDGET EXCEEDED: ${what} are ${group.total.brotli} B brotli, budget ${max} B (${key}, size-budget.json).`);
      for (const r of group.rows) {
        const was = budget.baseline_brotli?.[r.name];
        if (was === undefined) console.error(`  new file: ${r.name} ${r.brotli} B`);
        else if (r.brotli > was) console.error(`  grew: ${r.name} ${was} -> ${r.brotli} B (+${r.brotli - was})`);
      }
    }
    if (over) process.exit(1);
  }
}

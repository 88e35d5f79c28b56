#!/usr/bin/env node
// Trunk post-build hook: writes the embed files with stable names next to the hashed
// build output, so blog snippets never change while the wasm and glue stay cacheable.
//   client-checkup.js        the loader blog owners link (points at the hashed glue/wasm)
//   embed.html, embed.js, embed.css   the iframe page
//   client-checkup-frame.js  the optional resize helper for iframe hosts
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = process.env.TRUNK_STAGING_DIR || path.join(ROOT, 'dist');
const files = fs.readdirSync(OUT);
const glue = files.find((f) => /^client-checkup-[0-9a-f]+\.js$/.test(f));
const wasm = files.find((f) => /^client-checkup-[0-9a-f]+_bg\.wasm$/.test(f));
if (!glue || !wasm) {
  console.error(`post-build: no hashed glue/wasm in ${OUT}: ${files.join(', ')}`);
  process.exit(1);
}
const version = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version
  ?? fs.readFileSync(path.join(ROOT, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];

// The failure message must work before any catalog loads: take it from each ui.json.
const messages = {};
for (const lang of fs.readdirSync(path.join(ROOT, 'content/i18n'))) {
  const ui = JSON.parse(fs.readFileSync(path.join(ROOT, 'content/i18n', lang, 'ui.json'), 'utf8'));
  if (ui['ui.failed'] && ui['ui.reload']) messages[lang] = { failed: ui['ui.failed'], reload: ui['ui.reload'] };
}

const loader = fs.readFileSync(path.join(ROOT, 'embed/loader.template.js'), 'utf8')
  .replace('__GLUE__', glue)
  .replace('__WASM__', wasm)
  .replace('__MESSAGES__', JSON.stringify(messages))
  .replace('__VERSION__', version);
fs.writeFileSync(path.join(OUT, 'client-checkup.js'), loader);
// The demo article embeds the widget exactly as a blog does, through the loader: Trunk's
// own start-up script (and its preloads, which the loader's per-instance URLs would not
// use) are replaced by the loader's script tag.
const indexPath = path.join(OUT, 'index.html');
const index = fs.readFileSync(indexPath, 'utf8');
const trunkInit = /<script type="module">\s*import init, \* as bindings[\s\S]*?<\/script>/;
const preloads = /<link rel="(?:modulepreload|preload)" href="\.\/(?:client-checkup-[0-9a-f]+(?:_bg\.wasm|\.js)|snippets\/[^"]+)"[^>]*>/g;
if (!trunkInit.test(index)) {
  console.error('post-build: Trunk\'s start-up script was not found in index.html');
  process.exit(1);
}
fs.writeFileSync(indexPath, index.replace(trunkInit, '<script type="module" src="./client-checkup.js"></script>').replace(preloads, ''));

for (const f of ['embed.html', 'embed.js', 'embed.css', 'client-checkup-frame.js']) {
  fs.copyFileSync(path.join(ROOT, 'embed', f), path.join(OUT, f));
}
console.log(`post-build: client-checkup.js -> ${glue}, ${wasm}`);

// The widget's version as the build stamps it into both wasm modules: a custom section
// `client-checkup:version` appended after wasm-opt (scripts/post-build.mjs). The loader
// compares it with its own (embed/loader.template.js), the host check reads it
// (embed/host-check.js), and scripts/wasm-size.mjs stamps its reproduction the same way.
import fs from 'node:fs';
import path from 'node:path';

/** The crate's version, from Cargo.toml. */
export function crateVersion(root) {
  return fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8').match(/^version = "([^"]+)"/m)[1];
}

/** `bytes` (a wasm module) with `version` appended as the custom section. */
export function withVersion(bytes, version) {
  const leb = (n) => { const out = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n); return Buffer.from(out); };
  const name = Buffer.from('client-checkup:version');
  const content = Buffer.concat([leb(name.length), name, Buffer.from(version)]);
  return Buffer.concat([bytes, Buffer.from([0]), leb(content.length), content]);
}

#!/usr/bin/env node
// Checks that a host serves Client Checkup the way a blog needs it: every file the widget
// fetches is there, with the right Content-Type, CORS for a blog on another origin,
// compression and sensible caching, and each problem comes with its fix. The same rules
// as the embed builder's "Check my host" (embed/host-check.js); from a terminal every
// header is visible, which a browser page cannot promise.
//
//   node scripts/check-host.mjs https://example.com/client-checkup/
//   node scripts/check-host.mjs URL --origin https://myblog.example   the blog that embeds it
//   node scripts/check-host.mjs URL --json                            machine-readable
//   node scripts/check-host.mjs URL --strict                          fail on things to improve too
//
// Exit code: 0 when nothing stops the widget (with --strict: nothing to improve either),
// 1 when something does, 2 when the address or the options are wrong.
// It sends GET requests to the asset host and nowhere else.
import { checkHost, summary, AddressError } from '../embed/host-check.js';

const USAGE = 'usage: node scripts/check-host.mjs URL [--origin https://your-blog.example] [--json] [--strict]';

function parseArgs(argv) {
  const args = { url: null, origin: 'https://blog.example', json: false, strict: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--json') args.json = true;
    else if (a === '--strict') args.strict = true;
    else if (a === '--origin') args.origin = argv[++i];
    else if (a.startsWith('--origin=')) args.origin = a.slice('--origin='.length);
    else if (a === '-h' || a === '--help') { console.log(USAGE); process.exit(0); }
    else if (a.startsWith('-')) throw new AddressError(`unknown option ${a}\n${USAGE}`);
    else if (args.url) throw new AddressError(`one address at a time\n${USAGE}`);
    else args.url = a;
  }
  if (!args.url) throw new AddressError(USAGE);
  let origin;
  try { origin = new URL(args.origin).origin; } catch { origin = 'null'; }
  if (origin === 'null') throw new AddressError(`--origin must be a blog's address, such as https://myblog.example (got “${args.origin}”)`);
  args.origin = origin;
  return args;
}

/** Fetches one file as a blog's browser would ask for it: with the blog's Origin, accepting
 *  brotli and gzip, no cookies. Every response header is visible here. */
async function probe(url, origin) {
  let response;
  try {
    response = await fetch(url, {
      headers: { origin, 'accept-encoding': 'br, gzip', accept: '*/*', 'user-agent': 'client-checkup-host-check' },
      redirect: 'follow',
      signal: AbortSignal.timeout(20_000),
    });
  } catch (error) {
    const cause = error.cause?.code || error.cause?.message || error.message;
    return { error: 'unreachable', detail: cause };
  }
  const body = new Uint8Array(await response.arrayBuffer());
  return {
    status: response.status,
    finalUrl: response.url,
    header: (name) => response.headers.get(name),
    body,
    corsRead: null,
  };
}

// ------------------------------------------------------------------------- output

const tty = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code, s) => (tty ? `\x1b[${code}m${s}\x1b[0m` : s);
const MARK = {
  ok: paint('32', '✓'), error: paint('31', '✗'), warn: paint('33', '!'), unknown: paint('2', '?'), info: paint('2', 'i'),
};
const WORD = { ok: 'ok', error: 'PROBLEM', warn: 'improve', unknown: 'unknown', info: 'note' };

function worst(checks) {
  for (const level of ['error', 'warn', 'unknown']) if (checks.some((c) => c.level === level)) return level;
  return 'ok';
}

function printText(report) {
  const out = [];
  out.push(`Client Checkup host check: ${report.base}`);
  out.push(`as a blog at ${report.viewer.origin} would load it${report.version ? `; widget version ${report.version}` : ''}`);
  out.push('');
  for (const f of report.files) {
    const w = worst(f.checks);
    out.push(`${MARK[w]} ${f.label}  ${f.url}`);
    for (const c of f.checks) out.push(`    ${MARK[c.level]} ${WORD[c.level].padEnd(7)} ${c.message}`);
  }
  out.push('');
  out.push(summary(report));
  if (report.fixes.length) {
    out.push('');
    out.push('How to fix');
    report.fixes.forEach((fx, i) => {
      out.push('');
      out.push(`${i + 1}. ${fx.title}  (${fx.files.join(', ')})`);
      out.push(`   ${fx.why}`);
      for (const s of fx.steps) {
        out.push(`   ${s.where}:`);
        if (s.code) for (const line of s.code.split('\n')) out.push(`       ${line}`);
        if (s.text) out.push(`     ${s.text}`);
      }
    });
  }
  console.log(out.join('\n'));
}

async function main() {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (error) {
    console.error(error.message);
    return 2;
  }
  let report;
  try {
    report = await checkHost(args.url, {
      probe: (url) => probe(url, args.origin),
      viewer: { kind: 'terminal', origin: args.origin, sameOrigin: false },
    });
  } catch (error) {
    if (error instanceof AddressError) { console.error(error.message); return 2; }
    throw error;
  }
  if (args.json) console.log(JSON.stringify(report, null, 2));
  else printText(report);
  return report.counts.error || (args.strict && report.counts.warn) ? 1 : 0;
}

process.exitCode = await main();

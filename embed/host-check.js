// The host check's rules: which files a blog needs from the asset host, what each
// response must look like, and how to fix what is wrong. One module for both places the
// check runs: the embed builder in the browser ("Check my host") and the terminal
// (`node scripts/check-host.mjs URL`). Only how a file is fetched differs between the two,
// so that part is passed in as `probe`:
//   - the browser can only see what CORS lets a page see (on another origin: Content-Type,
//     Cache-Control and a few more), so a header it cannot see is reported as unknown,
//     never as missing;
//   - the terminal sees every header, and sends an Origin header as a blog would.
// Requests go to the asset host only: nothing about the check is sent anywhere else.

export const LOADER = 'client-checkup.js';
export const LANGUAGE_FILE = 'i18n/cs/ui.json';
export const FONT_FILE = 'fonts/checkup-sans.ttf';
/** The wasm custom section the build writes the widget's version into (scripts/post-build.mjs). */
export const VERSION_SECTION = 'client-checkup:version';

/** Response headers any page may read, even from another origin (the Fetch standard's
 *  CORS-safelisted response headers). Others are hidden unless the host exposes them. */
export const SAFELISTED = ['cache-control', 'content-language', 'content-length', 'content-type', 'expires',
  'last-modified', 'pragma'];

// ------------------------------------------------------------------------- addresses

export class AddressError extends Error {}

const FILE_NAME = /\.(?:js|mjs|html?|json|wasm|css|ttf)$/i;

/**
 * The folder the widget's files live in, from what an owner typed: the folder itself,
 * the loader's address, or any other file next to it (`builder.html`). Always ends in `/`.
 * Throws an {@link AddressError} with a message for people.
 */
export function assetBase(input) {
  const text = String(input ?? '').trim();
  if (!text) throw new AddressError('Enter the address of the folder with client-checkup.js in it.');
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new AddressError(`“${text}” is not a full address. It starts with https://, e.g. https://example.com/client-checkup/`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new AddressError(`The files must be on a web server (https://…), not “${url.protocol}”.`);
  }
  if (url.username || url.password) throw new AddressError('Leave the user name and password out of the address.');
  url.search = '';
  url.hash = '';
  const last = url.pathname.split('/').pop();
  if (last && FILE_NAME.test(last)) url.pathname = url.pathname.slice(0, -last.length);
  else if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/** Whether an address names one exact published version on an npm CDN
 *  (`…/client-checkup-widget@1.2.3/`): such files never change, so caching them for a
 *  year is right even for the stable names. */
export function isPinnedVersion(base) {
  return /@\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?\//.test(new URL(base).pathname);
}

/** Whether a loopback address: browsers treat http://localhost as secure. */
function isLoopback(url) {
  const host = new URL(url).hostname;
  return host === 'localhost' || host.endsWith('.localhost') || host === '[::1]' || /^127\./.test(host);
}

// ------------------------------------------------------------------------- the files

/** What each kind of file must be served as. `types` are the Content-Types that work
 *  (null: any), `want` the one to set. */
export const KINDS = {
  // Every JavaScript MIME type a browser accepts for a module script (HTML's list).
  js: {
    want: 'text/javascript',
    types: ['text/javascript', 'application/javascript', 'application/x-javascript', 'application/ecmascript',
      'application/x-ecmascript', 'text/ecmascript', 'text/x-ecmascript', 'text/x-javascript', 'text/jscript',
      'text/livescript', 'text/javascript1.0', 'text/javascript1.1', 'text/javascript1.2', 'text/javascript1.3',
      'text/javascript1.4', 'text/javascript1.5'],
  },
  wasm: { want: 'application/wasm', types: ['application/wasm'] },
  json: { want: 'application/json', types: ['application/json'] },
  font: { want: 'font/ttf', types: null },
};

/**
 * The loader's version and the file names it was built with, read from its text.
 * Returns null when the text is not a Client Checkup loader.
 */
export function readLoader(text) {
  if (typeof text !== 'string' || !text.includes('ClientCheckup')) return null;
  const name = (re) => text.match(re)?.[0] ?? null;
  const found = {
    version: text.match(/\bversion: '([^']+)'/)?.[1] ?? null,
    glue: name(/client-checkup-[0-9a-f]{8,}\.js/),
    wasm: name(/client-checkup-[0-9a-f]{8,}_bg\.wasm/),
    planGlue: name(/client-checkup-plan-[0-9a-f]{8,}\.js/),
    planWasm: name(/client-checkup-plan-[0-9a-f]{8,}_bg\.wasm/),
  };
  return found.glue && found.wasm ? found : null;
}

/**
 * The files a blog's widget fetches, in the order it fetches them. `loader` is what
 * {@link readLoader} found (null when the loader could not be read: then the hashed files
 * cannot be named, and only the stable ones are listed).
 *   hashed: the name changes with every build (safe to cache for a year)
 *   cors:   'required' when the widget fetches it with CORS (module imports, fetch());
 *           'module' for the loader, which needs CORS only when loaded as type="module"
 */
export function filesFor(base, loader) {
  const file = (key, label, path, kind, hashed, cors) => ({ key, label, path, url: new URL(path, base).href, kind, hashed, cors });
  return [
    file('loader', 'Loader', LOADER, 'js', false, 'module'),
    ...(loader ? [
      file('glue', 'Quiz module (JS)', loader.glue, 'js', true, 'required'),
      file('wasm', 'Quiz module (wasm)', loader.wasm, 'wasm', true, 'required'),
      ...(loader.planGlue ? [file('planGlue', 'Plan module (JS)', loader.planGlue, 'js', true, 'required')] : []),
      ...(loader.planWasm ? [file('planWasm', 'Plan module (wasm)', loader.planWasm, 'wasm', true, 'required')] : []),
    ] : []),
    file('language', 'Language file (Czech)', LANGUAGE_FILE, 'json', false, 'required'),
    file('font', 'PDF font', FONT_FILE, 'font', false, 'required'),
  ];
}

// ------------------------------------------------------------------------- wasm versions

function leb128(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    if (at >= bytes.length) return null;
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return { value, at };
    if (shift > 35) return null;
  }
}

/** The widget version a wasm file carries in its custom section, or null (not wasm, or
 *  built before versions were written). */
export function wasmVersion(bytes) {
  if (!bytes || bytes.length < 8 || bytes[0] !== 0 || bytes[1] !== 0x61 || bytes[2] !== 0x73 || bytes[3] !== 0x6d) return null;
  const decoder = new TextDecoder();
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb128(bytes, at);
    if (!size) return null;
    const end = size.at + size.value;
    if (id === 0) {
      const len = leb128(bytes, size.at);
      if (!len) return null;
      const name = decoder.decode(bytes.subarray(len.at, len.at + len.value));
      if (name === VERSION_SECTION) return decoder.decode(bytes.subarray(len.at + len.value, end));
    }
    at = end;
  }
  return null;
}

// ------------------------------------------------------------------------- fixes

// Trunk writes its 64-bit hash in hex without leading zeros: 16 digits, sometimes fewer.
const WASM_ONLY_HASHED = '-[0-9a-f]{8,16}(_bg)?\\.(js|wasm)$';

/**
 * What to change, per problem, for the hosts blog owners use. `base` is the checked
 * folder (for paths in the snippets). Each fix: { id, title, why, steps: [{ where, code?, text? }] }.
 */
export function fix(id, base) {
  const folder = new URL(base).pathname;
  const steps = {
    missing: {
      title: 'Upload the missing file',
      why: 'The loader finds every other file next to itself, so the whole folder has to be there, sub-folders included.',
      steps: [
        { where: 'Any host', text: `Upload the complete build folder (dist/, or the npm package's files) to ${folder}, keeping i18n/, fonts/ and snippets/ inside it. Replace client-checkup.js last, so readers never get a loader whose files are not there yet.` },
      ],
    },
    forbidden: {
      title: 'Let the host serve the file to every site',
      why: 'The host refuses the file. Hotlink protection does this to requests that come from another site, which is exactly how your blog asks for it.',
      steps: [
        { where: 'cPanel and similar', text: 'Turn hotlink protection off for this folder, or add your blog\'s address to the allowed sites, and check that the files are readable (permission 644, folders 755).' },
        { where: 'Cloud storage (S3, R2, GCS)', text: 'Make the objects publicly readable.' },
      ],
    },
    'server-error': {
      title: 'Fix the server error',
      why: 'The host failed while serving the file. Its error log says why.',
      steps: [{ where: 'Any host', text: 'Open the address in a browser tab, then look at the host\'s error log or ask its support.' }],
    },
    unreachable: {
      title: 'Check the address',
      why: 'Nothing answered at this address.',
      steps: [{ where: 'Any host', text: 'Open the address of client-checkup.js in a browser tab. If it does not load there either, the address is wrong or the server is down.' }],
    },
    'mixed-content': {
      title: 'Serve the files over https',
      why: 'Browsers block http:// files on https:// pages, so a blog served over https cannot load them.',
      steps: [{ where: 'Any host', text: 'Use the https:// address of the same folder (most hosts offer a free certificate, e.g. Let\'s Encrypt).' }],
    },
    'not-the-file': {
      title: 'Put the real file at this address',
      why: 'The address answers, but with something else: often the site\'s home page, which some hosts send for every address they do not know.',
      steps: [{ where: 'Any host', text: `Check that the files are in ${folder} (not one level up or down) and upload them again from one build.` }],
    },
    'mixed-versions': {
      title: 'Upload all files from one build',
      why: 'The loader and the wasm come from different versions. The loader refuses such a wasm (the widget shows its failure message), so a half-finished upload cannot break your page in stranger ways.',
      steps: [{ where: 'Any host', text: 'Upload the whole folder again from one build, then client-checkup.js last. Keep the old hashed files for a while: readers whose browser still has the old loader need them.' }],
    },
    'type-wasm': {
      title: 'Send .wasm files as application/wasm',
      why: 'Browsers start compiling the widget while it downloads only when it comes as application/wasm. With another type the widget starts later, logs a warning, and some CDNs (Cloudflare among them) do not compress it.',
      steps: [
        { where: 'Apache (.htaccess in the folder)', code: 'AddType application/wasm .wasm' },
        { where: 'nginx (mime.types, inside types { … })', code: 'application/wasm wasm;', text: 'nginx has it from 1.21 on; check that the http block includes mime.types.' },
        { where: 'Netlify, Cloudflare Pages, GitHub Pages', text: 'They send application/wasm on their own: check that the file kept its .wasm ending and that no rule of yours sets another Content-Type.' },
      ],
    },
    'type-js': {
      title: 'Send .js files as text/javascript',
      why: 'Browsers refuse to run a module script that does not come with a JavaScript type, and the widget loads its code as modules.',
      steps: [
        { where: 'Apache (.htaccess in the folder)', code: 'AddType text/javascript .js' },
        { where: 'nginx', text: 'Check that the http block has “include mime.types;”: it maps .js to a JavaScript type.' },
      ],
    },
    'type-json': {
      title: 'Send .json files as application/json',
      why: 'The widget reads the language files either way, but CDNs decide on compression and caching by this type, and a wrong one often means a misconfigured folder.',
      steps: [
        { where: 'Apache (.htaccess in the folder)', code: 'AddType application/json .json' },
        { where: 'nginx', text: 'Check that the http block has “include mime.types;”.' },
      ],
    },
    cors: {
      title: 'Allow pages on other sites to read the files (CORS)',
      why: 'Your blog and these files are on different origins (e.g. www.example.com and cdn.example.com), so the browser lets the widget load its code, language files and font only when the host says so with Access-Control-Allow-Origin. Not needed when the blog and the files share an origin.',
      steps: [
        { where: 'Apache (.htaccess in the folder; needs mod_headers)', code: '<IfModule mod_headers.c>\n  Header set Access-Control-Allow-Origin "*"\n</IfModule>' },
        { where: 'nginx (in the location that serves the folder)', code: 'add_header Access-Control-Allow-Origin "*" always;', text: 'nginx ignores add_header lines from outer blocks in a location that has its own, so put it in every location that serves these files.' },
        { where: 'Netlify or Cloudflare Pages (a file named _headers in the published folder)', code: `${folder}*\n  Access-Control-Allow-Origin: *` },
        { where: 'Cloud storage (S3, R2, GCS)', text: 'Add a CORS rule to the bucket: allowed origin *, method GET.' },
      ],
    },
    'cors-origin': {
      title: 'Allow your blog\'s origin (CORS)',
      why: 'The host allows one origin, and it is not the one that asked. Every blog address that embeds the widget must be allowed; * allows them all (the files are public anyway).',
      steps: [
        { where: 'Apache (.htaccess in the folder)', code: 'Header set Access-Control-Allow-Origin "*"' },
        { where: 'nginx', code: 'add_header Access-Control-Allow-Origin "*" always;' },
      ],
    },
    compression: {
      title: 'Compress the widget\'s files (brotli or gzip)',
      why: 'The wasm shrinks to about a third when compressed: the widget reaches readers on a phone connection seconds sooner.',
      steps: [
        { where: 'Apache (.htaccess; needs mod_deflate)', code: '<IfModule mod_deflate.c>\n  AddOutputFilterByType DEFLATE text/javascript application/javascript application/json application/wasm font/ttf\n</IfModule>' },
        { where: 'nginx (http or server block)', code: 'gzip on;\ngzip_types text/javascript application/javascript application/json application/wasm font/ttf;', text: 'nginx compresses only text/html unless told; brotli needs the ngx_brotli module (brotli on; brotli_types … with the same types).' },
        { where: 'Netlify, Cloudflare', text: 'They compress these types on their own, as long as the Content-Type is right (Cloudflare decides by the type).' },
      ],
    },
    'cache-hashed': {
      title: 'Let browsers keep the hashed files for a year',
      why: 'These names change with every build, so a file under one name never changes: readers who come back, or open a second article, need not download the widget again.',
      steps: [
        { where: 'Apache (.htaccess; needs mod_headers)', code: `<FilesMatch "${WASM_ONLY_HASHED}">\n  Header set Cache-Control "public, max-age=31536000, immutable"\n</FilesMatch>` },
        { where: 'nginx', code: `location ~* "${WASM_ONLY_HASHED}" {\n  add_header Cache-Control "public, max-age=31536000, immutable";\n  add_header Access-Control-Allow-Origin "*";\n}`, text: 'Repeat the CORS line here: nginx drops outer add_header lines in a location with its own.' },
        { where: 'Netlify, Cloudflare Pages', text: 'Their default makes browsers ask again each time (safe, one short request per file). Their _headers paths cannot single out the hashed names, so leaving the default is fine.' },
      ],
    },
    'cache-stable': {
      title: 'Cache the stable names briefly',
      why: 'client-checkup.js, the language files and the font keep their names across versions. Cached for long, a new upload reaches readers only when their copy expires, and until then their old loader asks for the old hashed files.',
      steps: [
        { where: 'Apache (.htaccess; needs mod_headers)', code: '<Files "client-checkup.js">\n  Header set Cache-Control "public, max-age=3600"\n</Files>' },
        { where: 'nginx', code: 'location = ' + folder + 'client-checkup.js {\n  add_header Cache-Control "public, max-age=3600";\n  add_header Access-Control-Allow-Origin "*";\n}' },
        { where: 'npm CDN', text: 'A version-pinned address (…@1.2.3/client-checkup.js) never changes, so long caching is right there.' },
      ],
    },
    'no-store': {
      title: 'Let browsers keep the file',
      why: 'Cache-Control: no-store makes every page view download it again.',
      steps: [{ where: 'Any host', text: 'Use “Cache-Control: no-cache” (keep it, but ask the host whether it changed) or a short max-age instead.' }],
    },
  };
  const found = steps[id];
  if (!found) throw new Error(`no fix named ${id}`);
  return { id, ...found };
}

// ------------------------------------------------------------------------- judging

/** A check's level: `error` (the widget will not work, or not on a blog on another origin),
 *  `warn` (it works, but slower or fragile), `ok`, `unknown` (cannot be seen from here),
 *  `info` (worth knowing, nothing to do). */
const check = (aspect, level, message, fixId) => ({ aspect, level, message, ...(fixId ? { fix: fixId } : {}) });

const essence = (type) => (type ?? '').split(';')[0].trim().toLowerCase();
const kib = (n) => (n >= 1024 ? `${(n / 1024).toFixed(n >= 10240 ? 0 : 1)} KiB` : `${n} B`);

function maxAge(cacheControl) {
  const m = /(?:^|[,\s])max-age\s*=\s*"?(\d+)/i.exec(cacheControl);
  return m ? Number(m[1]) : null;
}

function duration(seconds) {
  if (seconds >= 86400 * 2) return `${Math.round(seconds / 86400)} days`;
  if (seconds >= 7200) return `${Math.round(seconds / 3600)} hours`;
  if (seconds >= 120) return `${Math.round(seconds / 60)} minutes`;
  return `${seconds} seconds`;
}

function looksLike(kind, bytes) {
  if (!bytes || !bytes.length) return false;
  const starts = (...b) => b.every((x, i) => bytes[i] === x);
  switch (kind) {
    case 'wasm': return starts(0x00, 0x61, 0x73, 0x6d);
    case 'font': return starts(0x00, 0x01, 0x00, 0x00) || starts(0x74, 0x72, 0x75, 0x65) || starts(0x4f, 0x54, 0x54, 0x4f);
    case 'json': try { JSON.parse(new TextDecoder().decode(bytes)); return true; } catch { return false; }
    case 'js': return !/^\s*</.test(new TextDecoder().decode(bytes.subarray(0, 256)));
    default: return true;
  }
}

/**
 * Judges one file from what the probe saw. `seen`:
 *   { error?: 'unreachable' | 'mixed-content', status: number|null (null: answered, but
 *     not readable here), finalUrl, header(name) → string | null (absent) | undefined (not
 *     visible here), body: Uint8Array|null, corsRead: true|false|null (null: judge from the
 *     Access-Control-Allow-Origin header), sizes?: { encoded, decoded } }
 * `ctx`: { base, viewer: { kind: 'page'|'terminal', origin, sameOrigin }, loaderVersion }
 */
export function judge(file, seen, ctx) {
  const checks = [];
  const { viewer } = ctx;
  const needsCors = file.cors === 'required';

  // ---- reachable
  if (seen.error === 'mixed-content') {
    checks.push(check('reachable', 'error', 'Blocked: this page is https and the address is http.', 'mixed-content'));
    return checks;
  }
  if (seen.error) {
    checks.push(check('reachable', 'error', `Not reachable: ${seen.detail || 'nothing answered'}.`, 'unreachable'));
    return checks;
  }
  if (seen.status === null) {
    checks.push(check('reachable', 'unknown',
      'The host answered, but without CORS the browser does not let this page see the answer (whether the file is there, its type and its headers).'));
    checks.push(ctx.othersReadable
      ? check('cors', needsCors ? 'error' : 'warn',
        'No CORS on this file, although the other files have it: most likely the file is missing (hosts often send error pages without CORS headers).', 'missing')
      : corsMissing(file, viewer));
    return checks;
  }
  if (seen.finalUrl && seen.finalUrl !== file.url) {
    checks.push(check('reachable', 'info', `Redirected to ${seen.finalUrl}. Each redirect costs readers a round trip; link the final address.`));
  }
  if (seen.status === 404 || seen.status === 410) {
    checks.push(check('reachable', 'error', `Not found (HTTP ${seen.status}).`, 'missing'));
  } else if (seen.status === 401 || seen.status === 403) {
    checks.push(check('reachable', 'error', `Refused (HTTP ${seen.status}).`, 'forbidden'));
  } else if (seen.status >= 500) {
    checks.push(check('reachable', 'error', `Server error (HTTP ${seen.status}).`, 'server-error'));
  } else if (seen.status < 200 || seen.status >= 300) {
    checks.push(check('reachable', 'error', `Unexpected answer (HTTP ${seen.status}).`, 'missing'));
  } else {
    checks.push(check('reachable', 'ok', `Reachable (HTTP ${seen.status}${seen.body ? `, ${kib(seen.body.length)}` : ''}).`));
  }
  const found = seen.status >= 200 && seen.status < 300;

  // ---- the content is the file (not a home page sent for every address)
  if (found && seen.body && !looksLike(file.kind, seen.body)) {
    checks.push(check('content', 'error', `This is not the ${file.kind === 'js' ? 'script' : `${file.kind} file`}: the host sent something else${/^text\/html/.test(essence(seen.header('content-type'))) ? ' (a web page)' : ''}.`, 'not-the-file'));
  }

  // ---- version (wasm files carry the version they were built as)
  if (found && file.kind === 'wasm' && seen.body && looksLike('wasm', seen.body) && ctx.loaderVersion) {
    const v = wasmVersion(seen.body);
    if (v === ctx.loaderVersion) checks.push(check('version', 'ok', `Version ${v}, the loader's.`));
    else {
      const effect = file.key === 'wasm' ? 'the loader will refuse it' : 'the plan may fail to build';
      checks.push(check('version', 'error', `Version ${v ?? 'unknown (an older build)'}, but the loader is ${ctx.loaderVersion}: ${effect}.`, 'mixed-versions'));
    }
  }

  // ---- Content-Type
  const type = seen.header('content-type');
  const want = KINDS[file.kind];
  if (found) {
    if (type === undefined) {
      checks.push(check('type', 'unknown', 'Content-Type is not visible from here.'));
    } else if (!want.types) {
      checks.push(check('type', 'ok', `Content-Type: ${type ?? 'none'} (any type works for the font).`));
    } else if (type === null) {
      checks.push(check('type', 'error', `No Content-Type; must be ${want.want}.`, `type-${file.kind}`));
    } else if (want.types.includes(essence(type))) {
      checks.push(check('type', 'ok', `Content-Type: ${type}.`));
    } else {
      // Only a wrong JS type breaks the widget; a wrong wasm type slows it, a wrong JSON
      // type costs compression and caching on some CDNs.
      const level = file.kind === 'js' ? 'error' : 'warn';
      checks.push(check('type', level, `Content-Type is ${type}; must be ${want.want}.`, `type-${file.kind}`));
    }
  }

  // ---- CORS
  if (seen.corsRead === true) {
    checks.push(check('cors', 'ok', `Readable from another origin (this page, ${viewer.origin}).`));
  } else if (seen.corsRead === false) {
    checks.push(corsMissing(file, viewer));
  } else {
    const allow = seen.header('access-control-allow-origin');
    if (allow === undefined) {
      checks.push(check('cors', 'unknown', 'Access-Control-Allow-Origin is not visible from here.'));
    } else if (allow === null || allow.trim() === '') {
      checks.push(corsMissing(file, viewer));
    } else if (allow.trim() === '*') {
      checks.push(check('cors', 'ok', 'Access-Control-Allow-Origin: * (any blog may use it).'));
    } else if (viewer.kind === 'terminal' && allow.trim() === viewer.origin) {
      const vary = (seen.header('vary') ?? '').toLowerCase();
      checks.push(check('cors', 'ok', `Access-Control-Allow-Origin: ${allow.trim()} (allows the blog origin that was asked for${/\borigin\b|\*/.test(vary) ? '' : '; add “Vary: Origin” if a CDN sits in front, or it may serve one blog\'s answer to another'}).`));
    } else {
      checks.push(check('cors', needsCors ? 'error' : 'warn', `Access-Control-Allow-Origin: ${allow.trim()}: only that origin may use it${viewer.kind === 'terminal' ? `, not ${viewer.origin}` : ''}.`, needsCors ? 'cors-origin' : null));
    }
  }

  // ---- compression
  if (found) {
    const encoding = seen.header('content-encoding');
    const size = seen.sizes?.decoded || seen.body?.length || 0;
    if (encoding && encoding.trim() && encoding.trim().toLowerCase() !== 'identity') {
      const name = { br: 'brotli', gzip: 'gzip', zstd: 'zstd', deflate: 'deflate' }[encoding.trim().toLowerCase()] ?? encoding.trim();
      checks.push(check('compression', 'ok', `Compressed (${name}).`));
    } else if (size > 0 && size < 1024) {
      checks.push(check('compression', 'info', `Not compressed; too small to matter (${kib(size)}).`));
    } else if (encoding === undefined) {
      const { encoded, decoded } = seen.sizes ?? {};
      if (encoded > 0 && decoded > 0) {
        checks.push(encoded < decoded * 0.9
          ? check('compression', 'ok', `Compressed (${kib(encoded)} sent for ${kib(decoded)}; the method is not visible from here).`)
          : check('compression', 'warn', `Not compressed (${kib(encoded)} sent for ${kib(decoded)}).`, 'compression'));
      } else {
        checks.push(check('compression', 'unknown',
          'Not visible from this page: browsers hide Content-Encoding from pages on another origin. Open this builder from the asset host itself, or run the check in a terminal.'));
      }
    } else {
      checks.push(check('compression', 'warn', `Not compressed (${kib(size)} sent as is).`, 'compression'));
    }
  }

  // ---- caching
  if (found) {
    const cc = seen.header('cache-control');
    const age = cc ? maxAge(cc) : null;
    const pinned = isPinnedVersion(ctx.base);
    if (cc === undefined) {
      checks.push(check('caching', 'unknown', 'Cache-Control is not visible from here.'));
    } else if (cc && /\bno-store\b/i.test(cc)) {
      checks.push(check('caching', 'warn', `Cache-Control: ${cc}: every page view downloads it again.`, 'no-store'));
    } else if (file.hashed) {
      if (age !== null && age >= 30 * 86400) checks.push(check('caching', 'ok', `Cache-Control: ${cc}.`));
      else checks.push(check('caching', 'warn', cc ? `Cache-Control: ${cc}: the name changes with every build, so it could be kept for a year.` : 'No Cache-Control: browsers guess how long to keep it, though its name changes with every build and it could be kept for a year.', 'cache-hashed'));
    } else if (age !== null && age > 7 * 86400 && !pinned) {
      checks.push(check('caching', 'warn', `Cache-Control: ${cc}: a new upload reaches readers only after ${duration(age)}, because this name stays the same.`, 'cache-stable'));
    } else if (cc) {
      checks.push(check('caching', 'ok', `Cache-Control: ${cc}${pinned && age > 7 * 86400 ? ' (right for a version-pinned address)' : ''}.`));
    } else {
      checks.push(check('caching', 'info', 'No Cache-Control: browsers keep it as long as they guess is safe (often a tenth of its age) and ask again after that.'));
    }
  }
  return checks;
}

function corsMissing(file, viewer) {
  const where = viewer.kind === 'terminal'
    ? `for a blog at ${viewer.origin}`
    : viewer.sameOrigin
      ? 'checked from the same origin, where browsers send no Origin header: if the host adds CORS only for requests from other sites, run the check in a terminal to be sure'
      : `this page, at ${viewer.origin}, was refused`;
  if (file.cors === 'module') {
    return check('cors', 'warn', `No Access-Control-Allow-Origin (${where}). The snippet's <script> works without it; a <script type="module"> does not.`, 'cors');
  }
  return check('cors', 'error', `No Access-Control-Allow-Origin (${where}): a blog on another origin cannot load it.`, 'cors');
}

// ------------------------------------------------------------------------- the whole check

/**
 * Checks the asset host at `input` (the folder, or the loader's address).
 * `probe(url, kind)` fetches one file and resolves to what it saw (see {@link judge});
 * `viewer` says who looks: { kind: 'page' | 'terminal', origin, sameOrigin }.
 * Resolves to { base, viewer, version, files: [{ ...file, checks }], fixes: [{ ...fix, files }], counts }.
 */
export async function checkHost(input, { probe, viewer }) {
  const base = assetBase(input);
  const mixed = viewer.kind === 'page' && viewer.secure && new URL(base).protocol === 'http:' && !isLoopback(base);
  const look = (url, kind) => (mixed ? Promise.resolve({ error: 'mixed-content' }) : probe(url, kind));

  const [loaderFile] = filesFor(base, null);
  const loaderSeen = await look(loaderFile.url, 'js');
  const loaderText = loaderSeen.body && loaderSeen.status >= 200 && loaderSeen.status < 300
    ? new TextDecoder().decode(loaderSeen.body) : null;
  const loader = readLoader(loaderText);
  const files = filesFor(base, loader);
  const seen = [loaderSeen, ...await Promise.all(files.slice(1).map((f) => look(f.url, f.kind)))];
  const othersReadable = seen.some((s) => s.status !== null && !s.error);
  const ctx = { base, viewer, loaderVersion: loader?.version ?? null, othersReadable };

  const judged = files.map((f, i) => ({ ...f, status: seen[i].status ?? null, checks: judge(f, seen[i], ctx) }));
  if (loaderText !== null && !loader) {
    judged[0].checks.push(check('content', 'error', 'This is not the Client Checkup loader, so its other files cannot be found.', 'not-the-file'));
  } else if (!loader && loaderSeen.status === null && !loaderSeen.error) {
    judged[0].checks.push(check('content', 'unknown', 'The loader could not be read here, so the hashed module files it names were not checked.'));
  }

  const fixes = [];
  for (const f of judged) {
    for (const c of f.checks) {
      if (!c.fix) continue;
      let entry = fixes.find((x) => x.id === c.fix);
      if (!entry) fixes.push(entry = { ...fix(c.fix, base), files: [] });
      if (!entry.files.includes(f.label)) entry.files.push(f.label);
    }
  }
  const counts = { error: 0, warn: 0, unknown: 0 };
  for (const f of judged) for (const c of f.checks) if (c.level in counts) counts[c.level]++;
  return { base, viewer, version: loader?.version ?? null, files: judged, fixes, counts };
}

/** One line for a whole report: what a person needs to know first. */
export function summary(report) {
  const { error, warn, unknown } = report.counts;
  const parts = [];
  if (error) parts.push(`${error} ${error === 1 ? 'problem' : 'problems'} that stop the widget`);
  if (warn) parts.push(`${warn} ${warn === 1 ? 'thing' : 'things'} to improve`);
  const head = parts.length ? `${parts.join(' and ')}.` : 'All good: the host serves the widget as it should.';
  return unknown ? `${head} ${unknown} ${unknown === 1 ? 'detail is' : 'details are'} not visible from here.` : head;
}

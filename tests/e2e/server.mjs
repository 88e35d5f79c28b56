// A tiny static file server for the end-to-end tests: serves a folder on 127.0.0.1 with
// correct MIME types, optional extra headers (CSP, CORS) and a log of every request.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.ttf': 'font/ttf', '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

/** Brotli (else gzip) for clients that accept it, as a production host would serve. */
function encode(req, body, cache) {
  const accepts = String(req.headers['accept-encoding'] || '');
  const kind = /\bbr\b/.test(accepts) ? 'br' : /\bgzip\b/.test(accepts) ? 'gzip' : null;
  if (!kind || body.length < 256) return { body };
  const key = `${kind}:${req.url}:${body.length}`;
  if (!cache.has(key)) {
    cache.set(key, kind === 'br'
      ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
      : zlib.gzipSync(body, { level: 9 }));
  }
  return { body: cache.get(key), encoding: kind };
}

/** Starts a server; resolves to { url, port, close(), requests: [] }. With `compress`,
 *  responses are brotli- or gzip-encoded when the client accepts it. `hold(pathname)`
 *  may return a promise: the response waits for it (a slow network, for one file). */
export function serve(root, { port = 0, host = '127.0.0.1', headers = {}, pages = {}, compress = false, hold } = {}) {
  const cache = new Map();
  const send = (req, res, status, head, raw) => {
    const { body, encoding } = compress ? encode(req, Buffer.from(raw), cache) : { body: raw };
    res.writeHead(status, encoding ? { ...head, 'content-encoding': encoding, vary: 'accept-encoding' } : head);
    res.end(body);
  };
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push({ method: req.method, path: url.pathname, search: url.search });
    const gate = hold?.(url.pathname);
    if (gate) gate.then(() => respond(req, res, url));
    else respond(req, res, url);
  });
  function respond(req, res, url) {
    const extra = typeof headers === 'function' ? headers(url.pathname) : headers;
    if (Object.hasOwn(pages, url.pathname)) {
      send(req, res, 200, { 'content-type': TYPES['.html'], ...extra }, pages[url.pathname]);
      return;
    }
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(path.resolve(root))) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, extra); res.end('not found'); return; }
      send(req, res, 200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', ...extra }, body);
    });
  }
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const p = server.address().port;
      resolve({ url: `http://${host}:${p}`, port: p, requests, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

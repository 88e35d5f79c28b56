// A tiny static file server for the end-to-end tests: serves a folder on 127.0.0.1 with
// correct MIME types, optional extra headers (CSP, CORS) and a log of every request.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.ttf': 'font/ttf', '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
};

/** Starts a server; resolves to { url, port, close(), requests: [] }. */
export function serve(root, { port = 0, host = '127.0.0.1', headers = {}, pages = {} } = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    requests.push({ method: req.method, path: url.pathname, search: url.search });
    const extra = typeof headers === 'function' ? headers(url.pathname) : headers;
    if (Object.hasOwn(pages, url.pathname)) {
      res.writeHead(200, { 'content-type': TYPES['.html'], ...extra });
      res.end(pages[url.pathname]);
      return;
    }
    let file = path.join(root, decodeURIComponent(url.pathname));
    if (!file.startsWith(path.resolve(root))) { res.writeHead(403); res.end(); return; }
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, extra); res.end('not found'); return; }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', ...extra });
      res.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const p = server.address().port;
      resolve({ url: `http://${host}:${p}`, port: p, requests, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

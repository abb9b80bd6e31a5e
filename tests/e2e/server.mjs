// A static server for dist/ on 127.0.0.1, as a plain static host would serve it: files as
// they are, 404.html (the app) with status 404 for unknown paths, brotli or gzip when the
// browser asks: the build's own quality-11 `.br` copy where there is one (as deploy/nginx.conf's
// `brotli_static` serves it), else compressed on the fly. Used by `./x serve`, `./x bench` and,
// with OPPVEKST_SERVER=node, by the browser tests.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript',
  '.wasm': 'application/wasm', '.json': 'application/json', '.css': 'text/css',
  '.bin': 'application/octet-stream', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.webmanifest': 'application/manifest+json', '.txt': 'text/plain; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.json', '.css', '.bin', '.svg', '.txt']);

function resolve(root, urlPath) {
  let p = decodeURIComponent(urlPath.split('?')[0]);
  if (p.endsWith('/')) p += 'index.html';
  const f = path.join(root, path.normalize(p));
  if (!f.startsWith(root)) return null;
  if (fs.existsSync(f) && fs.statSync(f).isFile()) return f;
  const idx = path.join(f, 'index.html');
  if (fs.existsSync(idx)) return idx;
  return null;
}

export function startServer(dist, { port = 0, host = '127.0.0.1', compress = true } = {}) {
  const root = path.resolve(dist);
  const server = http.createServer((req, res) => {
    let file = resolve(root, new URL(req.url, 'http://x').pathname);
    let status = 200;
    if (!file) {
      status = 404;
      file = path.join(root, '404.html');
      if (!fs.existsSync(file)) { res.writeHead(404); return res.end('not found'); }
    }
    const ext = path.extname(file);
    const headers = { 'content-type': TYPES[ext] ?? 'application/octet-stream', 'cache-control': 'no-cache' };
    let body = fs.readFileSync(file);
    const accept = String(req.headers['accept-encoding'] ?? '');
    if (compress && COMPRESSIBLE.has(ext)) {
      if (accept.includes('br') && fs.existsSync(`${file}.br`)) {
        body = fs.readFileSync(`${file}.br`);
        headers['content-encoding'] = 'br';
      } else if (accept.includes('br')) {
        body = zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } });
        headers['content-encoding'] = 'br';
      } else if (accept.includes('gzip')) {
        body = zlib.gzipSync(body);
        headers['content-encoding'] = 'gzip';
      }
      headers['vary'] = 'accept-encoding';
    }
    headers['content-length'] = body.length;
    res.writeHead(status, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((ok) => server.listen(port, host, () => {
    const url = `http://${host}:${server.address().port}`;
    ok({ server, url, close: () => new Promise((r) => server.close(r)) });
  }));
}

// `node tests/e2e/server.mjs dist [port]`: serve until stopped.
if (import.meta.url === `file://${process.argv[1]}`) {
  const dist = process.argv[2] ?? 'dist';
  const port = Number(process.argv[3] ?? 8080);
  const { url } = await startServer(dist, { port });
  console.log(`oppvekst is served at ${url}/  (Ctrl-C to stop)`);
}

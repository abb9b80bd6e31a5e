// nginx serving dist/ with the repository's own configuration (deploy/nginx.conf), as a host
// runs it: the browser tests meet the CSP header, the caching rules, the precompressed files
// and the 404 page a real server gives. Started on a free 127.0.0.1 port in a scratch prefix
// and stopped by the harness; only `listen`, `root` and the embedding sites change.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const CONF = path.resolve('deploy/nginx.conf');
const NGINX = process.env.NGINX ?? '/usr/sbin/nginx';
// Debian's module directory; the brotli module comes from libnginx-mod-http-brotli-static.
const BROTLI = '/usr/lib/nginx/modules/ngx_http_brotli_static_module.so';
const PLACEHOLDER = 'https://www.your-kommune.no';

function freePort() {
  return new Promise((ok, fail) => {
    const s = net.createServer();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => ok(port)); });
  });
}

/** deploy/nginx.conf with this run's port, root and embedding sites; fails on a changed file. */
export function siteConf({ port, root, frameAncestors = [] }) {
  const conf = fs.readFileSync(CONF, 'utf8');
  const swaps = [
    [/^(\s*)listen 80;$/m, `$1listen 127.0.0.1:${port};`],
    [/^(\s*)root \/srv\/oppvekst\/dist;$/m, `$1root ${root};`],
    [PLACEHOLDER, frameAncestors.length ? frameAncestors.join(' ') : PLACEHOLDER],
  ];
  return swaps.reduce((text, [from, to]) => {
    if (!text.match(from)) throw new Error(`deploy/nginx.conf has no ${from}: update tests/e2e/nginx.mjs`);
    return text.replace(from, to);
  }, conf);
}

export async function startNginx(dist, { frameAncestors = [] } = {}) {
  if (!fs.existsSync(NGINX)) {
    throw new Error(`${NGINX} not found: the browser tests serve dist/ with nginx (./x setup installs it)`);
  }
  const root = path.resolve(dist);
  const port = await freePort();
  const prefix = fs.mkdtempSync(path.join(os.tmpdir(), 'oppvekst-nginx-'));
  fs.chmodSync(prefix, 0o755);
  fs.writeFileSync(path.join(prefix, 'oppvekst.conf'), siteConf({ port, root, frameAncestors }));
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `  ${t}_temp_path ${prefix}/${t};`).join('\n');
  fs.writeFileSync(path.join(prefix, 'nginx.conf'), `load_module ${BROTLI};
worker_processes 1;
pid ${prefix}/nginx.pid;
events { worker_connections 256; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log off;
  sendfile on;
${temp}
  include ${prefix}/oppvekst.conf;
}
`);
  const check = spawnSync(NGINX, ['-t', '-q', '-p', prefix, '-e', `${prefix}/error.log`, '-c', `${prefix}/nginx.conf`]);
  if (check.status !== 0) throw new Error(`nginx -t: ${check.stderr}${fs.readFileSync(`${prefix}/error.log`, 'utf8')}`);
  const child = spawn(NGINX, ['-p', prefix, '-e', `${prefix}/error.log`, '-c', `${prefix}/nginx.conf`, '-g', 'daemon off;'],
    { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => { stderr += d; });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    try { await fetch(`${url}/sw.js`, { method: 'HEAD' }); break; } catch (e) {
      if (i > 100) throw new Error(`nginx did not answer on ${url}: ${e}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  return {
    url,
    prefix,
    async close() {
      if (child.exitCode === null) {
        const gone = new Promise((r) => child.once('exit', r));
        child.kill('SIGQUIT');
        await gone;
      }
      fs.rmSync(prefix, { recursive: true, force: true });
    },
  };
}

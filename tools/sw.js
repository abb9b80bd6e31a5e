// oppvekst's service worker: the profile where the connection is poor or gone.
//
// Written into dist/sw.js by `oppvekst-data offline dist` with this build's VERSION (a hash of
// the shell's files) and PRECACHE (the shell: the page, the app, its styles, ECharts, the
// manifest and the context bundle). Every build of a different shell is therefore a new
// worker, and every worker keeps its own cache, `oppvekst-VERSION`.
//
// Why the app is never broken after a deploy:
//  - pages and every file without a content hash in its name (the manifest, ECharts, embed.js)
//    come from the network first; the cache answers only when the network does not;
//  - files with a content hash in their name (the app, its styles, the bundles) never change
//    under their name, so the cache may answer first: a new deploy names new files;
//  - so a page from the network always gets the files it names, and a page from the cache
//    (offline) gets the files it was cached with, which the same cache holds;
//  - a new worker waits until the app asks it to take over (the reader's «Last inn på nytt»),
//    and only then deletes the old cache.
// Answers from the cache because the network failed carry `x-oppvekst-offline: 1`, so that the
// app can say it shows saved figures.
//
// What is kept is what it claims to be: a page is HTML, a bundle starts with the bundles' magic
// number, and nothing else is HTML. A host that answers unknown paths with its page and 200 (a
// common single-page-app setting) would otherwise leave a page under a bundle's name, and the
// cache would answer with it forever. A full storage quota fails the keeping, never the answer.

const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `oppvekst-${VERSION}`;
const HASHED = /-[0-9a-f]{8,16}\.(js|wasm|css|bin)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith('oppvekst-') && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

/** A same-origin path of ours, or null: what the app may ask the worker to keep. */
function ownPath(url) {
  try {
    const u = new URL(url, self.location.origin);
    return u.origin === self.location.origin ? u.pathname : null;
  } catch {
    return null;
  }
}

// Messages from the app's own pages only (a client of this worker, same origin by definition),
// and only of the two shapes below; anything else is ignored.
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || typeof data !== 'object') return;
  if (data.type === 'oppvekst:take-over') {
    self.skipWaiting();
  } else if (data.type === 'oppvekst:keep' && Array.isArray(data.urls) && data.urls.length <= 200) {
    // What the page loaded before this worker controlled it (the first visit): the page
    // itself and its bundles, so that it opens again offline.
    const paths = data.urls.map(ownPath).filter((p) => p !== null);
    event.waitUntil(caches.open(CACHE).then((cache) => Promise.all(paths.map(async (path) => {
      const key = keyOf(path);
      if (await cache.match(key)) return;
      try {
        await keep(cache, key, unredirected(await fetch(path)));
      } catch {
        // Offline already: nothing to keep.
      }
    }))));
  }
});

/** The bundles' magic number, the first four bytes of every `.bin` file (`OPVK`). */
const MAGIC = 'OPVK';

/** Whether `response` is what its cache key promises (see the top of this file). */
async function genuine(key, response) {
  if (!response.ok) return false;
  const html = (response.headers.get('content-type') ?? '').startsWith('text/html');
  if (key.endsWith('/')) return html;
  if (html) return false;
  if (!key.endsWith('.bin')) return true;
  const head = new Uint8Array(await response.clone().arrayBuffer(), 0, 4);
  return String.fromCharCode(...head) === MAGIC;
}

/** Keeps `response` under `key` if it is genuine; a failed `put` (a full quota) is let go. */
async function keep(cache, key, response) {
  try {
    if (await genuine(key, response)) await cache.put(key, response);
  } catch {
    // The reader still gets the answer; it is only not saved for later.
  }
}

/** Marks a cached answer as coming from the cache because the network failed. */
function offline(response) {
  const headers = new Headers(response.headers);
  headers.set('x-oppvekst-offline', '1');
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * The cache key of a path: a file's path as it is; a page's (no extension in its last part)
 * with a trailing slash, so that /kommune/0301 and /kommune/0301/ are one page. The query is
 * never part of it: a page's query is the app's state, read in the browser.
 */
function keyOf(path) {
  const last = path.slice(path.lastIndexOf('/') + 1);
  return last.includes('.') ? path : path.replace(/\/?$/, '/');
}
const pageKey = (url) => keyOf(new URL(url).pathname);

/** A response the browser will take for a page: a host's redirect (/x → /x/) is forgotten. */
function unredirected(response) {
  if (!response.redirected) return response;
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers: response.headers });
}

async function page(request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    await keep(cache, pageKey(request.url), unredirected(response.clone()));
    return response;
  } catch (error) {
    // Offline: this page as last seen, or the app's shell, which routes to it in the browser.
    const cached = (await cache.match(pageKey(request.url))) ?? (await cache.match('/'));
    if (cached) return offline(cached);
    throw error;
  }
}

async function networkFirst(request) {
  const cache = await caches.open(CACHE);
  const key = new URL(request.url).pathname;
  try {
    const response = await fetch(request);
    await keep(cache, key, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(key);
    if (cached) return offline(cached);
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const key = new URL(request.url).pathname;
  const cached = await cache.match(key);
  if (cached) return cached;
  const response = await fetch(request);
  await keep(cache, key, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname === '/sw.js') return;
  if (request.mode === 'navigate') event.respondWith(page(request));
  else if (HASHED.test(url.pathname)) event.respondWith(cacheFirst(request));
  else event.respondWith(networkFirst(request));
});

// oppvekst's service worker: the profile where the connection is poor or gone.
//
// Written into dist/sw.js by `oppvekst-data offline dist` with this build's VERSION (a hash of
// the shell's files) and PRECACHE (the shell: the page, the app, its styles, ECharts, the
// page's own manifest and the context in each language). Every build of a different shell is
// therefore a new worker, and every worker keeps its own cache, `oppvekst-VERSION`.
//
// Why the app is never broken after a deploy:
//  - pages and every file without a content hash in its name (ECharts, embed.js) come from the
//    network first; the cache answers only when the network does not;
//  - files with a content hash in their name (the app, its styles, the bundles, and the
//    manifest a page names in its head) never change under their name, so any of our caches
//    may answer first: a new deploy names new files;
//  - so a page from the network always gets the files it names, and a page from a cache
//    (offline) gets the manifest and the files it was kept with, which that cache holds, even
//    if a page of a newer version was kept since. The server's `manifest.json` says what the
//    server has now (the app asks it when a bundle has gone) and is never kept;
//  - a new worker waits until the app asks it to take over (the reader's «Last inn på nytt»).
//    It then carries what the reader kept over to its own cache: each kept page and each kept
//    area's bundle, fetched anew in the new version. An old cache goes only once all of it has
//    come over; until then (offline, say) its pages still answer.
// Answers from the cache because the network failed carry `x-oppvekst-offline: 1`, so that the
// app can say it shows saved figures.
//
// What is kept is what it claims to be: a page is HTML, a bundle starts with the bundles' magic
// number, and nothing else is HTML. A host that answers unknown paths with its page and 200 (a
// common single-page-app setting) would otherwise leave a page under a bundle's name, and the
// cache would answer with it forever.
//
// Storage: the cache keeps the MAX_PAGES most recently seen pages (a page seen again moves to
// the end) and the bundles, which are small (all areas of one version take about 2 MB). A full
// quota fails the keeping, never the answer: the oldest half of what was kept goes and the
// keeping is tried once more. The shell is never trimmed, so the app itself always opens.
// Writes to the cache go one at a time, so that making room never deletes what another write
// has just put; the page gets its answer without waiting for them.
//
// Requests: the shell is installed without a second download of what the page loaded already
// (hashed files from the HTTP cache, the rest revalidated), and a file the page asks the
// worker to keep is read from the HTTP cache when it is there.

const VERSION = '__VERSION__';
const PRECACHE = __PRECACHE__;
const CACHE = `oppvekst-${VERSION}`;
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.(js|wasm|css|bin|json)$/;
/** The manifest this version's pages name (see `codec::manifest`). */
const MANIFEST = PRECACHE.find((url) => /^\/data\/manifest-[0-9a-f]{8}\.json$/.test(url));
/** The server's manifest as it is now: never kept, so never stale. */
const LATEST = '/data/manifest.json';
/** The pages kept at most, the most recently seen. */
const MAX_PAGES = 200;

self.addEventListener('install', (event) => {
  // A hashed file the page loaded comes from the HTTP cache; anything else is revalidated, so a
  // new worker never installs a stale page (304 when unchanged: no second download).
  const requests = PRECACHE.map((url) => new Request(url, { cache: HASHED.test(url) ? 'default' : 'no-cache' }));
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(requests)));
});

self.addEventListener('activate', (event) => {
  // Quick: the reader's reload waits for this. The old caches stay until their pages have
  // come over (`carryOver`, on the reloaded page's first message).
  event.waitUntil(self.clients.claim());
});

/**
 * This version's cache to write to, or null once a newer version has carried it over and
 * deleted it. `caches.open` would make it anew, an empty cache left behind until the next
 * carry-over. A retired worker only reads (`match`).
 */
async function ownCache() {
  return (await caches.has(CACHE)) ? caches.open(CACHE) : null;
}

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
  } else if (data.type === 'oppvekst:keep' && Array.isArray(data.urls) && data.urls.length <= MAX_PAGES) {
    // What the page loaded before this worker controlled it (the first visit): the page
    // itself and its bundles, so that it opens again offline. Every page sends this once a
    // worker is active, so it is also when an update carries the old caches over.
    const paths = data.urls.map(ownPath).filter((p) => p !== null && p !== LATEST);
    event.waitUntil((async () => {
      const cache = await ownCache();
      if (!cache) return;
      await Promise.all(paths.map(async (path) => {
        const key = keyOf(path);
        if (await cache.match(key)) return;
        try {
          // What the page has just loaded, from the HTTP cache: not a second download.
          await keep(cache, key, unredirected(await fetch(path, { cache: 'force-cache' })));
        } catch {
          // Offline already: nothing to keep.
        }
      }));
      await trimPages(cache);
      await carryOver();
    })());
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

/** The end of the queue of writes to the cache (`serially`). */
let writing = Promise.resolve();

/**
 * Runs `write` once the writes queued before it are done. A full quota makes room by deleting
 * what was kept; two writes making room at once would each delete what the other had just put,
 * and a page with its bundles (five answers at once) could end with none of them kept.
 */
function serially(write) {
  const run = writing.then(write);
  writing = run.catch(() => {});
  return run;
}

/**
 * Keeps `response` under `key` if it is genuine, after the writes queued before it. A full
 * quota makes room (the oldest half of what was kept) and tries again, until it fits or only
 * the shell is left: what the reader saw last is worth more than what they saw first, and one
 * halving of small bundles may not free room for a page. Only a full quota does: another
 * failure lets nothing go. A shell file (kept since install) is only refreshed where there is
 * room: making room for it would let the reader's pages go for a file the cache already has.
 * What is not kept is only not saved.
 */
function keep(cache, key, response) {
  return serially(() => keepNow(cache, key, response));
}

async function keepNow(cache, key, response) {
  try {
    if (!(await genuine(key, response))) return;
    for (;;) {
      try {
        await cache.put(key, response.clone());
        return;
      } catch (error) {
        if (error?.name !== 'QuotaExceededError' || isShell(key) || !(await makeRoom(cache))) return;
      }
    }
  } catch {
    // The reader still gets the answer; it is only not saved for later.
  }
}

/** Whether a cache key is part of the shell, which is never trimmed. */
const isShell = (key) => PRECACHE.includes(key);
const isPage = (key) => key.endsWith('/');

/** Keeps the MAX_PAGES most recent pages (a page kept again was moved to the end by `put`). */
function trimPages(cache) {
  return serially(() => trimPagesNow(cache));
}

async function trimPagesNow(cache) {
  const pages = (await cache.keys()).filter((r) => {
    const key = new URL(r.url).pathname;
    return isPage(key) && !isShell(key);
  });
  await Promise.all(pages.slice(0, Math.max(0, pages.length - MAX_PAGES)).map((r) => cache.delete(r)));
}

/**
 * The caches of older versions than this one: every other `oppvekst-` cache, but only while
 * this worker is the registration's active one and no newer worker is installing or waiting
 * (their caches are newer, and never this worker's to touch). A retired worker finds none.
 *
 * Not by the order `caches.keys()` lists them in: that is the order the names were made, and
 * an old cache made anew after its deletion (an old worker, or any page, calling
 * `caches.open` on its name a moment too late) would then pass for a newer one and never go.
 * Browsers without `self.serviceWorker` (before 2024) fall back on that order.
 */
async function olderCaches() {
  const names = (await caches.keys()).filter((n) => n.startsWith('oppvekst-'));
  const state = self.serviceWorker?.state;
  if (state === undefined) return names.slice(0, Math.max(0, names.indexOf(CACHE)));
  const current = state === 'activating' || state === 'activated';
  if (!current || self.registration.installing || self.registration.waiting) return [];
  return names.filter((n) => n !== CACHE);
}

/**
 * The storage quota is full: older versions' caches go, then the oldest half of this one.
 * Whether anything went.
 */
async function makeRoom(cache) {
  const older = await olderCaches();
  for (const name of older) await caches.delete(name);
  const kept = (await cache.keys()).filter((r) => !isShell(new URL(r.url).pathname));
  const going = kept.slice(0, Math.ceil(kept.length / 2));
  await Promise.all(going.map((r) => cache.delete(r)));
  return older.length + going.length > 0;
}

/** The area code a kept bundle is for (`/data/area/0301-3c1e757f.bin`), or null. */
function areaOf(key) {
  const m = /^\/data\/area\/([0-9]+)-[0-9a-f]{8,16}\.bin$/.exec(key);
  return m ? m[1] : null;
}

let carrying = null;

/**
 * Brings what older versions' caches kept into this one: each kept page and each kept area's
 * bundle, fetched anew (the new version's page, the new bundle the manifest names), the oldest
 * first so that the order of recency holds. An old cache goes once all of it is here; one that
 * could not come over (the network gone) stays, answering for its pages, and is tried again.
 */
function carryOver() {
  carrying ??= (async () => {
    const old = await olderCaches();
    if (old.length === 0) return;
    const cache = await ownCache();
    const own = await cache?.match(MANIFEST);
    if (!own) return;
    const manifest = await own.json();
    for (const name of old) {
      // Never `open` a cache that may have gone since (see `ownCache`).
      if (!(await caches.has(name))) continue;
      const keys = (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname);
      const wanted = [];
      for (const key of keys) {
        const area = areaOf(key);
        if (isPage(key) && !isShell(key)) wanted.push(key);
        else if (area && manifest.areas?.[area]) wanted.push(`/data/${manifest.areas[area]}`);
        else if (key.startsWith('/data/geometry-')) wanted.push(...Object.values(manifest.geometry ?? {}).map((f) => `/data/${f}`));
      }
      let complete = true;
      for (const key of wanted) {
        if (await cache.match(key)) continue;
        try {
          // A page's address is without the slash its key has (`/kommune/0301`).
          const response = await fetch(isPage(key) ? key.replace(/(.)\/$/, '$1') : key, { cache: 'no-cache' });
          // A page or bundle the new version no longer has (an area gone) is let go.
          if (response.ok) await keep(cache, key, unredirected(response));
          else if (response.status !== 404) complete = false;
        } catch {
          complete = false;
        }
      }
      if (complete) await caches.delete(name);
    }
    await trimPages(cache);
  })().finally(() => { carrying = null; });
  return carrying;
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

/** This version's copy first, then any other version's (one not yet carried over). */
async function match(cache, key) {
  return (await cache?.match(key)) ?? (await caches.match(key));
}

async function page(event) {
  const request = event.request;
  const cache = await ownCache();
  const key = pageKey(request.url);
  try {
    const response = await fetch(request);
    if (cache) {
      const copy = unredirected(response.clone());
      event.waitUntil(keep(cache, key, copy).then(() => trimPages(cache)));
    }
    return response;
  } catch (error) {
    // Offline: this page as last seen, or the app's shell, which routes to it in the browser.
    const cached = (await match(cache, key)) ?? (await match(cache, '/'));
    if (cached) return offline(cached);
    throw error;
  }
}

async function networkFirst(event) {
  const request = event.request;
  const cache = await ownCache();
  const key = new URL(request.url).pathname;
  try {
    const response = await fetch(request);
    if (cache) event.waitUntil(keep(cache, key, response.clone()));
    return response;
  } catch (error) {
    const cached = await match(cache, key);
    if (cached) return offline(cached);
    throw error;
  }
}

/** A hashed file never changes under its name, so a copy kept by any version will do. */
async function cacheFirst(event) {
  const request = event.request;
  const cache = await ownCache();
  const key = new URL(request.url).pathname;
  const cached = await match(cache, key);
  if (cached) return cached;
  const response = await fetch(request);
  if (cache) event.waitUntil(keep(cache, key, response.clone()));
  return response;
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname === '/sw.js' || url.pathname === LATEST) return;
  // The answer goes to the page at once; keeping its copy (`keep`, queued behind other writes)
  // goes on while the page reads it.
  if (request.mode === 'navigate') event.respondWith(page(event));
  else if (HASHED.test(url.pathname)) event.respondWith(cacheFirst(event));
  else event.respondWith(networkFirst(event));
});

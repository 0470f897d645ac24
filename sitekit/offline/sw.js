// The service worker of one edition; sitekit/offline.py fills in FILES, OTHER_EDITIONS and VERSION
// after the build. It runs only for readers who saved the edition (assets/offline.js registers it
// then) and stores every page, the search index and the assets they use when the page asks it to.
// Pages and the project's own files come from the network when it answers well within WAIT ms, else
// from the store; an HTTP error or an answer from another origin (a Wi-Fi login page) never
// replaces a stored page. Material's files, named by a hash of their content, come from the store.
// Only GET requests inside this edition are handled.
const FILES = FILES_HERE, OTHER_EDITIONS = OTHER_EDITIONS_HERE, VERSION = "VERSION_HERE", WAIT = 3000;
const SCOPE = self.registration.scope, SAVED = SCOPE + " saved ", STORE = SAVED + VERSION;
const address = path => new URL(path, SCOPE).href;
const KNOWN = new Set(FILES.map(address)), HASHED = /\.[0-9a-f]{8}\.min\.(js|css)$/;

// All files or none: a store that is there is complete.
const fill = () => caches.open(STORE)
  .then(store => store.addAll(FILES.map(file => new Request(address(file), { cache: "no-cache" }))))
  .catch(error => caches.delete(STORE).then(() => { throw error; }));

// A new build's worker fills its new store only if the reader saved the edition before.
self.addEventListener("install", event => event.waitUntil(caches.keys()
  .then(names => names.some(name => name.startsWith(SAVED)) && fill())
  .then(() => self.skipWaiting())));

// This edition's older stores go (never another edition's), unrequested ones of earlier builds too.
self.addEventListener("activate", event => event.waitUntil(caches.keys()
  .then(names => Promise.all(names.filter(name => name.startsWith(SCOPE + " ") && name !== STORE)
    .map(name => caches.delete(name))))
  .then(() => self.clients.claim())));

// The reader pressed "Save for offline use": store the edition, then answer on the given port.
self.addEventListener("message", event => {
  if (event.data === "offline:save" && event.ports[0]) event.waitUntil(fill()
    .then(() => "offline:saved", () => "offline:failed").then(answer => event.ports[0].postMessage(answer)));
});

self.addEventListener("fetch", event => {
  const request = event.request, url = new URL(request.url);
  if (request.method !== "GET" || !request.url.startsWith(SCOPE) ||
      OTHER_EDITIONS.some(folder => request.url.startsWith(address(folder)))) return;
  // Without query and fragment: a search highlight (?h=) opens the stored page too.
  const key = url.origin + url.pathname, page = key.endsWith("/") || key.endsWith(".html");
  if (!KNOWN.has(key)) {
    if (request.mode === "navigate") event.respondWith(fetch(request)
      .catch(() => stored(address("404.html")).then(response => response || Response.error())));
    return;
  }
  if (HASHED.test(key)) {
    event.respondWith(stored(key).then(response => response || fetch(request)));
    return;
  }
  const client = event.resultingClientId || event.clientId;
  event.respondWith(fresh(request, key, page).then(([response, source]) => {
    if (page && source) tell(client, "offline:" + source);
    return response;
  }));
});

// [response, "online" | "stored" | ""]: the network's answer if it is good and comes within WAIT ms,
// else the stored copy; without one, whatever the network answers, however late. For a while after
// the network failed a page, that page's files come straight from the store: it shows at once.
let failed = 0;
function fresh(request, key, page) {
  const fromStore = network => stored(key)
    .then(found => found ? [found, "stored"] : network().then(response => [response, ""]));
  if (!page && Date.now() - failed < 10 * WAIT) return fromStore(() => fetch(request));
  // Past the browser's HTTP cache: "the network" means the server (or whatever answers in its place).
  const network = fetch(request.mode === "navigate" ? new Request(request.url, { cache: "no-cache", redirect: "manual" })
    : new Request(request, { cache: "no-cache" }));
  const good = network.then(response => response.ok && response.type === "basic" ? [response, "online"] : Promise.reject());
  const late = new Promise((resolve, reject) => setTimeout(reject, WAIT));
  return Promise.race([good, late]).then(answer => { if (page) failed = 0; return answer; },
    () => { failed = Date.now(); return fromStore(() => network); });
}

function stored(key) {
  return caches.match(key, { cacheName: STORE });  // never opens (creates) the store
}

// Tells the page (assets/offline.js) whether it shows a stored copy or the network's page.
function tell(id, message) {
  if (id) self.clients.get(id).then(client => client && client.postMessage(message));
}

// The service worker of one edition; sitekit/offline.py fills in FILES, OTHER_EDITIONS and VERSION
// after the build. It stores every page, the search index and the assets they use when it
// installs, so the edition works without a connection. Pages and the project's own files come from
// the network when it answers and from the store when it does not; Material's files, named by a
// hash of their content, come from the store. Only GET requests inside this edition are handled.
const FILES = FILES_HERE, OTHER_EDITIONS = OTHER_EDITIONS_HERE, VERSION = "VERSION_HERE";
const SCOPE = self.registration.scope, STORE = SCOPE + " " + VERSION;
const address = path => new URL(path, SCOPE).href;
const KNOWN = new Set(FILES.map(address)), HASHED = /\.[0-9a-f]{8}\.min\.(js|css)$/;

self.addEventListener("install", event => event.waitUntil(caches.open(STORE)
  .then(store => store.addAll(FILES.map(file => new Request(address(file), { cache: "no-cache" }))))
  .then(() => self.skipWaiting())));

// The new store is complete: delete this edition's older ones (never another edition's).
self.addEventListener("activate", event => event.waitUntil(caches.keys()
  .then(names => Promise.all(names.filter(name => name.startsWith(SCOPE + " ") && name !== STORE)
    .map(name => caches.delete(name))))
  .then(() => self.clients.claim())));

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
  event.respondWith(fetch(request).catch(() => stored(key).then(response => {
    if (response && page) tell(event.resultingClientId || event.clientId);
    return response || Response.error();
  })));
});

function stored(key) {
  return caches.open(STORE).then(store => store.match(key));
}

// Tells the page (assets/offline.js) that it shows a stored copy.
function tell(id) {
  if (id) self.clients.get(id).then(client => client && client.postMessage("offline:stored"));
}

// Shipped as sw.js when mkdocs.yml sets `extra.offline: false` (hooks/offline.py): it replaces an
// installed worker of this edition, deletes the edition's stores and unregisters itself, so phones
// that installed an earlier one let go. Pages then load from the network as on any website.
const SCOPE = self.registration.scope;

self.addEventListener("install", () => self.skipWaiting());

self.addEventListener("activate", event => event.waitUntil(caches.keys()
  .then(names => Promise.all(names.filter(name => name.startsWith(SCOPE + " ")).map(name => caches.delete(name))))
  .then(() => self.registration.unregister())));

// Registers the edition's service worker (sw.js at the edition's root, written by hooks/offline.py)
// and shows its two notices in the page's language, in a fixed box that shifts no layout:
// "you are reading a stored copy" when the worker served this page from its store, and "a new
// version is available" when, after that, a newer build's worker has taken over.
(() => {
  const script = document.currentScript, workers = navigator.serviceWorker;
  if (!workers) return;
  const notice = document.createElement("div");
  notice.className = "offline-notice";
  notice.setAttribute("role", "status");
  document.body.append(notice);
  let stored = false;
  const show = (text, action) => {
    notice.textContent = text;
    if (action) {
      const button = document.createElement("button");
      button.type = "button";
      button.textContent = action;
      button.addEventListener("click", () => location.reload());
      notice.append(" ", button);
    }
  };
  workers.addEventListener("message", event => {
    if (event.data === "offline:stored") { stored = true; show(script.dataset.stored); }
  });
  workers.addEventListener("controllerchange", () => { if (stored) show(script.dataset.update, script.dataset.reload); });
  // After the page has loaded, so that filling the store never competes with the page itself.
  const register = () => workers.register(script.dataset.worker).then(registration => {
    addEventListener("online", () => registration.update().catch(() => {}));
  }, () => {});
  if (document.readyState === "complete") register(); else addEventListener("load", register);
})();

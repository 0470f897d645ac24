// Offline reading by the reader's choice (issue 20). Nothing is stored and no worker runs until the
// reader presses "Save for offline use": every [data-offline-save] element (the start page, the
// privacy page) gets that control, stating the size first (offline.json, written by the build).
// Then sw.js (at the edition's root) is registered and stores the edition; "Delete the saved copy"
// deletes the store and unregisters the worker. In a fixed box that shifts no layout, two notices
// in the page's language: "you are reading a stored copy" (with the delete control), cleared when a
// page comes from the network again, and "a new version is available" after a newer build's worker
// has taken over such a page.
(() => {
  const script = document.currentScript, workers = navigator.serviceWorker;
  if (!workers || !window.caches) return;
  const say = JSON.parse(script.dataset.words);
  const worker = new URL(script.dataset.worker, location).href, root = new URL(".", worker).href;
  const ours = name => name.startsWith(root + " "), saved = name => name.startsWith(root + " saved ");
  const isSaved = () => caches.keys().then(names => names.some(saved));
  const element = (tag, className, text) => {
    const made = document.createElement(tag);
    if (className) made.className = className;
    if (text) made.textContent = text;
    return made;
  };

  // The notice box: its status line is always there, so screen readers announce each change.
  const box = element("div", "offline-notice"), status = element("span");
  status.setAttribute("role", "status");
  box.append(status);
  document.body.append(box);
  let servedStored = false;
  const notice = (text, action) => {
    status.textContent = text || "";
    box.querySelectorAll("button").forEach(old => old.remove());
    if (action) box.append(action);
    box.classList.toggle("offline-notice--shown", Boolean(text));
  };

  // Saving and deleting, and every control on the page in step with the state.
  const controls = new Set();
  let state = null, size = null;
  const known = isSaved().then(yes => { state = state || (yes ? "saved" : "unsaved"); });
  const bytes = () => size || (size = fetch(root + "offline.json").then(response => response.json())
    .then(found => new Intl.NumberFormat(document.documentElement.lang || "de", { minimumFractionDigits: 1,
      maximumFractionDigits: 1 }).format(found.bytes / 1e6) + " MB"));
  const show = (next, message) => {
    state = next;
    controls.forEach(control => control(message));
  };
  const save = () => workers.register(worker).then(() => workers.ready).then(registration => new Promise((resolve, reject) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = event => (event.data === "offline:saved" ? resolve : reject)();
    registration.active.postMessage("offline:save", [channel.port2]);
  }));
  const forget = () => caches.keys().then(names => Promise.all(names.filter(ours).map(name => caches.delete(name))))
    .then(() => workers.getRegistration(root)).then(found => found && found.scope === root && found.unregister());
  const act = () => {
    if (state === "saving") return;
    if (state === "saved") forget().then(() => show("unsaved", say.deleted), () => {});
    else {
      show("saving", say.saving);
      save().then(() => show("saved", say.done), () => forget().then(() => show("unsaved", say.failed)));
    }
  };
  const button = (text, action) => {
    const made = element("button", "", text);
    made.type = "button";
    made.addEventListener("click", action);
    return made;
  };

  // A control in `container`: what saving stores and its size, a button, and a status line.
  const control = container => {
    const text = element("p"), action = button("", act), line = element("p", "offline-save__status");
    action.className = "md-button";
    line.setAttribute("role", "status");
    container.classList.add("offline-save");
    const draw = message => {
      if (!container.isConnected) return controls.delete(draw);
      Promise.all([bytes(), known]).then(([amount]) => {
        if (!text.isConnected) container.replaceChildren(text, action, line);
        text.textContent = (state === "saved" ? say.saved : say.intro).replace("{size}", amount);
        action.textContent = state === "saved" ? say.delete : say.save;
        action.setAttribute("aria-disabled", String(state === "saving"));
        if (message !== undefined) line.textContent = message;
      }, () => container.replaceChildren());  // without the size (offline and not saved), no offer
    };
    controls.add(draw);
    draw();
  };
  // The notice of a stored copy offers the delete button; once deleted, it says so.
  controls.add(message => {
    if (state === "unsaved" && box.querySelector(".offline-notice__delete")) notice(message);
  });
  const deleteButton = () => {
    const made = button(say.delete, act);
    made.className = "offline-notice__delete";
    return made;
  };

  workers.addEventListener("message", event => {
    if (event.data === "offline:stored") { servedStored = true; notice(say.stored, deleteButton()); }
    if (event.data === "offline:online" && status.textContent === say.stored) notice("");
  });
  workers.addEventListener("controllerchange", () => { if (servedStored) notice(say.update, button(say.reload, () => location.reload())); });

  // Material's instant navigation keeps this script and swaps the content: find new places each time.
  const place = () => document.querySelectorAll("[data-offline-save]:not(.offline-save)").forEach(control);
  if (window.document$) window.document$.subscribe(place); else place();

  // After the page has loaded, so that checking for a new version never competes with the page.
  // A worker without a saved store (an earlier build stored pages unasked) is let go.
  const start = () => workers.getRegistration(root).then(found => {
    if (!found || found.scope !== root) return;
    return isSaved().then(yes => {
      if (!yes) return forget();
      return workers.register(worker).then(registration =>
        addEventListener("online", () => registration.update().catch(() => {})));
    });
  }).catch(() => {});
  if (document.readyState === "complete") start(); else addEventListener("load", start);
})();

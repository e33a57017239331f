// Reading offline, on every page: what is saved on the phone belongs to one learner (<body
// data-learner>, empty when signed out). A page of another learner, or a signed-out page after a
// signed-in one, forgets the saved pages and the queued actions (PintarOffline.forget()); signed
// out, the service worker is also removed. Signed in, it registers the service worker (/sw.js)
// and loads offline-saved.js where a page asks for it ("Save this week", the offline page).
(function () {
  "use strict";
  var PAGES = "pintar-pages-";
  var OWNER = "pintar-offline-owner";
  var me = document.body.dataset.learner || "";
  var sw = navigator.serviceWorker;

  function remember(value) {
    try {
      if (value) window.localStorage.setItem(OWNER, value);
      else window.localStorage.removeItem(OWNER);
    } catch (error) { /* Storage off: the caches' names still say whose they are. */ }
  }

  // Deletes the saved pages of every learner but `keep` (of all when none), the other caches
  // of this site and the queued actions (IndexedDB "pintar-outbox").
  function forget(keep) {
    remember("");
    try {
      window.indexedDB.deleteDatabase("pintar-outbox");
    } catch (error) { /* No IndexedDB: nothing queued. */ }
    if (!window.caches) return Promise.resolve();
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("pintar-") === 0 && (!keep || name !== PAGES + keep);
      }).map(function (name) { return caches.delete(name); }));
    });
  }

  window.PintarOffline = { forget: forget, learner: me, cache: PAGES + me };

  var was = null;
  try {
    was = window.localStorage.getItem(OWNER);
  } catch (error) { /* Storage off. */ }
  var cleared = Promise.resolve();
  if (was && was !== me) cleared = forget(me);
  else if (window.caches) {
    cleared = caches.keys().then(function (names) {
      var others = names.some(function (name) { return name.indexOf(PAGES) === 0 && name !== PAGES + me; });
      return others ? forget(me) : null;
    });
  }
  cleared = cleared.catch(function () { return null; });

  if (!me) {
    if (sw) {
      cleared.then(function () { return sw.getRegistrations(); }).then(function (registrations) {
        registrations.forEach(function (registration) { registration.unregister(); });
      }).catch(function () { return null; });
    }
    return;
  }
  window.PintarOffline.ready = cleared.then(function () {
    remember(me);
    return sw ? sw.register("/sw.js").catch(function () { return null; }) : null;
  });
  var asks = document.querySelector("[data-offline-script]");
  if (asks && window.caches) {
    var script = document.createElement("script");
    script.src = asks.getAttribute("data-offline-script");
    document.head.appendChild(script);
  }
})();

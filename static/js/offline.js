// On every page. What the phone keeps belongs to one learner (<body data-learner>): signing out
// (cookie "pintar-signed-out") or another learner's page forgets the saved pages and the queue;
// an expired session's page forgets the pages only. Signed out, removes the service worker;
// signed in, registers /sw.js, loads offline-saved.js where a page asks, the outbox's scripts
// while this learner's queue holds something, and shows <template data-page-updated> when told.
(function () {
  "use strict";
  var PAGES = "pintar-pages-";
  var OWNER = "pintar-offline-owner";
  var OUT = "pintar-signed-out";
  var WAITING = "pintar-outbox-waiting";
  var me = document.body.dataset.learner || "";
  var sw = navigator.serviceWorker;
  var out = new RegExp("(^|;\\s*)" + OUT + "=").test(document.cookie);
  if (out) document.cookie = OUT + "=; Max-Age=0; Path=/; SameSite=Lax";

  function remember(value, key) {
    try {
      if (value) window.localStorage.setItem(key || OWNER, value);
      else window.localStorage.removeItem(key || OWNER);
    } catch (error) { /* Storage off: the caches' names still say whose they are. */ }
  }

  // Deletes the saved pages of every learner but `keep` (of all when none) and the other caches
  // of this site; unless `pagesOnly`, the queued actions too (IndexedDB "pintar-outbox").
  function forget(keep, pagesOnly) {
    if (!pagesOnly) {
      remember("");
      remember("", WAITING);
      try {
        window.indexedDB.deleteDatabase("pintar-outbox");
      } catch (error) { /* No IndexedDB: nothing queued. */ }
    }
    if (!window.caches) return Promise.resolve();
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("pintar-") === 0 && (!keep || name !== PAGES + keep);
      }).map(function (name) { return caches.delete(name); }));
    });
  }

  window.PintarOffline = { forget: forget, learner: me, cache: PAGES + me };

  var was = null;
  var waiting = null;
  try {
    was = window.localStorage.getItem(OWNER);
    waiting = window.localStorage.getItem(WAITING);
  } catch (error) { /* Storage off. */ }
  var cleared = Promise.resolve();
  if (out || (me && was && was !== me)) cleared = forget(me);
  else if (!me) cleared = forget("", true);
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
  if (sw) sw.addEventListener("message", function (event) {
    var news = document.querySelector("template[data-page-updated]");
    if (news && (event.data || {}).pintarUpdated) document.getElementById("main").prepend(news.content);
  });
  window.PintarOffline.ready = cleared.then(function () {
    remember(me);
    return sw ? sw.register("/sw.js").catch(function () { return null; }) : null;
  });
  var later = document.querySelector("template[data-outbox-scripts]");
  if (later && waiting === me && !document.querySelector("script[data-sent]")) cleared.then(function () {
    later.content.querySelectorAll("script").forEach(function (kept) {
      var script = document.createElement("script");
      [].forEach.call(kept.attributes, function (a) { script.setAttribute(a.name, a.value); });
      script.async = false; // outbox.js runs first
      document.body.appendChild(script);
    });
  });
  var asks = document.querySelector("[data-offline-script]");
  if (asks && window.caches) {
    var script = document.createElement("script");
    script.src = asks.getAttribute("data-offline-script");
    document.head.appendChild(script);
  }
})();

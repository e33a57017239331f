// Reading offline, on every page: what is saved on the phone belongs to one learner (<body
// data-learner>, empty when signed out). Signing out (the sign-out view's cookie
// "pintar-signed-out", which only its POST sets) or a page of another learner forgets the saved
// pages and the queued actions (PintarOffline.forget()). A signed-out page otherwise (the session
// expired) forgets the saved pages but keeps the queue and whose it is: sent when that learner
// signs in again, dropped when another does. Signed out, the service worker is also removed.
// Signed in, it registers the service worker (/sw.js) and loads offline-saved.js where a page
// asks for it ("Save this week", the offline page). Other pages hold the outbox's scripts in
// <template data-outbox-scripts>, loaded only while outbox.js marks this learner's queue as
// holding something (localStorage): it is sent from any page, and an empty one costs nothing.
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

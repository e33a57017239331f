{% load i18n %}{% get_current_language as LANGUAGE_CODE %}{% translate "No connection" as heading %}{% translate "This page is not saved on this phone. Open it again when you have a signal." as note %}// Pintar UMKM's service worker, version {{ version }} (rendered by offline.views.service_worker).
// Pages of the course tree: network first, the saved copy after 3 s or when the network fails,
// the offline page when nothing is saved. Static files: kept, cache first. Lesson images: kept
// when a lesson shows them. A page is saved only for the learner it was made for (its <body
// data-learner>), in a cache named after them; a page made for someone else, or signed out,
// removes every other learner's saved pages first (and, for someone else, the queued actions;
// signed out, offline.js decides), so one learner's pages never answer another's. Never POST,
// admin, other hosts, videos or pages with a query.
"use strict";
var S = {{ settings|safe }};
var STATIC = "pintar-static-{{ version }}";
var PAGES = "pintar-pages-";
var WAIT_MS = 3000;
{% if outbox %}try {
  importScripts("{{ outbox|escapejs }}");
} catch (error) { /* No outbox: actions made offline are not queued. */ }
{% endif %}
self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(STATIC).then(function (cache) {
    return cache.addAll(S.precache);
  }).then(function () { return self.skipWaiting(); }));
});

self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (name) {
      return name.indexOf("pintar-static-") === 0 && name !== STATIC;
    }).map(function (name) { return caches.delete(name); }));
  }).then(function () { return self.clients.claim(); }));
});

// Sends the queue of the learner whose pages are saved (the session is theirs); none: nothing.
self.addEventListener("sync", function (event) {
  if (event.tag === "pintar-outbox" && self.PintarOutbox) event.waitUntil(owner().then(function (learner) {
    return learner && self.PintarOutbox.flush(learner);
  }));
});

function starts(path, prefix) { return path.indexOf(prefix) === 0; }

function inTree(url) {
  return url.pathname === S.offline || (!url.search && S.tree.some(function (p) { return starts(url.pathname, p); }));
}

// The learner whose pages are saved ("" when none): there is one saved-pages cache at most.
function owner() {
  return caches.keys().then(function (names) {
    var mine = names.filter(function (name) { return starts(name, PAGES); })[0];
    return mine ? mine.slice(PAGES.length) : "";
  });
}

// Removes every learner's saved pages but `keep`'s; if there were any and `keep` is a learner,
// the queued actions too.
function forget(keep) {
  return caches.keys().then(function (names) {
    var gone = names.filter(function (name) { return starts(name, PAGES) && name !== PAGES + keep; });
    if (gone.length && keep) indexedDB.deleteDatabase("pintar-outbox");
    return Promise.all(gone.map(function (name) { return caches.delete(name); }));
  });
}

// A page made for another learner, or signed out, forgets the saved pages first; then a page
// of the course tree (`store`) is saved for the learner it names.
function keep(url, response, store) {
  var type = response.headers.get("Content-Type") || "";
  if (response.status !== 200 || response.redirected || type.indexOf("text/html") !== 0) return Promise.resolve();
  return response.text().then(function (html) {
    var found = /<body[^>]*\sdata-learner="(\d*)"/.exec(html);
    if (!found) return null;
    var learner = found[1];
    return forget(learner).then(function () {
      if (!learner || !store) return null;
      return caches.open(PAGES + learner).then(function (cache) {
        var copy = new Response(html, { status: 200, headers: response.headers });
        return cache.put(url, copy).then(function () { return cache.match(S.offline); }).then(function (hit) {
          if (hit || url === new URL(S.offline, location.href).href) return null;
          return fetch(S.offline, { credentials: "same-origin" }).then(function (page) { return keep(page.url, page, true); });
        });
      });
    });
  }).catch(function () { return null; });
}

function saved(request) {
  return owner().then(function (learner) {
    return learner ? caches.open(PAGES + learner).then(function (cache) {
      return cache.match(request, { ignoreVary: true });
    }) : undefined;
  });
}

function offlinePage() {
  return saved(new Request(S.offline)).then(function (hit) {
    return hit || new Response(
      '<!doctype html><html lang="{{ LANGUAGE_CODE }}"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">' +
      "<title>Pintar UMKM</title><main><h1>{{ heading|escapejs }}</h1><p>{{ note|escapejs }}</p></main>",
      { headers: { "Content-Type": "text/html; charset=utf-8" } }
    );
  });
}

function page(event, url) {
  var request = event.request;
  var kept = null;
  var fresh = fetch(request).then(function (response) {
    var html = (response.headers.get("Content-Type") || "").indexOf("text/html") === 0;
    if (html && response.status === 200) kept = keep(url.href, response.clone(), inTree(url));
    return response;
  });
  event.waitUntil(fresh.then(function () { return kept; }).catch(function () { return null; }));
  return new Promise(function (resolve) {
    var timer = setTimeout(function () {
      saved(request).then(function (hit) { if (hit) resolve(hit); });
    }, WAIT_MS);
    fresh.then(function (response) {
      clearTimeout(timer);
      resolve(response);
    }, function () {
      clearTimeout(timer);
      saved(request).then(function (hit) { return hit || offlinePage(); }).then(resolve);
    });
  });
}

function fromStatic(request) {
  return caches.open(STATIC).then(function (cache) {
    return cache.match(request).then(function (hit) {
      return hit || fetch(request).then(function (response) {
        if (response.ok) cache.put(request, response.clone());
        return response;
      });
    });
  });
}

function image(request) {
  return owner().then(function (learner) {
    if (!learner) return fetch(request);
    return caches.open(PAGES + learner).then(function (cache) {
      return cache.match(request).then(function (hit) {
        return hit || fetch(request).then(function (response) {
          if (response.ok && inTree(new URL(request.referrer || "about:blank"))) cache.put(request, response.clone());
          return response;
        });
      });
    });
  });
}

self.addEventListener("fetch", function (event) {
  var request = event.request;
  var url = new URL(request.url);
  if (request.method !== "GET" || url.origin !== location.origin || starts(url.pathname, "/admin/")) return;
  if (request.mode === "navigate") event.respondWith(page(event, url));
  else if (starts(url.pathname, S.static)) event.respondWith(fromStatic(request));
  else if (starts(url.pathname, S.media) && request.destination === "image") event.respondWith(image(request));
});

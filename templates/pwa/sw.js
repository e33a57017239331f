{% load i18n %}{% get_current_language as LANGUAGE_CODE %}{% translate "No connection" as heading %}{% translate "This page is not saved on this phone. Open it again when you have a signal." as note %}{% comment %}
Pintar UMKM's service worker (rendered by offline.views.service_worker; its comments are the
template's, never sent: every byte here goes to every phone).
Pages of the course tree: the network's answer when it comes within QUICK_MS, else the saved copy
(at once when the network fails), else the offline page. The network's answer is saved in the
background; when the saved copy answered and the network's differs, the page is told, and
offline.js offers a reload. A learner never sees a copy older than their own last write: every
request through this worker but GET and HEAD (and the outbox sent by Background Sync) is noted in
memory and in the learner's cache (WROTE), and a copy kept before it waits WAIT_MS for the
network, as every page did before (patience()). Static files: kept, cache first. Lesson images:
kept when a lesson shows them. A page is saved only for the learner it was made for (its <body
data-learner>), in a cache named after them; a page made for someone else, or signed out, removes
every other learner's saved pages first (and, for someone else, the queued actions; signed out,
offline.js decides), so one learner's pages never answer another's. Never answers for the admin
or other hosts; never saves videos or pages with a query.
{% endcomment %}"use strict";
var S = {{ settings|safe }};
var STATIC = "pintar-static-{{ version }}";
var PAGES = "pintar-pages-";
var QUICK_MS = 150; {# then the saved copy answers; a good connection answers first #}
var WAIT_MS = 3000; {# the same for a copy kept before the learner's last write #}
var KEPT = "X-Pintar-Kept"; {# on a saved copy: when its request was made (ms) #}
var WROTE = "/sw.js?wrote"; {# in the learner's cache, not a page: their last write (ms) #}
var wrote = null; {# the same, once known #}
{% if outbox %}try {
  importScripts("{{ outbox|escapejs }}");
} catch (error) { {# No outbox: actions made offline are not queued. #} }
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

{# Sends the queue of the learner whose pages are saved (the session is theirs); none: nothing. #}
self.addEventListener("sync", function (event) {
  if (event.tag === "pintar-outbox" && self.PintarOutbox) event.waitUntil(owner().then(function (learner) {
    return learner && write().then(function () { return self.PintarOutbox.flush(learner); });
  }));
});

function starts(path, prefix) { return path.indexOf(prefix) === 0; }

function inTree(url) {
  return url.pathname === S.offline || (!url.search && S.tree.some(function (p) { return starts(url.pathname, p); }));
}

{# The learner whose pages are saved ("" when none): there is one saved-pages cache at most. #}
function owner() {
  return caches.keys().then(function (names) {
    var mine = names.filter(function (name) { return starts(name, PAGES); })[0];
    return mine ? mine.slice(PAGES.length) : "";
  });
}

{# Removes every learner's saved pages but `keep`'s; if there were any and `keep` is a learner, #}
{# the queued actions too. #}
function forget(keep) {
  return caches.keys().then(function (names) {
    var gone = names.filter(function (name) { return starts(name, PAGES) && name !== PAGES + keep; });
    if (gone.length && keep) indexedDB.deleteDatabase("pintar-outbox");
    return Promise.all(gone.map(function (name) { return caches.delete(name); }));
  });
}

{# The learner writes: every copy kept before now shows the site as it was before. #}
function write() {
  var at = wrote = Date.now();
  return owner().then(function (learner) {
    return learner && caches.open(PAGES + learner).then(function (cache) {
      return cache.put(WROTE, new Response(String(at)));
    });
  }).catch(function () { return null; });
}

function lastWrite() {
  return wrote !== null ? Promise.resolve(wrote) : saved(new Request(WROTE)).then(function (hit) {
    return hit ? hit.text() : 0;
  }).then(function (at) { return (wrote = Math.max(wrote, +at || 0)); }, function () { return 0; });
}

{# How long a navigation waits for the network before the saved `copy` answers (the one rule). #}
function patience(copy, wrote) {
  return +copy.headers.get(KEPT) < wrote ? WAIT_MS : QUICK_MS;
}

{# A page made for another learner, or signed out, forgets the saved pages first; then a page #}
{# of the course tree (`store`) is saved for the learner it names, with when it was asked for. #}
{# Reads a clone: `response` may go to the page. #}
function keep(url, response, store, asked) {
  var type = response.headers.get("Content-Type") || "";
  if (response.status !== 200 || response.redirected || type.indexOf("text/html") !== 0) return Promise.resolve();
  return response.clone().text().then(function (html) {
    var found = /<body[^>]*\sdata-learner="(\d*)"/.exec(html);
    if (!found) return null;
    var learner = found[1];
    return forget(learner).then(function () {
      if (!learner || !store) return null;
      return caches.open(PAGES + learner).then(function (cache) {
        var headers = new Headers(response.headers);
        headers.set(KEPT, asked || Date.now());
        var copy = new Response(html, { status: 200, headers: headers });
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

{# What changes on every render (form tokens) left out. #}
function plain(html) {
  return html.replace(/(name="(csrfmiddlewaretoken|token)" value=)"[^"]*"/g, "$1");
}

{# Tells the page (once it exists) that a fresher copy is saved. #}
function tell(id, tries) {
  return self.clients.get(id).then(function (client) {
    if (client) return client.postMessage({ pintarUpdated: 1 });
    if (tries) return new Promise(function (done) { setTimeout(done, 250); }).then(function () { return tell(id, tries - 1); });
  });
}

function page(event, url) {
  var request = event.request;
  var asked = Date.now();
  var shown = null; {# the saved copy, once it answered #}
  var fresh = fetch(request);
  event.waitUntil(fresh.then(function (response) {
    return keep(url.href, response, inTree(url), asked);
  }).then(function () {
    return shown && saved(request).then(function (now) {
      return now && +now.headers.get(KEPT) === asked && Promise.all([shown.text(), now.text()]);
    }).then(function (texts) {
      if (texts && plain(texts[0]) !== plain(texts[1])) return tell(event.resultingClientId, 8);
    });
  }).catch(function () { return null; }));
  return Promise.all([saved(request), lastWrite()]).then(function (found) {
    var copy = found[0];
    if (!copy) return fresh.catch(offlinePage);
    return new Promise(function (resolve) {
      var timer = setTimeout(function () {
        shown = copy;
        resolve(copy.clone());
      }, patience(copy, found[1]));
      fresh.then(function (response) {
        clearTimeout(timer);
        resolve(response);
      }, function () {
        clearTimeout(timer);
        resolve(copy.clone());
      });
    });
  }, function () { return fresh; });
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
  if (url.origin !== location.origin) return;
  if (request.method !== "GET") {
    if (request.method !== "HEAD") event.waitUntil(write());
    return;
  }
  if (starts(url.pathname, "/admin/")) return;
  if (request.mode === "navigate") event.respondWith(page(event, url));
  else if (starts(url.pathname, S.static)) event.respondWith(fromStatic(request));
  else if (starts(url.pathname, S.media) && request.destination === "image") event.respondWith(image(request));
});

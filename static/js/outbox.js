// The outbox: forms a learner sent without a signal, kept on the phone (IndexedDB "pintar-outbox")
// and sent when the connection returns. Used by pages (outbox-forms.js) and by the service
// worker (importScripts; its "sync" event tag "pintar-outbox" calls PintarOutbox.flush(learner)
// for the learner whose pages it keeps), so nothing here touches the page. Each entry: {url,
// body (a form's fields, URL-encoded, its CSRF token and submission token inside), learner,
// queuedAt, and what the page adds to tell the learner about it}. Sending again is harmless:
// the server records each submission once.
(function (global) {
  "use strict";
  var NAME = "pintar-outbox";
  var ENTRIES = "entries";
  var META = "meta"; // {key: "owner", learner}: whose entries may be sent
  var SERVER_TRIES = 3; // a server error is retried on later flushes, then given up
  var WAITING = "pintar-outbox-waiting"; // a page's localStorage: the learner whose entries wait

  function open() {
    return new Promise(function (resolve, reject) {
      var request = global.indexedDB.open(NAME, 1);
      request.onupgradeneeded = function () {
        request.result.createObjectStore(ENTRIES, { keyPath: "id", autoIncrement: true });
        request.result.createObjectStore(META, { keyPath: "key" });
      };
      request.onsuccess = function () { resolve(request.result); };
      request.onerror = function () { reject(request.error); };
      request.onblocked = function () { reject(new Error("blocked")); };
    });
  }

  // Runs work(stores) in one transaction and resolves with its result once committed. The
  // database is closed after each use, so clearing site data never waits for this page.
  function inStores(mode, work) {
    return open().then(function (db) {
      return new Promise(function (resolve, reject) {
        var tx = db.transaction([ENTRIES, META], mode);
        var result;
        tx.oncomplete = function () { db.close(); resolve(result); };
        tx.onerror = tx.onabort = function () { db.close(); reject(tx.error); };
        work(tx.objectStore(ENTRIES), tx.objectStore(META), function (value) { result = value; });
      });
    });
  }

  function setOwner(meta, learner) {
    if (learner) meta.put({ key: "owner", learner: String(learner) });
  }

  // Tells offline.js, on pages without this file, whether to load it (no storage in the worker).
  function mark(learner, waiting) {
    try {
      if (waiting) global.localStorage.setItem(WAITING, learner);
      else global.localStorage.removeItem(WAITING);
    } catch (error) { /* The service worker, or storage off. */ }
  }

  function add(entry) {
    var record = {};
    Object.keys(entry).forEach(function (name) { record[name] = entry[name]; });
    record.learner = String(entry.learner || "");
    record.queuedAt = new Date().toISOString();
    record.tries = 0;
    return inStores("readwrite", function (entries, meta, done) {
      setOwner(meta, record.learner);
      entries.add(record).onsuccess = function (event) { done(event.target.result); };
    }).then(function (id) {
      mark(record.learner, true);
      return id;
    });
  }

  // The learner's entries, oldest first. With ``learner`` (a page: the signed-in learner), that
  // learner becomes the owner and every other learner's entry is dropped unsent; without it (the
  // service worker), the owner is the learner a page last named.
  function pending(learner) {
    return inStores("readwrite", function (entries, meta, done) {
      setOwner(meta, learner);
      meta.get("owner").onsuccess = function (event) {
        var owner = learner ? String(learner) : (event.target.result || {}).learner;
        var mine = [];
        entries.openCursor().onsuccess = function (cursorEvent) {
          var cursor = cursorEvent.target.result;
          if (!cursor) return done(mine);
          if (owner && cursor.value.learner === owner) mine.push(cursor.value);
          else if (owner) cursor.delete(); // someone else's: never sent
          cursor.continue();
        };
      };
    }).then(function (mine) {
      if (learner) mark(String(learner), mine.length);
      return mine;
    });
  }

  function removeEntry(id) {
    return inStores("readwrite", function (entries) { entries.delete(id); });
  }

  function countTry(entry) {
    entry.tries = (entry.tries || 0) + 1;
    return inStores("readwrite", function (entries) {
      if (entry.tries >= SERVER_TRIES) entries.delete(entry.id);
      else entries.put(entry);
    });
  }

  // Texts of the messages the answering page shows ("Your certificate is ready"), still
  // HTML-escaped as the server wrote them.
  function messagesIn(html) {
    var found = [];
    var pattern = /<li class="message[^"]*">([\s\S]*?)<\/li>/g;
    var match;
    while ((match = pattern.exec(html)) !== null) found.push(match[1]);
    return found;
  }

  function send(entry, csrf) {
    var body = new URLSearchParams(entry.body);
    // Signing in again renews the CSRF token: a page sends the one it has now.
    if (csrf && body.has("csrfmiddlewaretoken")) body.set("csrfmiddlewaretoken", csrf);
    return fetch(entry.url, {
      method: "POST",
      body: body,
      credentials: "same-origin",
      redirect: "follow",
      cache: "no-store",
    }).then(function (response) {
      // Sent to the sign-in page (its address carries ?next=): the session ended; keep the
      // entry for when this learner signs in again.
      var signedOut = response.redirected && new URL(response.url).searchParams.has("next");
      if (signedOut || response.status >= 500) {
        return (signedOut ? Promise.resolve() : countTry(entry)).then(function () {
          return { entry: entry, kept: true, status: response.status };
        });
      }
      return response.text().then(function (html) {
        return removeEntry(entry.id).then(function () {
          return {
            entry: entry,
            sent: response.ok,
            status: response.status,
            url: response.url,
            messages: response.ok ? messagesIn(html) : [],
          };
        });
      });
    });
  }

  // Sends the entries in order; stops at the first network error (the rest wait for the next
  // flush). Resolves with one result per entry answered: {entry, sent, status, url, messages};
  // sent false means the server refused it (4xx) and it was given up. ``csrf``: the page's
  // current CSRF token, sent instead of the one kept.
  function flushNow(learner, csrf) {
    return pending(learner).then(function (entries) {
      var results = [];
      var chain = Promise.resolve(true);
      entries.forEach(function (entry) {
        chain = chain.then(function (goOn) {
          if (!goOn) return false;
          return send(entry, csrf).then(function (result) {
            if (result.kept) return false;
            results.push(result);
            return true;
          }, function () { return false; }); // no connection: try later
        });
      });
      return chain.then(function () { return results; });
    });
  }

  function tellPages(results) {
    if (!results.length || typeof global.clients === "undefined" || !global.clients.matchAll) return;
    global.clients.matchAll({ type: "window" }).then(function (windows) {
      windows.forEach(function (client) { client.postMessage({ pintarOutbox: results }); });
    });
  }

  // A page and the service worker may flush at once: one at a time where the browser has locks.
  function flush(learner, csrf) {
    var locks = global.navigator && global.navigator.locks;
    var run = function () { return flushNow(learner, csrf); };
    var done = locks ? locks.request(NAME, run) : run();
    return done.then(function (results) {
      tellPages(results);
      return results;
    });
  }

  global.PintarOutbox = { add: add, flush: flush, pending: pending };
})(self);

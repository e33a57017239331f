// Forms that work without a signal: "Mark as done", a quiz or questionnaire, the survey
// (form[data-outbox]). Online they are sent as always (a plain POST and its redirect); when the
// phone is offline, or a quick check finds no connection, the form's fields go to the outbox
// (outbox.js) and the page says they will be sent. The outbox is sent when the connection
// returns or on the next page that loads this file (Background Sync too, where the service
// worker has it), and the learner sees what was sent. Needs outbox.js loaded before it.
(function () {
  "use strict";
  var outbox = window.PintarOutbox;
  var learner = document.body.dataset.learner;
  var script = document.currentScript;
  if (!outbox || !learner || !window.indexedDB || !script) return;
  var text = script.dataset; // the page's translations
  var CHECK_MS = 5000; // a connection that answers nothing in this time counts as none
  var RETRY_MS = 30000;
  var retry = null;

  // A status box in the site's message style; refusals in its error colours.
  function statusBox(state) {
    var box = document.createElement("div");
    box.className = "message outbox-status outbox-status--" + state + (state === "refused" ? " message--error" : "");
    box.setAttribute("role", "status");
    box.style.margin = "1rem 0";
    return box;
  }

  function line(box, words, link, href) {
    var p = document.createElement("p");
    p.style.margin = "0.25rem 0";
    p.textContent = words;
    if (link) {
      var a = document.createElement("a");
      a.href = href;
      a.textContent = link;
      p.appendChild(document.createTextNode(" "));
      p.appendChild(a);
    }
    box.appendChild(p);
  }

  function formsFor(url) {
    return Array.prototype.filter.call(document.querySelectorAll("form[data-outbox]"), function (form) {
      return form.action === url;
    });
  }

  // The form stays on the page, its answers fixed as they were kept and its button hidden, with
  // the notice where the button was.
  function showQueued(form) {
    if (form.nextElementSibling && form.nextElementSibling.dataset.outboxFor === form.action) return;
    form.dataset.outboxQueued = ""; // quiz.js saves no draft of it any more
    form.querySelectorAll("input, textarea, select").forEach(function (field) { field.disabled = true; });
    form.querySelectorAll("button[type=submit]").forEach(function (button) {
      button.style.display = "none"; // the stylesheet's buttons would show through [hidden]
      button.disabled = false;
    });
    var box = statusBox("waiting");
    box.dataset.outboxFor = form.action;
    line(box, text.queued);
    form.after(box);
  }

  function plainText(escaped) {
    return new DOMParser().parseFromString(escaped, "text/html").body.textContent;
  }

  function showResults(results) {
    results.forEach(function (result) {
      var entry = result.entry;
      var box = statusBox(result.sent ? "sent" : "refused");
      if (result.sent) {
        var isQuiz = entry.kind === "quiz";
        line(box, text.sent + " " + (entry.label || ""), isQuiz ? text.result : "", result.url);
        (result.messages || []).forEach(function (message) { line(box, plainText(message)); });
        if (entry.draft && window.pintarStorage) {
          window.pintarStorage.remove(window.pintarStorage.key("quiz-draft", entry.draft));
        }
      } else {
        line(box, text.refused + " " + (entry.label || ""), text.again, entry.page || entry.url);
      }
      var waiting = document.querySelector('[data-outbox-for="' + CSS.escape(entry.url) + '"]');
      if (waiting) {
        waiting.replaceWith(box);
      } else {
        var main = document.getElementById("main") || document.body;
        main.insertBefore(box, main.firstChild);
      }
    });
  }

  function csrfToken() {
    var field = document.querySelector("[name=csrfmiddlewaretoken]");
    if (field) return field.value;
    var cookie = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return cookie ? decodeURIComponent(cookie[1]) : "";
  }

  function flush() {
    clearTimeout(retry);
    return outbox.flush(learner, csrfToken()).then(function (results) {
      showResults(results);
      return outbox.pending(learner);
    }).then(function (left) {
      left.forEach(function (entry) { formsFor(entry.url).forEach(showQueued); });
      if (left.length && navigator.onLine) retry = setTimeout(flush, RETRY_MS);
    }).catch(function () { /* IndexedDB refused: nothing was kept, nothing to send. */ });
  }

  function askForSync() {
    if (!("serviceWorker" in navigator) || !navigator.serviceWorker.controller) return;
    navigator.serviceWorker.ready.then(function (registration) {
      if (registration.sync) return registration.sync.register("pintar-outbox");
    }).catch(function () { /* No Background Sync: the page sends it when back online. */ });
  }

  function queue(form) {
    outbox.add({
      url: form.action,
      body: new URLSearchParams(new FormData(form)).toString(),
      learner: learner,
      kind: form.dataset.outbox,
      label: form.dataset.outboxLabel || document.title,
      page: window.location.pathname,
      draft: form.dataset.page || "",
    }).then(function () {
      showQueued(form);
      askForSync();
      if (navigator.onLine) retry = setTimeout(flush, RETRY_MS);
    }, function () {
      form.querySelectorAll("button[type=submit]").forEach(function (button) { button.disabled = false; });
      var box = statusBox("refused");
      line(box, text.unkept);
      form.after(box);
    });
  }

  // Online says the phone has a network, not that it reaches us: ask the server (a HEAD of the
  // health check: no session, no page) before leaving the page.
  function reachable(url) {
    var controller = new AbortController();
    var timer = setTimeout(function () { controller.abort(); }, CHECK_MS);
    return fetch(url, { method: "HEAD", credentials: "same-origin", cache: "no-store", signal: controller.signal })
      .then(function () { return true; }, function () { return false; })
      .finally(function () { clearTimeout(timer); });
  }

  document.querySelectorAll("form[data-outbox]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var buttons = form.querySelectorAll("button[type=submit]");
      buttons.forEach(function (button) { button.disabled = true; });
      if (!navigator.onLine) return queue(form);
      reachable(text.check || form.action).then(function (online) {
        if (!online) return queue(form);
        buttons.forEach(function (button) { button.disabled = false; });
        HTMLFormElement.prototype.submit.call(form); // the plain POST, as without this file
      });
    });
  });

  // Back to a page kept by the browser's back button: its buttons work again.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    document.querySelectorAll("form[data-outbox] button[type=submit]").forEach(function (button) {
      button.disabled = false;
    });
  });
  window.addEventListener("online", flush);
  if ("serviceWorker" in navigator) {
    navigator.serviceWorker.addEventListener("message", function (event) {
      if (event.data && event.data.pintarOutbox) showResults(event.data.pintarOutbox);
    });
  }
  flush();
})();

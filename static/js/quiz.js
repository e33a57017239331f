// Quiz drafts: answers are kept in this browser as the learner works and, when online, on the
// server, so a dropped connection or a closed tab loses nothing. The form works without this.
(function () {
  "use strict";
  var store = window.pintarStorage; // storage.js: keys per learner, so phones can be shared
  if (!store) return;
  var done = document.querySelector("[data-clear-draft]");
  if (done) store.remove(store.key("quiz-draft", done.dataset.clearDraft));

  var form = document.querySelector("form[data-quiz-form]");
  if (!form) return;
  var key = store.key("quiz-draft", form.dataset.page);
  var status = form.querySelector("[data-draft-status]");
  var timer = null;

  function answers() {
    var result = {};
    new FormData(form).forEach(function (value, name) {
      if (name.indexOf("q-") !== 0) return;
      (result[name.slice(2)] = result[name.slice(2)] || []).push(value);
    });
    return result;
  }

  function restore(saved) {
    Object.keys(saved).forEach(function (id) {
      form.querySelectorAll('[name="q-' + id + '"]').forEach(function (input) {
        if (input.type === "radio" || input.type === "checkbox") {
          input.checked = saved[id].indexOf(input.value) !== -1;
        } else {
          input.value = saved[id][0] || "";
        }
      });
    });
  }

  function saveOnServer(data) {
    fetch(form.dataset.draftUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: {
        "Content-Type": "application/json",
        "X-CSRFToken": form.querySelector("[name=csrfmiddlewaretoken]").value,
      },
      body: JSON.stringify({ answers: data, token: form.querySelector("[name=token]").value }),
    }).then(function (response) {
      if (response.ok && status) status.textContent = status.dataset.saved || status.textContent;
    }).catch(function () { /* Offline: the copy in this browser is enough until we are back. */ });
  }

  try {
    restore(store.read(key, {}));
  } catch (error) { store.remove(key); } // not a draft this script wrote

  form.addEventListener("input", function () {
    var data = answers();
    store.write(key, data);
    clearTimeout(timer);
    timer = setTimeout(function () { saveOnServer(data); }, 800);
  });
  window.addEventListener("online", function () {
    if (!("outboxQueued" in form.dataset)) saveOnServer(answers()); // sent as it is: outbox-forms.js
  });
  form.addEventListener("submit", function () { clearTimeout(timer); });
})();

// Lesson page enhancements. Everything works without this file.
// 1. A video facade becomes the host's player only when tapped: nothing loads from the host before.
// 2. The loan simulator recalculates as the learner types, using the same server-side maths.
// 3. Checklist ticks are kept on this phone, per learner: a reload or a lost connection keeps them.
// 4. With the data saver on, an image waits behind a button showing its size; a tap loads it.
(function () {
  "use strict";

  document.querySelectorAll("[data-image-wait]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      var image = button.parentNode.querySelector("template[data-image]");
      if (!image) return; // the link opens the image itself
      event.preventDefault();
      button.replaceWith(image.content.cloneNode(true));
    });
  });

  var store = window.pintarStorage; // storage.js: keys per learner; absent when signed out
  if (store) document.querySelectorAll("fieldset[data-checklist]").forEach(function (fieldset) {
    var key = store.key("checklist", fieldset.dataset.checklist);
    var boxes = Array.prototype.slice.call(fieldset.querySelectorAll("input[type=checkbox]"));
    var ticked = store.read(key, []);
    if (!Array.isArray(ticked)) ticked = [];
    boxes.forEach(function (box, index) { box.checked = ticked.indexOf(index) !== -1; });
    fieldset.addEventListener("change", function () {
      var now = [];
      boxes.forEach(function (box, index) { if (box.checked) now.push(index); });
      if (now.length) store.write(key, now);
      else store.remove(key);
    });
  });

  document.querySelectorAll(".video__facade[data-embed]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var frame = document.createElement("iframe");
      frame.src = link.dataset.embed;
      frame.title = link.dataset.title;
      frame.width = 640;
      frame.height = 360;
      frame.allow = "autoplay; encrypted-media; picture-in-picture";
      frame.allowFullscreen = true;
      frame.className = "video__frame";
      link.replaceWith(frame);
    });
  });

  document.querySelectorAll("form[data-loan-form]").forEach(function (form) {
    var section = form.closest("section");
    var timer = null;
    var pending = null;
    function refresh() {
      var url = form.action.split("#")[0] + "?" + new URLSearchParams(new FormData(form)).toString();
      if (pending) pending.abort();
      pending = new AbortController();
      fetch(url, { signal: pending.signal, credentials: "same-origin" })
        .then(function (response) { return response.ok ? response.text() : Promise.reject(); })
        .then(function (html) {
          var fresh = new DOMParser().parseFromString(html, "text/html").getElementById(section.id);
          if (!fresh) return;
          section.querySelector("[data-loan-result]").replaceWith(fresh.querySelector("[data-loan-result]"));
          form.querySelectorAll(".error").forEach(function (node) { node.remove(); });
          fresh.querySelectorAll("form .error").forEach(function (node) {
            var field = form.querySelector("#" + node.id.replace(/_error$/, ""));
            if (field) field.closest(".field").appendChild(node);
          });
        })
        .catch(function () { /* Offline or aborted: the Calculate button still works. */ });
    }
    form.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(refresh, 400);
    });
  });
})();

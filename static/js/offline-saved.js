// What a learner keeps on the phone (loaded by offline.js where a page asks for it):
// "Save this week" on a course page (size first, then every lesson of the week and the images
// it shows, never videos) and the list of saved pages on the offline page. Saved pages go in
// the learner's own cache (PintarOffline.cache); a page made for anyone else is not kept.
(function () {
  "use strict";
  var offline = window.PintarOffline;
  if (!offline || !offline.learner || !window.caches) return;
  var texts = (document.getElementById("offline-texts") || document.body).dataset;
  var lang = document.documentElement.lang || "id";

  function say(template, values) {
    return (template || "").replace(/\{(\w+)\}/g, function (all, name) { return values[name]; });
  }

  function size(bytes) {
    var mb = bytes >= 1e6;
    var number = new Intl.NumberFormat(lang, { maximumFractionDigits: mb ? 1 : 0 });
    return number.format(mb ? bytes / 1e6 : Math.max(1, Math.round(bytes / 1e3))) + (mb ? " MB" : " KB");
  }

  function mine(html) {
    return html.indexOf('data-learner="' + offline.learner + '"') > -1;
  }

  // The image of a picture the screen would show: the narrowest at least as wide as needed.
  function pick(candidates) {
    var need = Math.min(window.innerWidth, 640) * (window.devicePixelRatio || 1);
    var sorted = candidates.slice().sort(function (a, b) { return a.width - b.width; });
    return sorted.filter(function (c) { return c.width >= need; })[0] || sorted[sorted.length - 1];
  }

  function save(url, cache, isPage) {
    var asked = Date.now(); // the service worker's "kept" time (templates/pwa/sw.js, KEPT)
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok || response.redirected) throw new Error(url);
      if (!isPage) return cache.put(url, response.clone()).then(function () { return response.blob(); });
      return response.text().then(function (html) {
        if (!mine(html)) throw new Error(url);
        var headers = new Headers(response.headers);
        headers.set("X-Pintar-Kept", asked);
        var copy = new Response(html, { headers: headers });
        return cache.put(url, copy).then(function () { return new Blob([html]); });
      });
    }).then(function (blob) { return blob.size; });
  }

  function weekBox(box) {
    var button = box.querySelector("button");
    var status = box.querySelector("[role=status]");
    var label = button.textContent;
    var plan = null;
    var links = Array.prototype.map.call(
      box.closest(".week").querySelectorAll(".lessons a[href]"),
      function (a) { return a.href; }
    );
    box.hidden = false;
    caches.open(offline.cache).then(function (cache) {
      return Promise.all(links.map(function (href) { return cache.match(href, { ignoreVary: true }); }));
    }).then(function (hits) {
      if (links.length && hits.every(Boolean)) status.textContent = texts.saved;
    });

    function failed() {
      plan = null;
      button.disabled = false;
      button.textContent = label;
      status.textContent = texts.failed;
    }

    button.addEventListener("click", function () {
      button.disabled = true;
      if (!plan) {
        status.textContent = texts.checking;
        fetch(box.dataset.offlineWeek, { credentials: "same-origin" }).then(function (response) {
          if (!response.ok) throw new Error(response.status);
          return response.json();
        }).then(function (files) {
          var images = files.images.map(pick);
          plan = files.lessons.map(function (l) { return { url: l.url, page: true }; })
            .concat(images.map(function (i) { return { url: i.url }; }));
          var total = files.lessons.concat(images).reduce(function (sum, f) { return sum + f.bytes; }, 0);
          status.textContent = say(texts.confirm, { size: size(total) });
          button.textContent = say(texts.yes, { size: size(total) });
          button.disabled = false;
        }).catch(failed);
        return;
      }
      var done = 0;
      var bytes = 0;
      var todo = plan;
      status.textContent = say(texts.saving, { done: 0, total: todo.length });
      caches.open(offline.cache).then(function (cache) {
        return todo.reduce(function (previous, file) {
          return previous.then(function () { return save(file.url, cache, file.page); }).then(function (n) {
            done += 1;
            bytes += n;
            status.textContent = say(texts.saving, { done: done, total: todo.length });
          });
        }, Promise.resolve());
      }).then(function () {
        plan = null;
        box.dataset.savedBytes = bytes;
        button.disabled = false;
        button.textContent = label;
        status.textContent = texts.saved + " (" + size(bytes) + ")";
      }).catch(failed);
    });
  }

  function savedList(box) {
    var list = box.querySelector("ul");
    var here = location.pathname !== box.dataset.offlinePath;
    box.querySelector("[data-not-saved]").hidden = !here;
    caches.open(offline.cache).then(function (cache) {
      return cache.keys().then(function (requests) {
        return Promise.all(requests.map(function (request) {
          var path = new URL(request.url).pathname;
          if (path === box.dataset.offlinePath) return null;
          return cache.match(request).then(function (response) {
            var type = response.headers.get("Content-Type") || "";
            if (type.indexOf("text/html") !== 0) return null;
            return response.text().then(function (html) {
              var title = new DOMParser().parseFromString(html, "text/html").title;
              return { url: request.url, title: title.replace(/\s*·\s*Pintar UMKM\s*$/, "") || path };
            });
          });
        }));
      });
    }).then(function (pages) {
      pages.filter(Boolean).forEach(function (page) {
        var item = document.createElement("li");
        item.className = "lesson-item";
        var link = document.createElement("a");
        link.href = page.url;
        link.textContent = page.title;
        item.appendChild(link);
        list.appendChild(item);
      });
      box.querySelector("[data-nothing]").hidden = list.children.length > 0;
    });
  }

  document.querySelectorAll("[data-offline-week]").forEach(weekBox);
  document.querySelectorAll("[data-offline-list]").forEach(savedList);
})();

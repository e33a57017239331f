// What this site keeps on the phone belongs to one learner: phones are shared.
// Every key names the learner ("pintar:<kind>:<learner>:<id>", the learner from <body
// data-learner>), so one learner's pages never read another's. When a learner is signed in, keys
// left by another learner (whose session ended without signing out) are removed. Signed-out
// pages do not load this file: they keep nothing, and leave the keys of a learner whose session
// expired for when they sign in again. Signing out clears everything (the server sends
// Clear-Site-Data). Loaded in <head> of every signed-in page, so before the pages' own scripts.
(function () {
  "use strict";
  var learner = document.body.dataset.learner || "";
  var mine = "pintar:";

  function key(kind, id) {
    return mine + kind + ":" + learner + ":" + id;
  }

  function owner(name) {
    var parts = name.split(":");
    return parts[0] + ":" === mine && parts.length >= 4 ? parts[2] : null;
  }

  function sweep(storage) {
    var names = [];
    for (var i = 0; i < storage.length; i += 1) names.push(storage.key(i));
    names.forEach(function (name) {
      // Quiz drafts saved before keys named the learner belong to nobody: always removed.
      // Keys that are not this site's own (the Wagtail admin's settings) are left alone.
      var who = owner(name);
      if (name.indexOf("quiz-draft-") === 0 || (learner && who !== null && who !== learner)) {
        storage.removeItem(name);
      }
    });
  }

  try {
    sweep(window.localStorage);
    sweep(window.sessionStorage);
  } catch (error) { /* Storage off: nothing is kept, nothing to clear. */ }

  window.pintarStorage = {
    key: key,
    read: function (name, fallback) {
      try {
        var value = window.localStorage.getItem(name);
        return value === null ? fallback : JSON.parse(value);
      } catch (error) {
        this.remove(name);
        return fallback;
      }
    },
    write: function (name, value) {
      try {
        window.localStorage.setItem(name, JSON.stringify(value));
      } catch (error) { /* Storage full or off: the page keeps working without it. */ }
    },
    remove: function (name) {
      try {
        window.localStorage.removeItem(name);
      } catch (error) { /* Storage off. */ }
    },
  };
})();

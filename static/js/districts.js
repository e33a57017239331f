// A business's kapanewon/kemantren: the server sends every district of DIY in one <select>,
// an <optgroup> per regency or city, and checks the choice against the chosen regency (so the
// form works without JavaScript). This only narrows the list to the chosen regency's districts,
// and keeps the chosen name when another regency has it too (Jetis). A select names its regency
// select in data-regency-field; options carry their regency in data-regency.
(function () {
  "use strict";

  function regencyOf(group) {
    var option = group.querySelector("option[data-regency]");
    return option ? option.dataset.regency : null;
  }

  function enhance(select) {
    var regencySelect = document.getElementById(select.dataset.regencyField || "");
    if (!regencySelect) return;
    var groups = Array.prototype.slice.call(select.querySelectorAll("optgroup"));

    function narrow() {
      var chosen = regencySelect.value;
      var value = select.value;
      var kept = null;
      groups.forEach(function (group) {
        if (group.parentNode === select) select.removeChild(group);
      });
      groups.forEach(function (group) {
        var regency = regencyOf(group);
        var show = !regency || !chosen || regency === chosen;
        if (show) select.appendChild(group);
        if (show && value) {
          Array.prototype.forEach.call(group.querySelectorAll("option"), function (option) {
            if (option.value === value && (kept === null || regency === chosen)) kept = option;
          });
        }
      });
      if (kept) {
        kept.selected = true;
      } else {
        select.value = "";
      }
    }

    regencySelect.addEventListener("change", narrow);
    narrow();
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("select[data-regency-field]"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

// A "copy" button for a text the page also shows selectable (the roster's message for the
// class group): the button names its source in data-copy-button and stays hidden without
// JavaScript or a clipboard, where selecting the text works as well.
(function () {
  "use strict";

  function enhance(button) {
    var source = document.getElementById(button.dataset.copyButton || "");
    if (!source || !navigator.clipboard) return;
    var label = button.textContent;
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.value || source.textContent).then(
        function () {
          button.textContent = button.dataset.copiedLabel || label;
          window.setTimeout(function () { button.textContent = label; }, 2000);
        },
        function () {
          source.select();
        }
      );
    });
  }

  document.querySelectorAll("[data-copy-button]").forEach(enhance);
})();

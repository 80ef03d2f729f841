/* Copy-link and print buttons of the article page, and its view count. No framework, no tracker. */
(function () {
  "use strict";
  // The page may come from a cache: one beacon to our own server counts the reading.
  var counted = document.querySelector("[data-view-beacon]");
  if (counted && navigator.sendBeacon) {
    navigator.sendBeacon(counted.getAttribute("data-view-beacon"));
  }
  var status = document.querySelector(".share__status");
  function say(text) { if (status) { status.textContent = text; } }

  document.querySelectorAll("[data-copy]").forEach(function (button) {
    button.hidden = false;
    var label = button.textContent;
    button.addEventListener("click", function () {
      var url = button.getAttribute("data-copy");
      var done = function () {
        button.textContent = button.getAttribute("data-done");
        say(button.getAttribute("data-done"));
        setTimeout(function () { button.textContent = label; }, 2500);
      };
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(url).then(done, function () { window.prompt(label, url); });
      } else {
        window.prompt(label, url);
      }
    });
  });

  document.querySelectorAll("[data-print]").forEach(function (link) {
    link.hidden = false;
    link.addEventListener("click", function (event) { event.preventDefault(); window.print(); });
  });
})();

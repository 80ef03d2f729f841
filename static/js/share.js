/* Copy-link and print buttons of the article page. No framework, no tracker. */
(function () {
  "use strict";
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

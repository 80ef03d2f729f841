/* Photo story: the list already scrolls and snaps without this file (CSS scroll-snap,
   swipe, arrow keys on the focused track). This adds previous/next buttons, a counter
   and arrow keys that move exactly one photo. No inline script or style: CSP-friendly. */
(function () {
  "use strict";
  var smooth = window.matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth";

  function setUp(gallery) {
    var track = gallery.querySelector(".gallery__track");
    var controls = gallery.querySelector("[data-gallery-controls]");
    var status = gallery.querySelector("[data-gallery-status]");
    if (!track || !controls) return;
    var items = Array.prototype.slice.call(track.children);
    if (items.length < 2) return;
    var prev = controls.querySelector("[data-gallery-prev]");
    var next = controls.querySelector("[data-gallery-next]");

    function current() {
      var best = 0;
      var distance = Infinity;
      items.forEach(function (item, index) {
        var d = Math.abs(item.offsetLeft - track.scrollLeft);
        if (d < distance) { distance = d; best = index; }
      });
      return best;
    }
    function show(index) {
      var target = Math.max(0, Math.min(items.length - 1, index));
      track.scrollTo({ left: items[target].offsetLeft, behavior: smooth });
    }
    function update() {
      var index = current();
      status.textContent = (index + 1) + " / " + items.length;
      prev.disabled = index === 0;
      next.disabled = index === items.length - 1;
    }

    prev.addEventListener("click", function () { show(current() - 1); });
    next.addEventListener("click", function () { show(current() + 1); });
    track.addEventListener("keydown", function (event) {
      if (event.key === "ArrowRight" || event.key === "ArrowLeft") {
        event.preventDefault();
        show(current() + (event.key === "ArrowRight" ? 1 : -1));
      } else if (event.key === "Home" || event.key === "End") {
        event.preventDefault();
        show(event.key === "Home" ? 0 : items.length - 1);
      }
    });
    var pending = null;
    track.addEventListener("scroll", function () {
      if (pending) window.cancelAnimationFrame(pending);
      pending = window.requestAnimationFrame(update);
    }, { passive: true });
    gallery.classList.add("gallery--enhanced");
    controls.hidden = false;
    update();
  }

  document.querySelectorAll("[data-gallery]").forEach(setUp);
})();

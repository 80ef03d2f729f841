/* Focal point picker on the photo's admin page: click the subject; the fields below take
   the position (0–1) and the frame shows the 1200×630 social crop. No inline code. */
(function () {
  "use strict";
  function clamp(v) { return Math.min(1, Math.max(0, v)); }

  function setUp(picker) {
    var img = picker.querySelector("img");
    var dot = picker.querySelector(".focal-picker__dot");
    var crop = picker.querySelector(".focal-picker__crop");
    var fieldX = document.getElementById("id_focal_x");
    var fieldY = document.getElementById("id_focal_y");
    var ratio = parseFloat(picker.dataset.ratio);
    if (!img || !fieldX || !fieldY) return;

    function current() {
      var x = parseFloat(fieldX.value);
      var y = parseFloat(fieldY.value);
      return {
        x: isNaN(x) ? parseFloat(picker.dataset.x) : clamp(x),
        y: isNaN(y) ? parseFloat(picker.dataset.y) : clamp(y)
      };
    }

    function draw() {
      var p = current();
      var w = img.clientWidth;
      var h = img.clientHeight;
      dot.style.left = (p.x * w) + "px";
      dot.style.top = (p.y * h) + "px";
      var cw = w / h < ratio ? w : h * ratio;
      var ch = w / h < ratio ? w / ratio : h;
      var left = Math.min(Math.max(p.x * w - cw / 2, 0), w - cw);
      var top = Math.min(Math.max(p.y * h - ch / 2, 0), h - ch);
      crop.style.left = left + "px";
      crop.style.top = top + "px";
      crop.style.width = cw + "px";
      crop.style.height = ch + "px";
      picker.classList.add("is-ready");
    }

    img.addEventListener("click", function (event) {
      var box = img.getBoundingClientRect();
      fieldX.value = clamp((event.clientX - box.left) / box.width).toFixed(2);
      fieldY.value = clamp((event.clientY - box.top) / box.height).toFixed(2);
      draw();
    });
    fieldX.addEventListener("input", draw);
    fieldY.addEventListener("input", draw);
    window.addEventListener("resize", draw);
    if (img.complete) draw(); else img.addEventListener("load", draw);
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-focal-picker]").forEach(setUp);
  });
})();

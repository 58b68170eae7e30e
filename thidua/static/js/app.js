// Thi đua – the little the pages need besides htmx: the phone menu, print, the unit tree.
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  ready(function () {
    // Phone widths: the navigation folds behind a button (shown by CSS only there).
    var toggle = document.querySelector(".nav-toggle");
    var nav = document.getElementById("app-nav");
    if (toggle && nav) {
      toggle.hidden = false;
      document.documentElement.classList.add("js");
      toggle.addEventListener("click", function () {
        var open = toggle.getAttribute("aria-expanded") === "true";
        toggle.setAttribute("aria-expanded", String(!open));
        nav.classList.toggle("is-open", !open);
      });
    }
  });

  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-print]");
    if (target) {
      window.print();
      return;
    }
    var treeButton = event.target.closest("[data-tree]");
    if (treeButton) {
      var open = treeButton.getAttribute("data-tree") === "open";
      document.querySelectorAll("#unit-tree details").forEach(function (d) {
        d.open = open;
      });
    }
  });
})();

// A printed tree shows every unit.
window.addEventListener("beforeprint", function () {
  document.querySelectorAll("details").forEach(function (d) {
    d.open = true;
  });
});

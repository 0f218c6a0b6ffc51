// parindex: the criteria tree's switch on a unit-year page.
//
// The page shows the whole scoring tree and works without this script.
// The script shows the switch (a <p data-tree-filter>, hidden in the HTML)
// and, when it is ticked, marks the tree with the class "only-lost": the
// stylesheet then hides the rows of criteria where no points were lost
// (rows without the class "lost"), keeping the areas for context.
(function () {
  "use strict";

  function init(box) {
    var table = document.getElementById("phieu-cham");
    var input = box.querySelector("input[type=checkbox]");
    if (!table || !input) {
      return;
    }
    var update = function () {
      table.classList.toggle("only-lost", input.checked);
    };
    input.addEventListener("change", update);
    update();
    box.hidden = false;
  }

  function start() {
    var boxes = document.querySelectorAll("[data-tree-filter]");
    for (var i = 0; i < boxes.length; i++) {
      init(boxes[i]);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

// parindex: the year-pair selector.
//
// Every comparison of two years of a group is a static page,
// <base>/khoi/<group>/<from>-<to>/, and the page lists links to all of
// them, so it works without this script. The script shows the selector
// (a <form data-pair-form>, hidden in the HTML) and hides the long list
// of links; on submit it opens the page of the chosen pair. The form's
// data-pair-base is the group's folder under the site's base path, as the
// site generator writes every link, so the site works under any sub-path.
// Two equal years are refused with a message; years given in the wrong
// order are swapped.
(function () {
  "use strict";

  function init(form) {
    var base = form.getAttribute("data-pair-base");
    var selects = form.querySelectorAll("select");
    var status = form.querySelector("[data-pair-status]");
    if (!base || selects.length !== 2) {
      return;
    }
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      var a = parseInt(selects[0].value, 10);
      var b = parseInt(selects[1].value, 10);
      if (isNaN(a) || isNaN(b)) {
        return;
      }
      if (a === b) {
        status.textContent = document.documentElement.lang === "en" ?
          "Choose two different years." : "Hãy chọn hai năm khác nhau.";
        return;
      }
      if (a > b) {
        var t = a;
        a = b;
        b = t;
      }
      status.textContent = "";
      window.location.href = base + a + "-" + b + "/";
    });
    form.hidden = false;
    var section = form.closest("section");
    var list = section && section.querySelector("[data-pair-list]");
    if (list) {
      list.hidden = true;
    }
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-pair-form]"), init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

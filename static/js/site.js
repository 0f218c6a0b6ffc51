// parindex: sortable tables and source notes.
//
// Sortable tables. Progressive enhancement: the table is complete
// and in its published order without this script. For each <table
// class="sortable">, every <th data-type> in the header gets a <button>;
// clicking it sorts the rows by that column (ascending, then descending),
// and the header's aria-sort says the current order to screen readers.
// Numbers come from the cells' data-sort attributes (a dot decimal, as
// written by the site generator); an empty data-sort (missing value) always
// sorts last. Rows marked data-fixed (units not scored) stay at the end.
//
// Source notes are static/js/source.js's.
//
// Filter by parent. A ranking of communes carries each row's district in
// data-parent and, hidden, a <select> of the districts
// ([data-parent-filter]); the script shows it and, on a choice, hides the
// rows of other districts and says in a status line how many rows show.
// Without the script the select stays hidden and the whole table shows.
(function () {
  // The page's language: the English site (/en/) speaks English.
  var EN = document.documentElement.lang === "en";
  "use strict";

  var collator = new Intl.Collator("vi", { sensitivity: "base", numeric: true });

  function cellValue(row, index) {
    var cell = row.cells[index];
    if (!cell) {
      return null;
    }
    var v = cell.getAttribute("data-sort");
    if (v === null) {
      return cell.textContent.trim();
    }
    return v;
  }

  function compare(type, a, b) {
    var ea = a === null || a === "";
    var eb = b === null || b === "";
    if (ea || eb) {
      return 0; // handled by the caller so that missing stays last
    }
    if (type === "num") {
      return parseFloat(a) - parseFloat(b);
    }
    return collator.compare(a, b);
  }

  function sortTable(table, th, index) {
    var type = th.getAttribute("data-type") || "text";
    var dir = th.getAttribute("aria-sort") === "ascending" ? "descending" : "ascending";
    var sign = dir === "ascending" ? 1 : -1;
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    var fixed = rows.filter(function (r) { return r.hasAttribute("data-fixed"); });
    var keyed = rows
      .filter(function (r) { return !r.hasAttribute("data-fixed"); })
      .map(function (r, i) { return { row: r, key: cellValue(r, index), pos: i }; });
    keyed.sort(function (x, y) {
      var ex = x.key === null || x.key === "";
      var ey = y.key === null || y.key === "";
      if (ex !== ey) {
        return ex ? 1 : -1;
      }
      var c = ex ? 0 : sign * compare(type, x.key, y.key);
      return c !== 0 ? c : x.pos - y.pos;
    });
    var frag = document.createDocumentFragment();
    keyed.forEach(function (k) { frag.appendChild(k.row); });
    fixed.forEach(function (r) { frag.appendChild(r); });
    body.appendChild(frag);
    Array.prototype.forEach.call(th.parentNode.cells, function (h) {
      if (h !== th) {
        h.removeAttribute("aria-sort");
      }
    });
    th.setAttribute("aria-sort", dir);
  }

  function init(table) {
    var head = table.tHead && table.tHead.rows[0];
    if (!head || !table.tBodies[0]) {
      return;
    }
    Array.prototype.forEach.call(head.cells, function (th, index) {
      if (!th.hasAttribute("data-type")) {
        return;
      }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) {
        button.appendChild(th.firstChild);
      }
      th.appendChild(button);
      button.addEventListener("click", function () {
        sortTable(table, th, index);
      });
    });
  }

  function initParentFilter(box) {
    var select = box.querySelector("select");
    var table = document.getElementById(select.getAttribute("aria-controls"));
    var status = box.querySelector("[data-parent-status]");
    if (!table) {
      return;
    }
    function apply() {
      var want = select.value;
      var shown = 0;
      Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
        var show = want === "" || r.getAttribute("data-parent") === want;
        r.hidden = !show;
        if (show) {
          shown++;
        }
      });
      var under = select.options[select.selectedIndex].text;
      status.textContent = want === "" ? "" : EN ?
        "Showing " + shown + " units under " + under + "." :
        "Đang hiện " + shown + " đơn vị thuộc " + under + ".";
    }
    select.addEventListener("change", apply);
    box.hidden = false;
    apply(); // a choice the browser restored on going back
  }

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-parent-filter]"), initParentFilter);
    Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), init);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

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
// Source notes. A big table's figures say where they come from with a
// short key, data-src="c3!F20": "c" when computed by parindex, the index
// of the file and sheet in the page's list <ol id="nguon"> (printed under
// the table, so the page names its sources without this script), then "!"
// and the cell; or only the column ("F") when the cell is on the sheet row
// that the table row names once (data-src-row="3!20"). The script makes those figures focusable and shows the
// full source ("Nguồn: file: sheet!cell") in one tooltip on hover, on
// keyboard focus and on tap, tied to the figure with aria-describedby so
// screen readers announce it; Escape or a tap elsewhere hides it. A table
// of figures is one stop in the Tab order; the arrow keys move within it.
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

  // sourceText rebuilds a figure's source from its key, its row's and the
  // page's list, as the site generator words it (srcTitle and sources in
  // internal/site): "c" computed; "3!F20" place 3, cell F20; "3" place 3;
  // "F" column F of the place and sheet row the row names in
  // data-src-row="3!20".
  function sourceText(el, places) {
    var m = /^(c?)(?:(\d+)(?:!(.+))?|([A-Z]+))$/.exec(el.getAttribute("data-src"));
    if (!m) {
      return "";
    }
    var place = m[2], cell = m[3];
    if (m[4]) {
      var tr = el.closest("tr[data-src-row]");
      var r = tr && /^(\d+)!(\d+)$/.exec(tr.getAttribute("data-src-row"));
      if (!r) {
        return "";
      }
      place = r[1];
      cell = m[4] + r[2];
    }
    if (!places[+place]) {
      return "";
    }
    var text = places[+place].textContent;
    if (cell) {
      text += "!" + cell;
    }
    if (EN) {
      return (m[1] ? "Computed figure; source data: " : "Source: ") + text;
    }
    return (m[1] ? "Số liệu tính toán, dữ liệu gốc: " : "Nguồn: ") + text;
  }

  function initSources() {
    var list = document.getElementById("nguon");
    var figures = document.querySelectorAll("[data-src]");
    if (!list || figures.length === 0) {
      return;
    }
    var places = list.children;
    var tip = document.createElement("div");
    tip.id = "nguon-chu-thich";
    tip.className = "src-tip";
    tip.setAttribute("role", "tooltip");
    tip.hidden = true;
    // Inside main, so that all content stays within a landmark.
    (document.querySelector("main") || document.body).appendChild(tip);
    var current = null;

    function hide() {
      if (current) {
        current.removeAttribute("aria-describedby");
        current = null;
      }
      tip.hidden = true;
    }

    function show(el) {
      var text = sourceText(el, places);
      if (!text) {
        return;
      }
      if (current && current !== el) {
        current.removeAttribute("aria-describedby");
      }
      current = el;
      tip.textContent = text;
      tip.hidden = false;
      el.setAttribute("aria-describedby", tip.id);
      // Below the figure, kept inside the viewport's width; coordinates
      // are relative to the tooltip's containing block.
      var r = el.getBoundingClientRect();
      var parent = tip.offsetParent || document.body;
      var origin = parent === document.body && getComputedStyle(parent).position === "static" ?
        { left: -window.scrollX, top: -window.scrollY } : parent.getBoundingClientRect();
      var left = Math.max(4, Math.min(r.left, document.documentElement.clientWidth - tip.offsetWidth - 4));
      tip.style.left = (left - origin.left) + "px";
      tip.style.top = (r.bottom + 4 - origin.top) + "px";
    }

    function figureOf(target) {
      return target && target.closest ? target.closest("[data-src]") : null;
    }

    // Keyboard: a table of figures is one tab stop (its first figure, then
    // the one last visited), and the arrow keys move between its figures,
    // so that a ranking of thousands of units does not add thousands of
    // stops to the Tab order.
    Array.prototype.forEach.call(figures, function (el) {
      el.tabIndex = -1;
    });
    Array.prototype.forEach.call(document.querySelectorAll("table"), function (table) {
      var first = table.querySelector("[data-src]");
      if (first) {
        first.tabIndex = 0;
      }
    });

    function visit(el) {
      var table = el.closest("table");
      var prev = table && table.querySelector("[data-src][tabindex='0']");
      if (prev && prev !== el) {
        prev.tabIndex = -1;
      }
      el.tabIndex = 0;
    }

    // step finds the figure an arrow key leads to from el, or null.
    function step(el, key) {
      var row = el.closest("tr");
      if (!row) {
        return null;
      }
      if (key === "ArrowLeft" || key === "ArrowRight") {
        var all = Array.prototype.slice.call(el.closest("table").querySelectorAll("[data-src]"));
        var i = all.indexOf(el) + (key === "ArrowRight" ? 1 : -1);
        return all[i] || null;
      }
      var index = el.closest("td, th").cellIndex;
      var r = row;
      for (;;) {
        r = key === "ArrowDown" ? r.nextElementSibling : r.previousElementSibling;
        if (!r) {
          return null;
        }
        var cell = r.cells[index];
        var fig = cell && cell.querySelector("[data-src]");
        if (fig) {
          return fig;
        }
      }
    }
    document.addEventListener("mouseover", function (e) {
      var el = figureOf(e.target);
      if (el) {
        show(el);
      }
    });
    document.addEventListener("mouseout", function (e) {
      var el = figureOf(e.target);
      if (el && el === current && !el.contains(e.relatedTarget) && document.activeElement !== el) {
        hide();
      }
    });
    document.addEventListener("focusin", function (e) {
      var el = figureOf(e.target);
      if (el) {
        visit(el);
        show(el);
      } else {
        hide();
      }
    });
    document.addEventListener("focusout", function (e) {
      if (figureOf(e.target) === current) {
        hide();
      }
    });
    // A tap gives focus to the figure (it is focusable), which shows the
    // note; a tap elsewhere hides it.
    document.addEventListener("click", function (e) {
      var el = figureOf(e.target);
      if (el) {
        show(el);
      } else if (!tip.contains(e.target)) {
        hide();
      }
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && current) {
        hide();
        return;
      }
      var el = figureOf(e.target);
      if (!el || ["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"].indexOf(e.key) < 0) {
        return;
      }
      var next = step(el, e.key);
      e.preventDefault();
      if (next) {
        next.focus();
      }
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
    initSources();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

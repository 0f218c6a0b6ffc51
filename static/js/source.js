// Figure sources: tap, click or focus a figure to see where it comes from.
//
// Every figure on a page says where it comes from, in one of three forms
// written by the site generator:
//   - in big tables, a short key, data-src="c3!F20": "c" when computed,
//     the index of the file and sheet in the table's list <ol id="nguon">
//     (printed under the table, so the page names its sources without this
//     script), then "!" and the cell; or only the column ("F") when the
//     cell is on the sheet row that the table row names once
//     (data-src-row="3!20");
//   - elsewhere, in full: data-source="bang-diem/2023/so.xlsx: Sheet!F20",
//     with data-computed when computed;
//   - the appraised points of a criteria tree: title="Sheet!F20", the file
//     being the page's one workbook.
// The page's "Nguồn số liệu" section (#nguon-so-lieu) lists each workbook
// (li[data-file]) with its download link, the decisions that published it
// and its SHA-256.
//
// The script makes those figures focusable buttons and opens one popover
// under the figure, on tap, click, Enter/Space or keyboard focus (and on
// hover with a mouse), with the full source: published or computed, the
// decision, the workbook (a link to download it), the sheet and the cell.
// Escape, the close button or a tap elsewhere closes it. A table of
// figures is one stop in the Tab order; the arrow keys move within it.
// Without this script nothing is hidden: the lists under the tables and
// the "Nguồn số liệu" section stay as they are.
(function () {
  "use strict";

  // English pages (/en/) speak English.
  var EN = document.documentElement.lang === "en";

  var SELECTOR = "[data-src], [data-source], table.tree td.a[data-tip]";

  // parse returns {file, sheet, cell, computed} for a figure, or null.
  function parse(el, places) {
    var key = el.getAttribute("data-src");
    if (key !== null) {
      var m = /^(c?)(?:(\d+)(?:!(.+))?|([A-Z]+))$/.exec(key);
      if (!m) {
        return null;
      }
      var place = m[2], cell = m[3];
      if (m[4]) {
        var tr = el.closest("tr[data-src-row]");
        var r = tr && /^(\d+)!(\d+)$/.exec(tr.getAttribute("data-src-row"));
        if (!r) {
          return null;
        }
        place = r[1];
        cell = m[4] + r[2];
      }
      if (!places || !places[+place]) {
        return null;
      }
      var p = split(places[+place].textContent);
      p.cell = cell || "";
      p.computed = m[1] === "c";
      return p;
    }
    var full = el.getAttribute("data-source");
    if (full === null) {
      // A criteria tree's appraised cell: "Sheet!F20", or "file: Sheet!F20".
      full = el.getAttribute("data-tip") || "";
      if (full === "") {
        return null;
      }
      var table = el.closest("table[data-file]");
      if (full.indexOf(": ") < 0 && table) {
        full = table.getAttribute("data-file") + ": " + full;
      }
    }
    var q = split(full.replace(/!([A-Z]+[0-9]+)$/, "\u0000$1"));
    var cut = q.sheet.split("\u0000");
    q.sheet = cut[0];
    q.cell = cut[1] || "";
    q.computed = el.hasAttribute("data-computed") || el.closest("tr.ca") !== null;
    return q;
  }

  // split cuts "file: sheet" (a workbook's public name has no colon).
  function split(text) {
    var i = text.indexOf(": ");
    if (i < 0) {
      return { file: text, sheet: "" };
    }
    return { file: text.slice(0, i), sheet: text.slice(i + 2) };
  }

  function fileEntry(file) {
    var items = document.querySelectorAll("#nguon-so-lieu li[data-file]");
    for (var i = 0; i < items.length; i++) {
      if (items[i].getAttribute("data-file") === file) {
        return items[i];
      }
    }
    return null;
  }

  // decisions are the links of the decisions that published the figures
  // of the workbook's year ("bang-diem/<year>/…").
  function decisions(file) {
    var m = /^bang-diem\/(\d{4})\//.exec(file);
    if (!m) {
      return [];
    }
    var out = [];
    var items = document.querySelectorAll("#nguon-so-lieu li[data-year]");
    Array.prototype.forEach.call(items, function (li) {
      if (li.getAttribute("data-year").split(" ").indexOf(m[1]) >= 0) {
        var a = li.querySelector("a") || document.createTextNode(li.textContent);
        out.push(a);
      }
    });
    return out;
  }

  function line(pop, label, content) {
    var p = document.createElement("p");
    var b = document.createElement("strong");
    b.textContent = label + ": ";
    p.appendChild(b);
    if (typeof content === "string") {
      p.appendChild(document.createTextNode(content));
    } else {
      p.appendChild(content);
    }
    pop.appendChild(p);
  }

  function fill(pop, src) {
    while (pop.firstChild) {
      pop.removeChild(pop.firstChild);
    }
    var close = document.createElement("button");
    close.type = "button";
    close.className = "src-close";
    close.setAttribute("aria-label", EN ? "Close" : "Đóng");
    close.textContent = "×";
    pop.appendChild(close);
    var kind = document.createElement("p");
    kind.className = "src-kind";
    kind.textContent = src.computed ?
      (EN ? "Computed figure († — by the framework's rules, not printed in the published annex)" : "Số liệu tính toán († — theo quy tắc của bộ chỉ số, không in sẵn trong phụ lục công bố)") :
      (EN ? "Published figure" : "Số liệu công bố");
    pop.appendChild(kind);
    var entry = fileEntry(src.file);
    var decs = decisions(src.file);
    if (decs.length > 0) {
      var span = document.createElement("span");
      decs.forEach(function (a, i) {
        if (i > 0) {
          span.appendChild(document.createTextNode(", "));
        }
        span.appendChild(a.cloneNode(true));
      });
      line(pop, src.computed ? (EN ? "Under the decision" : "Theo quyết định") : (EN ? "Published by" : "Công bố theo"), span);
    }
    var link = entry && entry.querySelector("a[download]");
    var section = document.getElementById("nguon-so-lieu");
    if (!link && section && section.hasAttribute("data-files") && /^bang-diem\//.test(src.file)) {
      link = document.createElement("a");
      link.href = section.getAttribute("data-files") + src.file;
      link.setAttribute("download", "");
      link.textContent = src.file;
    }
    line(pop, EN ? "File" : "Tệp", link ? link.cloneNode(true) : src.file);
    if (src.sheet) {
      line(pop, EN ? "Sheet" : "Trang tính", src.sheet);
    }
    if (src.cell) {
      line(pop, src.computed ? (EN ? "Source data in cell" : "Dữ liệu gốc ở ô") : (EN ? "Cell" : "Ô"), src.cell);
    }
    var sha = entry && entry.querySelector(".sha code");
    if (sha) {
      var code = document.createElement("code");
      code.textContent = sha.textContent;
      line(pop, EN ? "File SHA-256" : "SHA-256 của tệp", code);
    }
  }

  function init() {
    // The tree's notes move from title (hover only) to the popover.
    Array.prototype.forEach.call(document.querySelectorAll("table.tree td.a[title]"), function (td) {
      if (td.getAttribute("title") !== "") {
        td.setAttribute("data-tip", td.getAttribute("title"));
      }
      td.removeAttribute("title");
    });
    var figures = document.querySelectorAll(SELECTOR);
    if (figures.length === 0) {
      return;
    }
    var list = document.getElementById("nguon");
    var places = list ? list.children : null;
    var pop = document.createElement("div");
    pop.id = "nguon-chu-thich";
    pop.className = "src-pop";
    pop.setAttribute("role", "dialog");
    pop.setAttribute("aria-label", EN ? "Source of the figure" : "Nguồn của số liệu");
    pop.hidden = true;
    // Inside main, so that all content stays within a landmark.
    (document.querySelector("main") || document.body).appendChild(pop);
    var current = null;
    var pinned = false;

    Array.prototype.forEach.call(figures, function (el) {
      el.setAttribute("role", "button");
      el.setAttribute("aria-haspopup", "dialog");
      el.tabIndex = el.closest("table") ? -1 : 0;
    });
    // A table of figures is one tab stop (its first figure, then the one
    // last visited), so a ranking of thousands of units does not add
    // thousands of stops to the Tab order.
    Array.prototype.forEach.call(document.querySelectorAll("table"), function (table) {
      var first = table.querySelector(SELECTOR);
      if (first) {
        first.tabIndex = 0;
      }
    });

    function hide(refocus) {
      if (current) {
        current.removeAttribute("aria-describedby");
        current.setAttribute("aria-expanded", "false");
        if (refocus) {
          current.focus();
        }
      }
      current = null;
      pinned = false;
      pop.hidden = true;
    }

    function show(el, pin) {
      var src = parse(el, places);
      if (!src) {
        return;
      }
      if (current && current !== el) {
        current.removeAttribute("aria-describedby");
        current.setAttribute("aria-expanded", "false");
      }
      if (current !== el || pop.hidden) {
        fill(pop, src);
      }
      current = el;
      pinned = pinned || pin;
      pop.hidden = false;
      el.setAttribute("aria-describedby", pop.id);
      el.setAttribute("aria-expanded", "true");
      // Below the figure, kept inside the viewport's width; coordinates
      // are relative to the popover's containing block.
      var r = el.getBoundingClientRect();
      var parent = pop.offsetParent || document.body;
      var origin = parent === document.body && getComputedStyle(parent).position === "static" ?
        { left: -window.scrollX, top: -window.scrollY } : parent.getBoundingClientRect();
      var left = Math.max(4, Math.min(r.left, document.documentElement.clientWidth - pop.offsetWidth - 4));
      pop.style.left = (left - origin.left) + "px";
      pop.style.top = (r.bottom + 4 - origin.top) + "px";
    }

    function figureOf(target) {
      return target && target.closest ? target.closest(SELECTOR) : null;
    }

    function visit(el) {
      var table = el.closest("table");
      if (!table) {
        return;
      }
      var prev = table.querySelector("[tabindex='0']");
      if (prev && prev !== el && figureOf(prev) === prev) {
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
        var all = Array.prototype.slice.call(el.closest("table").querySelectorAll(SELECTOR));
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
        var fig = cell && (cell.matches(SELECTOR) ? cell : cell.querySelector(SELECTOR));
        if (fig) {
          return fig;
        }
      }
    }

    document.addEventListener("mouseover", function (e) {
      var el = figureOf(e.target);
      if (el && !pinned) {
        show(el, false);
      }
    });
    document.addEventListener("mouseout", function (e) {
      var el = figureOf(e.target);
      if (el && el === current && !pinned && !el.contains(e.relatedTarget) && !pop.contains(e.relatedTarget) && document.activeElement !== el) {
        hide(false);
      }
    });
    pop.addEventListener("mouseleave", function (e) {
      if (!pinned && current && !current.contains(e.relatedTarget) && document.activeElement !== current) {
        hide(false);
      }
    });
    document.addEventListener("focusin", function (e) {
      var el = figureOf(e.target);
      if (el) {
        visit(el);
        show(el, false);
      } else if (!pop.contains(e.target)) {
        hide(false);
      }
    });
    // A tap or click opens the popover and keeps it open, so that its
    // links can be followed; a tap elsewhere closes it.
    document.addEventListener("click", function (e) {
      if (e.target.closest && e.target.closest(".src-close")) {
        hide(true);
        return;
      }
      var el = figureOf(e.target);
      if (el) {
        show(el, true);
      } else if (!pop.contains(e.target)) {
        hide(false);
      }
    });
    document.addEventListener("keydown", function (e) {
      if (e.key === "Escape" && current) {
        hide(true);
        return;
      }
      var el = figureOf(e.target);
      if (!el) {
        return;
      }
      if (e.key === "Enter" || e.key === " ") {
        e.preventDefault();
        show(el, true);
        return;
      }
      if (["ArrowLeft", "ArrowRight", "ArrowUp", "ArrowDown"].indexOf(e.key) < 0 || !el.closest("table")) {
        return;
      }
      var next = step(el, e.key);
      e.preventDefault();
      if (next) {
        next.focus();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

/*
 * compare.js — the unit comparison of a group (templates/compare.html,
 * /khoi/<group>/so-sanh-don-vi/).
 *
 * The page carries every unit's figures of the group as JSON (the script
 * element named by data-compare; written by internal/site/kind_compare.go)
 * with each figure as the tables print it ("91,50"); a chart's value is
 * read from that text, so what the chart shows is what the tables say.
 * This script shows the picker (hidden in the HTML: without JavaScript the
 * page is a table of every unit's index per year), lets the reader pick
 * 2 to 10 units (with a name filter for long lists), keeps the choice in
 * the URL (?don-vi=a,b,c) so a shared link reopens it, and draws three
 * charts with the vendored ECharts: index and rank per year (lines, a
 * year without a result is a gap), and the area profile of a chosen year
 * (horizontal bars of each area's share of its maximum), plus a table.
 *
 * Safety: names come from workbooks. They reach the page only through
 * textContent, attribute values set by the DOM API, ECharts' SVG text, or
 * the tooltip, which is HTML and gets every name escaped here. No
 * innerHTML with data.
 */
(function () {
  'use strict';
  // The page's language: the English site (/en/) speaks English and
  // writes its figures with a decimal point ("91.50").
  var EN = document.documentElement.lang === 'en';
  function tr(vi, en) { return EN ? en : vi; }

  var root = document.querySelector('[data-compare]');
  if (!root) { return; }
  var island = document.getElementById(root.getAttribute('data-compare'));
  var data;
  try {
    data = JSON.parse(island.textContent);
  } catch (e) {
    return; // unreadable: the plain table remains
  }
  var MIN = data.min || 2;
  var MAX = data.max || 10;
  var COLORS = ['#2166ac', '#d6604d', '#1b7837', '#762a83', '#e08214', '#35978f', '#8c510a', '#c51b7d', '#4d4d4d', '#01665e'];
  var unitURL = root.getAttribute('data-unit-url') || '';
  var list = root.querySelector('[data-compare-list]');
  var filter = root.querySelector('[data-compare-filter]');
  var status = root.querySelector('[data-compare-status]');
  var view = root.querySelector('[data-compare-view]');
  var yearSel = root.querySelector('[data-compare-year]');
  var table = root.querySelector('[data-compare-table]');
  var boxes = {};
  Array.prototype.forEach.call(root.querySelectorAll('[data-compare-chart]'), function (b) {
    boxes[b.getAttribute('data-compare-chart')] = b;
  });
  var canDraw = typeof window.echarts !== 'undefined';
  var charts = {};

  var byID = {};
  data.units.forEach(function (u) { byID[u.id] = u; });

  var ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) { return ESC[c]; });
  }
  function el(tag, text) {
    var e = document.createElement(tag);
    if (text != null) { e.textContent = text; }
    return e;
  }
  // value reads a figure's value from its display text ("91,50" → 91.5).
  function value(text) {
    if (!text) { return null; }
    var v = EN ? parseFloat(String(text).replace(/,/g, '')) :
      parseFloat(String(text).replace(/\./g, '').replace(',', '.'));
    return isNaN(v) ? null : v;
  }
  // fold lowers a name and drops its diacritics, for the filter.
  function fold(s) {
    return String(s).toLowerCase().normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/g, 'd');
  }

  var chosen = [];
  var inputs = {};

  data.units.forEach(function (u, i) {
    var li = el('li');
    var input = el('input');
    input.type = 'checkbox';
    input.id = 'so-sanh-' + i;
    input.value = u.id;
    var label = el('label', u.name);
    label.htmlFor = input.id;
    li.appendChild(input);
    li.appendChild(label);
    li.setAttribute('data-name', fold(u.name));
    list.appendChild(li);
    inputs[u.id] = input;
    input.addEventListener('change', function () {
      if (input.checked) {
        if (chosen.length >= MAX) {
          input.checked = false;
          say(tr('Chỉ so sánh được tối đa ' + MAX + ' đơn vị; bỏ chọn một đơn vị trước khi chọn thêm.',
            'At most ' + MAX + ' units can be compared; unselect a unit before choosing another.'));
          return;
        }
        chosen.push(u.id);
      } else {
        chosen = chosen.filter(function (id) { return id !== u.id; });
      }
      writeURL();
      render('');
    });
  });

  filter.addEventListener('input', function () {
    var q = fold(filter.value.trim());
    Array.prototype.forEach.call(list.children, function (li) {
      li.hidden = q !== '' && li.getAttribute('data-name').indexOf(q) < 0;
    });
  });

  yearSel.addEventListener('change', function () { drawAreas(); });

  function say(msg) {
    status.textContent = msg;
  }

  function readURL() {
    var m = /[?&]don-vi=([^&#]*)/.exec(window.location.search);
    if (!m) { return { ids: [], unknown: 0 }; }
    var ids = [];
    var unknown = 0;
    m[1].split(',').forEach(function (raw) {
      var id;
      try { id = decodeURIComponent(raw); } catch (e) { id = ''; }
      if (!id) { return; }
      if (!byID[id]) { unknown++; return; }
      if (ids.indexOf(id) < 0) { ids.push(id); }
    });
    return { ids: ids, unknown: unknown };
  }

  function writeURL() {
    var q = window.location.search.replace(/^\?/, '').split('&').filter(function (p) {
      return p !== '' && p.indexOf('don-vi=') !== 0;
    });
    if (chosen.length > 0) {
      q.push('don-vi=' + chosen.map(encodeURIComponent).join(','));
    }
    window.history.replaceState(null, '', window.location.pathname + (q.length ? '?' + q.join('&') : '') + window.location.hash);
  }

  function chartOf(name) {
    if (!canDraw || !boxes[name]) { return null; }
    if (!charts[name]) {
      charts[name] = window.echarts.init(boxes[name], null, { renderer: 'svg' });
    }
    return charts[name];
  }

  function tooltip(params) {
    var ps = Array.isArray(params) ? params : [params];
    if (ps.length === 0) { return ''; }
    var lines = [esc(ps[0].axisValueLabel != null ? ps[0].axisValueLabel : ps[0].name)];
    ps.forEach(function (p) {
      var d = p.data;
      if (d == null || typeof d !== 'object') { return; }
      lines.push(esc(p.seriesName) + ': <b>' + esc(d.text) + '</b>');
    });
    return lines.join('<br>');
  }

  function base(height) {
    return {
      animation: false,
      color: COLORS,
      tooltip: { show: true, trigger: 'axis', confine: true, formatter: tooltip },
      legend: { show: true, type: 'scroll', bottom: 0 },
      grid: { left: 24, right: 32, top: 24, bottom: 64, containLabel: true },
      _height: height
    };
  }

  function draw(name, option) {
    var box = boxes[name];
    var h = option._height;
    delete option._height;
    box.hidden = false;
    box.style.height = h + 'px';
    var c = chartOf(name);
    if (!c) { box.hidden = true; return; }
    c.setOption(option, true);
    c.resize();
  }

  var years = data.years.map(function (y) { return String(y.y); });

  function nameOf(u, j) {
    var r = u.res[j];
    return r && r.name ? r.name : u.name;
  }

  function drawIndex(units) {
    var lo = 100;
    var hi = 100;
    var series = units.map(function (u) {
      return {
        name: u.name, type: 'line', connectNulls: false, symbol: 'circle', symbolSize: 8,
        data: u.res.map(function (r) {
          var v = r && r.s ? value(r.i) : null;
          if (v == null) { return null; }
          lo = Math.min(lo, v);
          hi = Math.max(hi, v);
          return { value: v, text: r.i };
        })
      };
    });
    // The axis is zoomed to the data and says where it starts, as the
    // site's own charts do.
    var start = Math.max(0, Math.floor((lo - 1) / 5) * 5);
    if (start < 10) { start = 0; }
    var o = base(320);
    o.xAxis = { type: 'category', data: years, name: tr('Năm', 'Year'), nameLocation: 'middle', nameGap: 28 };
    o.yAxis = {
      type: 'value', min: start, max: hi > 100 ? null : 100, nameLocation: 'middle', nameGap: 36,
      name: tr('Chỉ số (%)', 'Index (%)') + (start > 0 ? tr(', trục bắt đầu từ ', ', axis from ') + start : '')
    };
    o.series = series;
    draw('index', o);
  }

  function drawRank(units) {
    var bottom = 2;
    var series = units.map(function (u) {
      return {
        name: u.name, type: 'line', connectNulls: false, symbol: 'diamond', symbolSize: 9,
        data: u.res.map(function (r, j) {
          if (!r || !r.s || !r.r) { return null; }
          var n = data.years[j].n;
          bottom = Math.max(bottom, r.r, n || 0);
          return { value: r.r, text: n ? r.r + '/' + n : String(r.r) };
        })
      };
    });
    var o = base(300);
    o.xAxis = { type: 'category', data: years, name: tr('Năm', 'Year'), nameLocation: 'middle', nameGap: 28 };
    o.yAxis = {
      type: 'value', inverse: true, min: 1, max: bottom, minInterval: 1,
      name: tr('Xếp hạng (1 ở trên)', 'Rank (1 at the top)'), nameLocation: 'middle', nameGap: 15 + 7 * String(bottom).length
    };
    o.series = series;
    draw('rank', o);
  }

  function areaYears(units) {
    var out = [];
    data.years.forEach(function (y, j) {
      if (!y.areas || y.areas.length === 0) { return; }
      var any = units.some(function (u) { return u.res[j] && u.res[j].a; });
      if (any) { out.push(j); }
    });
    return out;
  }

  function drawAreas() {
    var units = chosen.map(function (id) { return byID[id]; });
    var j = parseInt(yearSel.value, 10);
    var fig = boxes.areas.closest ? boxes.areas.closest('figure') : null;
    if (isNaN(j) || !data.years[j]) {
      if (fig) { fig.hidden = true; }
      return;
    }
    if (fig) { fig.hidden = false; }
    var labels = data.years[j].areas;
    var o = base(Math.max(200, 90 + labels.length * (units.length * 14 + 20)));
    o.tooltip.trigger = 'axis';
    o.tooltip.axisPointer = { type: 'shadow' };
    o.grid.right = 48;
    o.xAxis = { type: 'value', min: 0, max: 100, name: tr('Tỷ lệ điểm đạt (%)', 'Share of points (%)'), nameLocation: 'middle', nameGap: 24 };
    o.yAxis = { type: 'category', inverse: true, data: labels, axisLabel: { width: 140, overflow: 'break', lineHeight: 15 } };
    o.series = units.map(function (u) {
      var r = u.res[j];
      return {
        name: nameOf(u, j), type: 'bar',
        data: labels.map(function (_, k) {
          var t = r && r.a ? r.a[k] : '';
          var v = value(t);
          return v == null ? null : { value: v, text: t };
        })
      };
    });
    draw('areas', o);
  }

  function fillYears(units) {
    var keep = yearSel.value;
    while (yearSel.firstChild) { yearSel.removeChild(yearSel.firstChild); }
    var js = areaYears(units);
    js.forEach(function (j) {
      var opt = el('option', String(data.years[j].y));
      opt.value = String(j);
      yearSel.appendChild(opt);
    });
    if (js.length === 0) { return; }
    var ok = js.some(function (j) { return String(j) === keep; });
    yearSel.value = ok ? keep : String(js[js.length - 1]);
  }

  function cellText(r, j) {
    if (!r) { return tr('— (không có mặt)', '— (not present)'); }
    if (!r.s) { return tr('chưa chấm điểm', 'not scored'); }
    var parts = [r.i ? r.i + ' %' : '—'];
    if (r.r) { parts.push(tr('hạng ', 'rank ') + r.r + (data.years[j].n ? '/' + data.years[j].n : '')); }
    if (r.b) { parts.push(r.b); }
    return parts.join(' · ');
  }

  function fillTable(units) {
    var thead = table.tHead;
    var tbody = table.tBodies[0];
    while (thead.firstChild) { thead.removeChild(thead.firstChild); }
    while (tbody.firstChild) { tbody.removeChild(tbody.firstChild); }
    var hr = el('tr');
    var th = el('th', tr('Đơn vị', 'Unit'));
    th.scope = 'col';
    hr.appendChild(th);
    data.years.forEach(function (y) {
      var h = el('th', String(y.y));
      h.scope = 'col';
      hr.appendChild(h);
    });
    thead.appendChild(hr);
    units.forEach(function (u) {
      var tr = el('tr');
      var name = el('th');
      name.scope = 'row';
      var a = el('a', u.name);
      a.href = unitURL + encodeURIComponent(u.id) + '/';
      name.appendChild(a);
      tr.appendChild(name);
      u.res.forEach(function (r, j) { tr.appendChild(el('td', cellText(r, j))); });
      tbody.appendChild(tr);
    });
  }

  function render(note) {
    var units = chosen.map(function (id) { return byID[id]; });
    Object.keys(inputs).forEach(function (id) { inputs[id].checked = chosen.indexOf(id) >= 0; });
    if (units.length < MIN) {
      view.hidden = true;
      say((note ? note + ' ' : '') + tr('Đã chọn ' + units.length + ' đơn vị; chọn ít nhất ' + MIN + ' đơn vị (tối đa ' + MAX + ') để so sánh.',
        units.length + ' units chosen; choose at least ' + MIN + ' units (at most ' + MAX + ') to compare.'));
      return;
    }
    view.hidden = false;
    say((note ? note + ' ' : '') + tr('Đang so sánh ' + units.length + ' đơn vị: ', 'Comparing ' + units.length + ' units: ') + units.map(function (u) { return u.name; }).join('; ') + '.');
    fillTable(units);
    if (canDraw) {
      drawIndex(units);
      drawRank(units);
      fillYears(units);
      drawAreas();
    }
  }

  // Shown only now: without JavaScript none of this works.
  root.hidden = false;
  var nojs = document.querySelector('[data-compare-nojs]');
  if (nojs) { nojs.hidden = true; }

  var fromURL = readURL();
  var note = '';
  if (fromURL.unknown > 0) {
    note = tr('Đường dẫn có ' + fromURL.unknown + ' đơn vị không thuộc khối này, đã bỏ qua.',
      'The link names ' + fromURL.unknown + ' units not in this group; they are left out.');
  }
  if (fromURL.ids.length > MAX) {
    note += (note ? ' ' : '') + tr('Đường dẫn chọn ' + fromURL.ids.length + ' đơn vị, quá ' + MAX + ' đơn vị so sánh được; chỉ giữ ' + MAX + ' đơn vị đầu.',
      'The link chooses ' + fromURL.ids.length + ' units, more than the ' + MAX + ' that can be compared; only the first ' + MAX + ' are kept.');
    fromURL.ids = fromURL.ids.slice(0, MAX);
  }
  chosen = fromURL.ids;
  if (note) { writeURL(); }
  render(note);

  var pending = false;
  window.addEventListener('resize', function () {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      Object.keys(charts).forEach(function (k) { charts[k].resize(); });
    });
  });
})();

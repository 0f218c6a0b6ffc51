/*
 * charts.js — draws the page's charts with the vendored ECharts.
 *
 * Loaded with `defer` after static/vendor/echarts/echarts.min.js. For each
 * element with a data-chart attribute it reads the ECharts option from the
 * <script type="application/json"> whose id the attribute names (written by
 * internal/chart), installs formatters, shows the box (hidden in the HTML,
 * so it takes no space without JavaScript) at its data-height, draws the
 * chart as SVG, closes the chart's data table (open in the HTML, so it is one
 * click away), and resizes the charts with the window. It also enhances
 * each chart's tools: a PNG download, a copy button for the embed snippet
 * (with the page's origin filled in when the snippet has a path only), and
 * a permalink (#chart-…) scrolled to again once the charts have their
 * height. The page reads completely without this script (every chart has
 * a data table, a CSV and an embed page).
 *
 * Safety: names in the option (units, areas, bands) come from workbooks. The
 * tooltip is HTML, so every name and value is HTML-escaped here; labels and
 * axes are drawn as SVG text, which is never parsed as markup. Numbers are
 * shown with the Vietnamese decimal comma.
 *
 * Precision: a figure's data item carries its display text beside its value
 * ({value: 96.1, text: "96,10"}), formatted by
 * internal/chart exactly as the page's tables print it, so value labels and
 * tooltips show that text. Only numbers without one (counts, ranks, axis
 * ticks, which are positions rather than figures) are formatted here.
 */
(function () {
  'use strict';
  // The page's language: the English site (/en/) speaks English.
  var EN = document.documentElement.lang === 'en';

  if (typeof window.echarts === 'undefined' || !document.querySelectorAll) {
    return; // ECharts missing: the tables remain.
  }

  var boxes = document.querySelectorAll('[data-chart]');
  if (boxes.length === 0) {
    return;
  }

  var numberFormat = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 3 });
  var ESC = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

  function esc(s) {
    return String(s == null ? '' : s).replace(/[&<>"']/g, function (c) { return ESC[c]; });
  }

  function isMissing(v) {
    return v == null || v === '' || v === '-' || (typeof v === 'number' && isNaN(v));
  }

  // fmt formats a value as text (not HTML): numbers with a decimal comma,
  // missing values as an em dash.
  function fmt(v) {
    if (isMissing(v)) { return '—'; }
    return typeof v === 'number' ? numberFormat.format(v) : String(v);
  }

  function valueOf(p) {
    var v = p.value;
    if (v !== null && typeof v === 'object' && !Array.isArray(v)) { v = v.value; }
    return v;
  }

  // textOf is the value of a data point as text: the figure's own display
  // text when the option carries one, else the formatted number.
  function textOf(p) {
    var d = p.data;
    if (d !== null && typeof d === 'object' && typeof d.text === 'string' && !isMissing(valueOf(p))) {
      return d.text;
    }
    return fmt(valueOf(p));
  }

  // Only a plain colour from our own option may reach a style attribute.
  var COLOR = /^#[0-9a-fA-F]{3,8}$/;
  function marker(color) {
    if (typeof color !== 'string' || !COLOR.test(color)) { return ''; }
    return '<span style="display:inline-block;margin-right:4px;border-radius:50%;width:10px;height:10px;background-color:' +
      color + '"></span>';
  }

  function row(color, name, text) {
    return marker(color) + esc(name) + ': <b>' + esc(text) + '</b>';
  }

  // cellName names a heatmap cell that carries no name of its own (a
  // hundred units × twenty criteria: the names would weigh more than the
  // data) from its two axes: "unit – criterion".
  function cellName(option, p) {
    if (p.name || p.seriesType !== 'heatmap' || !Array.isArray(p.value)) { return p.name; }
    var xs = asList(option.xAxis)[0], ys = asList(option.yAxis)[0];
    var x = xs && xs.data ? xs.data[p.value[0]] : '';
    var y = ys && ys.data ? ys.data[p.value[1]] : '';
    return String(y == null ? '' : y).replace(/\n/g, ' ') + ' – ' + (x == null ? '' : x);
  }

  function tooltipFormatter(option) {
    return function (params) {
      if (Array.isArray(params)) { // trigger: 'axis'
        if (params.length === 0) { return ''; }
        var head = params[0].axisValueLabel != null ? params[0].axisValueLabel : params[0].name;
        var lines = [esc(head)];
        params.forEach(function (p) { lines.push(row(p.color, p.seriesName, textOf(p))); });
        return lines.join('<br>');
      }
      var p = params;
      if (p.componentType === 'markLine') {
        return esc(p.name);
      }
      if (p.seriesType === 'pie') {
        return esc(p.name) + '<br>' + row(p.color, p.seriesName, textOf(p)) +
          (isMissing(p.percent) ? '' : ' (' + esc(fmt(p.percent)) + ' %)');
      }
      return esc(cellName(option, p)) + '<br>' + row(p.color, p.seriesName, textOf(p));
    };
  }

  function labelFormatter(p) {
    return isMissing(valueOf(p)) ? '' : textOf(p);
  }

  function axisFormatter(v) {
    return fmt(v);
  }

  function asList(x) {
    if (x == null) { return []; }
    return Array.isArray(x) ? x : [x];
  }

  // prepare installs the formatters; the option JSON carries none (it must
  // not hold code), except fixed templates such as markLine's '{b}'.
  function prepare(option) {
    asList(option.tooltip).forEach(function (t) {
      t.formatter = tooltipFormatter(option);
      t.confine = true;
    });
    asList(option.series).forEach(function (s) {
      if (s.label && s.label.show && s.label.formatter == null) {
        s.label.formatter = labelFormatter;
      }
    });
    asList(option.xAxis).concat(asList(option.yAxis)).forEach(function (a) {
      if (a.type === 'value' || a.type === 'log') {
        a.axisLabel = a.axisLabel || {};
        if (a.axisLabel.formatter == null) { a.axisLabel.formatter = axisFormatter; }
      }
    });
    return option;
  }

  var charts = [];
  Array.prototype.forEach.call(boxes, function (box) {
    var script = document.getElementById(box.getAttribute('data-chart'));
    if (!script) { return; }
    var option;
    try {
      option = JSON.parse(script.textContent);
    } catch (e) {
      return; // unreadable option: leave the table alternative
    }
    // The box is hidden in the HTML, so that without JavaScript it takes no
    // space; it gets its height here (no style attribute in the HTML keeps
    // a strict CSP working).
    var height = parseInt(box.getAttribute('data-height'), 10);
    box.style.height = (height > 0 ? height : 320) + 'px';
    box.hidden = false;
    var chart;
    try {
      chart = window.echarts.init(box, null, { renderer: 'svg' });
      chart.setOption(prepare(option));
    } catch (e) {
      box.hidden = true; // not drawn: the open table remains
      if (chart) { chart.dispose(); }
      return;
    }
    charts.push(chart);
    // Drawn: the data table, open for readers without JavaScript, is now
    // one click away.
    var figure = box.closest ? box.closest('figure') : null;
    var details = figure ? figure.querySelector('details.chart-data') : null;
    if (details) { details.open = false; }
    if (figure) { addPNG(chart, figure); }
  });

  // The chart tools (the figure's div[data-png]) get a PNG download once
  // the chart is drawn: it needs the drawing.
  function addPNG(chart, figure) {
    var tools = figure.querySelector('[data-png]');
    if (!tools) { return; }
    var btn = document.createElement('button');
    btn.type = 'button';
    btn.className = 'chart-png';
    btn.textContent = EN ? 'Download PNG' : 'Tải ảnh PNG';
    btn.addEventListener('click', function () {
      var caption = figure.querySelector('figcaption');
      downloadPNG(chart, tools.getAttribute('data-png'), caption ? caption.textContent : '');
    });
    tools.insertBefore(btn, tools.querySelector('details'));
  }

  // downloadPNG draws the chart's SVG on a canvas, at twice its size for
  // print, under its title and over the address it came from (a PNG
  // travels without its page), and downloads it as <chart id>.png.
  function downloadPNG(chart, id, title) {
    var w = chart.getWidth(), h = chart.getHeight();
    var top = 36, bottom = 28, scale = 2;
    var img = new Image();
    img.onload = function () {
      var canvas = document.createElement('canvas');
      canvas.width = w * scale;
      canvas.height = (h + top + bottom) * scale;
      var ctx = canvas.getContext('2d');
      ctx.scale(scale, scale);
      ctx.fillStyle = '#ffffff';
      ctx.fillRect(0, 0, w, h + top + bottom);
      ctx.drawImage(img, 0, top, w, h);
      ctx.fillStyle = '#1a1a1a';
      ctx.font = 'bold 15px sans-serif';
      ctx.fillText(title, 8, 22, w - 16);
      ctx.fillStyle = '#555555';
      ctx.font = '12px sans-serif';
      ctx.fillText((EN ? 'Source: ' : 'Nguồn: ') + location.href.split('#')[0] + '#' + id, 8, h + top + 18, w - 16);
      canvas.toBlob(function (blob) {
        if (!blob) { return; }
        var a = document.createElement('a');
        a.href = URL.createObjectURL(blob);
        a.download = id.replace(/^chart-/, '') + '.png';
        document.body.appendChild(a);
        a.click();
        a.remove();
        setTimeout(function () { URL.revokeObjectURL(a.href); }, 10000);
      }, 'image/png');
    };
    img.src = chart.getDataURL({ type: 'svg', backgroundColor: '#ffffff' });
  }

  // Embed snippets: a site built without a host in its base URL writes the
  // iframe's src as a path; complete it with this page's origin. A copy
  // button beside each.
  Array.prototype.forEach.call(document.querySelectorAll('[data-embed-snippet]'), function (ta) {
    ta.value = ta.value.replace('src="/', 'src="' + location.origin + '/');
    var btn = document.createElement('button');
    btn.type = 'button';
    btn.textContent = EN ? 'Copy the code' : 'Chép đoạn mã';
    btn.addEventListener('click', function () {
      ta.select();
      var done = function () { btn.textContent = EN ? 'Copied' : 'Đã chép'; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(ta.value).then(done, function () {});
      } else if (document.execCommand && document.execCommand('copy')) {
        done();
      }
    });
    ta.parentNode.insertBefore(btn, ta.nextSibling);
  });

  // A permalink to a chart (#chart-…) was followed before the charts above
  // it took their height: go to it again now that they have.
  if (location.hash.length > 1) {
    var target = document.getElementById(decodeURIComponent(location.hash.slice(1)));
    if (target && target.tagName === 'FIGURE' && target.scrollIntoView) { target.scrollIntoView(); }
  }

  var pending = false;
  window.addEventListener('resize', function () {
    if (pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () {
      pending = false;
      charts.forEach(function (c) { c.resize(); });
    });
  });
})();

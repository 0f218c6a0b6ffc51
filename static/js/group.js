/*
 * group.js — the unit picker of a group's bump chart (templates/group.html,
 * /khoi/<group>/).
 *
 * Loaded with `defer` after static/js/charts.js, which has drawn the charts
 * by then. It finds the chart instance with echarts.getInstanceByDom (no
 * hook in charts.js is needed), shows the picker (hidden in the HTML: it
 * does nothing without JavaScript, where the chart's table is open), and
 * highlights the chosen unit's line with ECharts' highlight action (the
 * series carry emphasis.focus 'series', so the other lines fade). Series
 * ids are unit ids. The choice is kept in the URL fragment
 * (#don-vi=<unit id>), so a shared link reopens the same view; tapping or
 * clicking a line chooses its unit too, and hovering another line only
 * previews it: the choice comes back when the pointer leaves.
 *
 * On a narrow screen it gives the names at the lines' ends less room.
 *
 * The chosen id is also written to the chart box's data-highlighted
 * attribute, which the browser tests read.
 */
(function () {
  'use strict';

  var picker = document.querySelector('[data-bump-picker]');
  if (!picker || typeof window.echarts === 'undefined') {
    return;
  }
  // data-bump-picker names the chart (its figure's id); its drawing box
  // is the figure's [data-chart] element.
  var figure = document.getElementById(picker.getAttribute('data-bump-picker'));
  var box = figure ? figure.querySelector('[data-chart]') : null;
  var select = picker.querySelector('select');
  if (!box || !select) {
    return;
  }
  var chart = window.echarts.getInstanceByDom(box);
  if (!chart) {
    return; // not drawn: the table remains, the picker stays hidden
  }
  picker.hidden = false;

  var KEY = 'don-vi=';
  var current = '';

  function fromHash() {
    var h = window.location.hash.replace(/^#/, '');
    if (h.indexOf(KEY) !== 0) { return ''; }
    try {
      return decodeURIComponent(h.slice(KEY.length));
    } catch (e) {
      return '';
    }
  }

  function hasSeries(id) {
    var series = chart.getOption().series || [];
    for (var i = 0; i < series.length; i++) {
      if (series[i].id === id) { return true; }
    }
    return false;
  }

  function highlight(id) {
    if (current) {
      chart.dispatchAction({ type: 'downplay', seriesId: current });
    }
    current = id && hasSeries(id) ? id : '';
    if (current) {
      chart.dispatchAction({ type: 'highlight', seriesId: current });
    }
    select.value = current;
    box.setAttribute('data-highlighted', current);
  }

  function choose(id) {
    highlight(id);
    var url = window.location.pathname + window.location.search + (current ? '#' + KEY + encodeURIComponent(current) : '');
    window.history.replaceState(null, '', url);
  }

  select.addEventListener('change', function () { choose(select.value); });
  window.addEventListener('hashchange', function () { highlight(fromHash()); });
  // A tap or click on a line chooses its unit.
  chart.on('click', function (p) {
    if (p && p.componentType === 'series' && p.seriesType === 'line' && p.seriesId) {
      choose(p.seriesId);
    }
  });
  // Hovering another line highlights it for a moment; ECharts then
  // clears every emphasis, so the choice is restored.
  chart.on('globalout', function () {
    if (current) { chart.dispatchAction({ type: 'highlight', seriesId: current }); }
  });
  chart.on('mouseout', function () {
    if (current) { chart.dispatchAction({ type: 'highlight', seriesId: current }); }
  });

  // On a phone the names at the lines' ends would leave the plot a
  // sliver: the grid keeps less room on the right and the names wrap
  // narrower (the option in the page is the desktop's).
  var narrow = null;
  function fit() {
    var n = box.clientWidth < 560;
    if (n === narrow) { return; }
    narrow = n;
    var series = chart.getOption().series || [];
    chart.setOption({
      grid: { right: n ? 92 : 150 },
      series: series.map(function () { return { label: { width: n ? 84 : 140 } }; })
    });
    if (current) { chart.dispatchAction({ type: 'highlight', seriesId: current }); }
  }
  fit();
  window.addEventListener('resize', function () { window.requestAnimationFrame(fit); });

  highlight(fromHash());
})();

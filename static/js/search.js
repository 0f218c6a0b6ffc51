// search.js: the search box in every page's header and the results of
// /tim-kiem/?q= (issue 13, item 6). It reads the site's own index,
// /tim-kiem/chi-muc.json, written at build time with every name's
// matching key (internal/site/search.go), folds the query by the same
// rules as the build (internal/viet Key: lower case, no diacritics,
// đ = d, words split on anything but letters and digits) and ranks the
// matches as the build's findEntries does. Without JavaScript the box
// stays hidden and the header's link leads to /tim-kiem/, which lists
// every unit and page. No inline script, no request outside the site.
(function () {
  'use strict';

  var APOS = /['\u2018\u2019\u02BC\u02BB`\u00B4]/g;
  // English pages (/en/) speak English; names stay as the index has them.
  var EN = document.documentElement.lang === 'en';

  // key is viet.Key: the matching key of a name or query.
  function key(s) {
    s = String(s).normalize('NFC').toLowerCase().normalize('NFD')
      .replace(/\p{Mn}/gu, '').replace(/đ/g, 'd').normalize('NFC').toLowerCase();
    s = s.replace(APOS, '').replace(/[\p{Cf}\p{Mn}]/gu, '');
    return s.replace(/[^\p{L}\p{Nd}]+/gu, ' ').trim();
  }

  // exactKey is the words as written, diacritics kept (search.go exactKey).
  function exactKey(s) {
    s = String(s).normalize('NFC').toLowerCase().replace(APOS, '').replace(/\p{Cf}/gu, '');
    return s.replace(/[^\p{L}\p{Nd}\p{Mn}]+/gu, ' ').trim();
  }

  // tier is how well a name matches (search.go matchTier), -1 for none.
  function tier(qe, qk, ne, nk) {
    if (qk === '') return -1;
    if (qe === ne) return 0;
    if (qk === nk) return 1;
    if ((' ' + ne + ' ').indexOf(' ' + qe + ' ') >= 0) return 2;
    if ((' ' + nk + ' ').indexOf(' ' + qk + ' ') >= 0) return 3;
    if ((' ' + nk).indexOf(' ' + qk) >= 0) return 4;
    var words = nk.split(' ');
    var qs = qk.split(' ');
    for (var i = 0; i < qs.length; i++) {
      var found = false;
      for (var j = 0; j < words.length; j++) {
        if (words[j].indexOf(qs[i]) === 0) { found = true; break; }
      }
      if (!found) return -1;
    }
    return 5;
  }

  // An entry of the index: [kind, url, names, keys, note, own?].
  function find(index, q) {
    var qe = exactKey(q), qk = key(q);
    var hits = [];
    index.i.forEach(function (it, n) {
      var best = -1, name = 0;
      if (!it.ex) it.ex = it[2].map(exactKey);
      for (var j = 0; j < it[2].length; j++) {
        var t = tier(qe, qk, it.ex[j], it[3][j]);
        if (t < 0) continue;
        var s = t * 2 + (j > 0 ? 1 : 0);
        if (best < 0 || s < best) { best = s; name = j; }
      }
      if (best >= 0) hits.push({ n: n, name: name, score: best });
    });
    hits.sort(function (a, b) {
      return a.score - b.score || index.i[a.n][0] - index.i[b.n][0] || a.n - b.n;
    });
    return hits;
  }

  // describe says what a hit is: its kind, and why it was found when by
  // another name than its title.
  function describe(index, hit) {
    var it = index.i[hit.n];
    var note = it[4];
    // The kinds, in the order of the index's k (searchKindNames).
    var parts = [EN ? ['Unit', 'Decision', 'Article', 'Page'][it[0]] || index.k[it[0]] : index.k[it[0]]];
    if (hit.name > 0 && it[0] === 0) {
      var own = it.length > 5 ? it[5] : it[2].length;
      parts.push((hit.name < own ? (EN ? 'former name: ' : 'tên cũ: ') : (EN ? 'includes merged unit: ' : 'gồm đơn vị đã sáp nhập: ')) + it[2][hit.name]);
    }
    if (note) parts.push(note);
    return parts.join(' · ');
  }

  // expand writes out what the index writes once (search.go
  // searchIndexJSON): a number stands for the string s[n]; a name [i,
  // rest] is p[i][0] + rest, its key p[i][1] + ' ' + the rest's key.
  function expand(index) {
    function str(x) { return typeof x === 'number' ? index.s[x] : x; }
    var p = (index.p || []).map(function (x) { return [str(x[0]), str(x[1])]; });
    index.i.forEach(function (it) {
      it[1] = str(it[1]);
      it[2] = it[2].map(function (n) { return Array.isArray(n) ? p[n[0]][0] + str(n[1]) : str(n); });
      it[3] = it[3].map(function (k) { return Array.isArray(k) ? p[k[0]][1] + ' ' + str(k[1]) : str(k); });
      if (it.length > 4) it[4] = str(it[4]);
    });
    return index;
  }

  var loading = null;
  function load(url) {
    if (!loading) {
      loading = fetch(url, { credentials: 'same-origin' }).then(function (r) {
        if (!r.ok) throw new Error('search index: ' + r.status);
        return r.json();
      }).then(expand);
    }
    return loading;
  }

  function searchURL(base, q) {
    return base + 'tim-kiem/?q=' + encodeURIComponent(q);
  }

  var MAX_OPTIONS = 8;

  function initBox(box) {
    var form = box.querySelector('[data-search-form]');
    var link = box.querySelector('[data-search-link]');
    var input = form && form.querySelector('input[role=combobox]');
    var list = form && form.querySelector('[role=listbox]');
    if (!form || !input || !list) return;
    var base = box.getAttribute('data-search-base') || '/';
    var indexURL = box.getAttribute('data-search-index');
    form.hidden = false;
    if (link) link.hidden = true;
    var status = document.createElement('p');
    status.className = 'sr-only';
    status.setAttribute('role', 'status');
    form.appendChild(status);

    // shown is the query the list shows: a late answer for the same
    // query must not reset the selection the arrows have made.
    var options = [], active = -1, index = null, seq = 0, shown = null;

    function close() {
      shown = null;
      list.hidden = true;
      list.textContent = '';
      options = [];
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }

    function setActive(i) {
      if (active >= 0 && options[active]) options[active].setAttribute('aria-selected', 'false');
      active = i;
      if (i >= 0 && options[i]) {
        options[i].setAttribute('aria-selected', 'true');
        input.setAttribute('aria-activedescendant', options[i].id);
        options[i].scrollIntoView({ block: 'nearest' });
      } else {
        input.removeAttribute('aria-activedescendant');
      }
    }

    function option(id, title, meta, url) {
      var li = document.createElement('li');
      li.id = id;
      li.setAttribute('role', 'option');
      li.setAttribute('aria-selected', 'false');
      li.setAttribute('data-url', url);
      var t = document.createElement('span');
      t.className = 'search-title';
      t.textContent = title;
      li.appendChild(t);
      if (meta) {
        var m = document.createElement('span');
        m.className = 'search-meta';
        m.textContent = meta;
        li.appendChild(m);
      }
      return li;
    }

    function show(q) {
      if (q === shown && !list.hidden) return;
      shown = q;
      var hits = find(index, q);
      list.textContent = '';
      options = [];
      active = -1;
      input.removeAttribute('aria-activedescendant');
      hits.slice(0, MAX_OPTIONS).forEach(function (h, i) {
        var it = index.i[h.n];
        options.push(option(list.id + '-' + i, it[2][0], describe(index, h), base + it[1]));
      });
      if (hits.length > MAX_OPTIONS || hits.length === 0) {
        var more = hits.length === 0 ? (EN ? 'No results for “' + q + '”' : 'Không tìm thấy kết quả cho “' + q + '”') : (EN ? 'See all ' + hits.length + ' results' : 'Xem tất cả ' + hits.length + ' kết quả');
        options.push(option(list.id + '-tat-ca', more, '', searchURL(base, q)));
      }
      options.forEach(function (o) { list.appendChild(o); });
      list.setAttribute('data-query', q); // what the list answers (tests wait for it)
      list.hidden = false;
      input.setAttribute('aria-expanded', 'true');
      status.textContent = hits.length === 0 ? (EN ? 'No results' : 'Không có kết quả') : hits.length + (EN ? ' results' : ' kết quả');
    }

    function update() {
      var q = input.value;
      if (key(q) === '') { close(); status.textContent = ''; return; }
      var mine = ++seq;
      load(indexURL).then(function (ix) {
        if (mine !== seq) return; // a later keystroke won
        index = ix;
        show(q);
      }).catch(function () { close(); });
    }

    input.addEventListener('input', update);
    input.addEventListener('focus', function () { load(indexURL).catch(function () {}); });
    input.addEventListener('keydown', function (ev) {
      switch (ev.key) {
        case 'ArrowDown':
          if (list.hidden) { update(); ev.preventDefault(); return; }
          if (options.length) setActive((active + 1) % options.length);
          ev.preventDefault();
          break;
        case 'ArrowUp':
          if (options.length) setActive(active <= 0 ? options.length - 1 : active - 1);
          ev.preventDefault();
          break;
        case 'Enter':
          if (active >= 0 && options[active]) {
            ev.preventDefault();
            window.location.href = options[active].getAttribute('data-url');
          }
          break; // otherwise the form goes to /tim-kiem/?q=
        case 'Escape':
          if (!list.hidden) close();
          else input.value = '';
          ev.preventDefault();
          break;
      }
    });
    // The form's own submission (Enter's keypress, a button) also opens
    // the selected option rather than the results page.
    form.addEventListener('submit', function (ev) {
      if (active >= 0 && options[active]) {
        ev.preventDefault();
        window.location.href = options[active].getAttribute('data-url');
      }
    });
    // mousedown would blur the input and close the list before the click.
    list.addEventListener('mousedown', function (ev) { ev.preventDefault(); });
    list.addEventListener('click', function (ev) {
      var li = ev.target.closest('[role=option]');
      if (li) window.location.href = li.getAttribute('data-url');
    });
    input.addEventListener('blur', close);
  }

  // The results page, /tim-kiem/?q=.
  function initResults(box, out) {
    var params = new URLSearchParams(window.location.search);
    var q = params.get('q') || '';
    var input = document.getElementById('tim-kiem-trang');
    if (input) input.value = q;
    if (key(q) === '') return;
    var base = box.getAttribute('data-search-base') || '/';
    load(box.getAttribute('data-search-index')).then(function (index) {
      var hits = find(index, q);
      out.textContent = '';
      var h = document.createElement('h2');
      h.textContent = (EN ? 'Search results for “' : 'Kết quả tìm kiếm cho “') + q + '”';
      out.appendChild(h);
      var p = document.createElement('p');
      p.textContent = hits.length === 0 ? (EN ? 'No results. Try fewer letters, or see the lists of units and pages below.' : 'Không tìm thấy kết quả. Thử gõ ít chữ hơn, hoặc xem danh sách các đơn vị và các trang bên dưới.') : hits.length + (EN ? ' results.' : ' kết quả.');
      out.appendChild(p);
      if (!hits.length) return;
      var ol = document.createElement('ol');
      ol.className = 'search-hits';
      hits.slice(0, 100).forEach(function (hit) {
        var it = index.i[hit.n];
        var li = document.createElement('li');
        var a = document.createElement('a');
        a.href = base + it[1];
        a.textContent = it[2][0];
        li.appendChild(a);
        var m = document.createElement('span');
        m.className = 'search-meta';
        m.textContent = describe(index, hit);
        li.appendChild(m);
        ol.appendChild(li);
      });
      out.appendChild(ol);
    }).catch(function () {
      out.textContent = EN ? 'The search index could not be loaded.' : 'Không tải được chỉ mục tìm kiếm.';
    });
  }

  // For the browser test, which checks that the folding here is the
  // build's (viet.Key) and the ranking is findEntries'.
  window.parindexSearch = { key: key, exactKey: exactKey, find: find };

  function init() {
    var box = document.querySelector('[data-search]');
    if (!box) return;
    initBox(box);
    var out = document.querySelector('[data-search-results]');
    if (out) initResults(box, out);
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();

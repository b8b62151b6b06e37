// The dashboard's script (allowed by its SHA-256 hash): filters by date range, segment and category that the cards,
// the segment, category and month sections and the top category per segment follow (the model sections follow through
// the 'dashboard:render' event, dashboard-models.js); charts drawn for the width they have; the change of each card against
// the previous period of equal length; sort and CSV export of every table; drill-down segment -> customers -> orders.
// It reads the JSON in #dashboard-data, writes text only through textContent, and loads nothing.
(function () {
  'use strict';
  var source = document.getElementById('dashboard-data');
  if (!source) { return; }
  var data = JSON.parse(source.textContent);
  var DAY = 86400000, start = Date.parse(data.start + 'T00:00:00Z'), scale = Math.pow(10, 4 - data.decimals);
  var SVG = 'http://www.w3.org/2000/svg';
  var state = { from: 0, to: data.days - 1, segment: -1, category: -1 };
  var firstDay = firstDays();

  // Formats, as the page's static figures are written (DashboardOptions.Culture, Currency, CurrencyDecimals).
  function iso(day) { return new Date(start + day * DAY).toISOString().slice(0, 10); }
  function dayOf(text) { var t = Date.parse(text + 'T00:00:00Z'); return isNaN(t) ? null : Math.round((t - start) / DAY); }
  function grouped(digits) { return digits.replace(/\B(?=(\d{3})+(?!\d))/g, data.group); }
  function count(n) { return grouped(String(n)); }
  function percent(rate) { return (rate * 100).toFixed(1).replace('.', data.point) + '%'; }
  function money(units) {
    var minor = Math.round(Math.abs(units) / scale), text = String(minor);
    if (data.decimals > 0) {
      text = text.padStart(data.decimals + 1, '0');
      text = grouped(text.slice(0, -data.decimals)) + data.point + text.slice(-data.decimals);
    } else { text = grouped(text); }
    return (units < 0 && minor > 0 ? '-' : '') + data.symbol + text;
  }
  function compact(units) {
    var v = units / 10000, a = Math.abs(v), s = a >= 1e9 ? [1e9, 'B'] : a >= 1e6 ? [1e6, 'M'] : a >= 1e3 ? [1e3, 'K'] : [1, ''];
    return String(Math.round(v / s[0] * 100) / 100).replace('.', data.point) + s[1];
  }

  function el(name, text, className) {
    var node = document.createElement(name);
    if (text !== undefined && text !== null) { node.textContent = text; }
    if (className) { node.className = className; }
    return node;
  }
  function button(text, onClick) { var b = el('button', text); b.type = 'button'; b.addEventListener('click', onClick); return b; }

  function firstDays() {
    var first = {};
    data.orders.forEach(function (o) { if (!(o[2] in first) || o[1] < first[o[2]]) { first[o[2]] = o[1]; } });
    return first;
  }

  // The orders passing the segment and category filters between two days, summed: totals and per group.
  function group(map, key) { return map[key] || (map[key] = { revenue: 0, units: 0, orders: 0, customers: {}, fresh: {} }); }
  function add(g, revenue, units, customer, fresh) {
    g.revenue += revenue; g.units += units; g.orders += 1;
    if (customer !== data.guest) { g.customers[customer] = true; if (fresh) { g.fresh[customer] = true; } }
  }
  function size(set) { return Object.keys(set).length; }
  function aggregate(from, to, segment, category) {
    var r = { total: group({}, 0), segments: {}, categories: {}, months: {}, pairs: {}, byCustomer: {} };
    data.orders.forEach(function (o) {
      var seg = data.customers[o[2]][1], revenue = 0, units = 0, hit = false, month = iso(o[1]).slice(0, 7);
      if (o[1] < from || o[1] > to || (segment >= 0 && seg !== segment)) { return; }
      for (var i = 3; i < o.length; i += 3) {
        if (category >= 0 && o[i] !== category) { continue; }
        hit = true; revenue += o[i + 1]; units += o[i + 2];
        add(group(r.categories, o[i]), o[i + 1], o[i + 2], o[2]);
        group(r.pairs, seg + ':' + o[i]).revenue += o[i + 1];
      }
      if (!hit) { return; }
      add(r.total, revenue, units, o[2]);
      add(group(r.segments, seg), revenue, units, o[2]);
      add(group(r.months, month), revenue, units, o[2], iso(firstDay[o[2]]).slice(0, 7) === month);
      (r.byCustomer[o[2]] || (r.byCustomer[o[2]] = [])).push({ order: o, revenue: revenue, units: units });
    });
    return r;
  }

  // The filters, built here so that a page without scripts shows none.
  function controls() {
    var box = document.getElementById('filters');
    function field(label, input) { var l = el('label', label + ' '); l.appendChild(input); box.appendChild(l); return input; }
    function date(value) { var i = el('input'); i.type = 'date'; i.min = iso(0); i.max = iso(data.days - 1); i.value = iso(value); return i; }
    function choice(names, all) {
      var s = el('select'); s.appendChild(el('option', all)).value = '-1';
      names.forEach(function (n, i) { s.appendChild(el('option', n)).value = String(i); });
      return s;
    }
    var from = field('From', date(0)), to = field('To', date(data.days - 1));
    var segment = field('Segment', choice(data.segments, 'All segments')), category = field('Category', choice(data.categories, 'All categories'));
    from.id = 'filter-from'; to.id = 'filter-to'; segment.id = 'filter-segment'; category.id = 'filter-category';
    function apply() {
      var a = dayOf(from.value), b = dayOf(to.value);
      state.from = a === null ? 0 : Math.max(0, a); state.to = b === null ? data.days - 1 : Math.min(data.days - 1, b);
      state.segment = Number(segment.value); state.category = Number(category.value);
      render();
    }
    [from, to, segment, category].forEach(function (i) { i.addEventListener('change', apply); });
    box.appendChild(button('Reset', function () {
      from.value = iso(0); to.value = iso(data.days - 1); segment.value = '-1'; category.value = '-1'; apply();
    }));
    box.appendChild(el('p', 'Every section follows the filters except top products and cohort retention (the page embeds orders per category, not per product)'
      + (data.clv || data.recs ? '; lifetime value, P(alive) and recommendations are the models\' figures fitted on all the data: the filters choose the customers, not their values.' : '.'), 'filter-note'));
    box.hidden = false;
  }

  // Cards, with the change against the previous period of equal length (the same segment and category).
  function cards(now) {
    var nodes = document.querySelectorAll('.cards .card'), length = state.to - state.from + 1;
    var before = state.from - length >= 0 ? aggregate(state.from - length, state.from - 1, state.segment, state.category) : null;
    function figures(r) {
      var t = r.total;
      return { customers: [size(t.customers), count], orders: [t.orders, count], revenue: [t.revenue, money], aov: [t.orders ? t.revenue / t.orders : 0, money] };
    }
    var f = figures(now), p = before && figures(before);
    data.cards.forEach(function (kind, i) {
      var card = nodes[i];
      if (!card || !f[kind]) { return; }
      card.querySelector('.card-value').textContent = f[kind][1](f[kind][0]);
      var change = card.querySelector('.card-change') || card.appendChild(el('div', null, 'card-change'));
      var old = p && p[kind][0];
      change.textContent = !p ? 'No earlier ' + length + ' days in the data'
        : old === 0 ? 'None in the previous ' + length + ' days'
        : (f[kind][0] >= old ? '+' : '') + percent((f[kind][0] - old) / Math.abs(old)) + ' vs ' + iso(state.from - length) + ' to ' + iso(state.from - 1);
    });
  }

  function rows(table, list) {
    var body = table.tBodies[0];
    body.textContent = '';
    list.forEach(function (cells) {
      var tr = body.insertRow();
      cells.forEach(function (cell, i) {
        var td = tr.insertCell();
        if (table.tHead.rows[0].cells[i].classList.contains('num')) { td.className = 'num'; }
        if (cell instanceof Node) { td.appendChild(cell); } else { td.textContent = cell; }
      });
    });
    if (!list.length) { var empty = body.insertRow().insertCell(); empty.colSpan = table.tHead.rows[0].cells.length; empty.textContent = 'No orders match the filters.'; }
    table.tHead.querySelectorAll('th').forEach(function (th) { th.removeAttribute('aria-sort'); });
  }
  // A drawn section (not a line under "Not shown") with a table.
  function panel(id) { var s = document.getElementById(id); return s && s.matches('section.panel') && s.querySelector('table') ? s : null; }
  function ranked(map, names) {
    return Object.keys(map).map(function (k) { var g = map[k]; g.name = names[k]; g.key = Number(k); return g; })
      .sort(function (a, b) { return b.revenue - a.revenue || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0); });
  }

  // A chart drawn again for the filtered figures: horizontal bars (a ranking) or columns (months).
  function chart(section, labels, values, columns, other) {
    var old = section.querySelector('svg.chart');
    if (!old) { return; }
    // Drawn at the width the chart has (one viewBox unit = one CSS pixel), so its 11–12 px text stays 11–12 px on a phone.
    var width = Math.max(240, Math.min(960, contentWidth(old))), band = 26, n = labels.length;
    // Columns: a label every few columns when they would overlap (about 7 px a character at 11 px), none past the edges.
    var labelWidth = 7 * Math.max.apply(null, labels.map(function (l) { return l.length; }).concat([4])) + 8;
    var right = columns ? Math.ceil(labelWidth / 2) : 0, left = columns ? Math.max(width < 500 ? 8 : 60, right) : Math.min(230, Math.round(width * 0.38));
    var chars = Math.min(32, Math.floor((left - 8) / 7.6)), slot = (width - left - right) / Math.max(1, n), every = columns ? Math.max(1, Math.ceil(labelWidth / slot)) : 1;
    var height = columns ? 300 : 20 + n * band, max = Math.max.apply(null, values.concat([1]));
    var svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('class', 'chart'); svg.setAttribute('viewBox', '0 0 ' + width + ' ' + height); svg.setAttribute('role', 'img');
    svg.setAttribute('width', width); svg.setAttribute('height', height);
    svg.appendChild(document.createElementNS(SVG, 'title')).textContent = old.querySelector('title') ? old.querySelector('title').textContent : '';
    function draw(name, attributes, text) {
      var node = svg.appendChild(document.createElementNS(SVG, name));
      Object.keys(attributes).forEach(function (a) { node.setAttribute(a, attributes[a]); });
      if (text !== undefined) { node.textContent = text; }
      return node;
    }
    // Each bar is titled "label: value" (a tooltip, and read out), also where its label is left out for room.
    function titled(rect, i) { rect.appendChild(document.createElementNS(SVG, 'title')).textContent = labels[i] + ': ' + compact(values[i]); }
    labels.forEach(function (label, i) {
      var v = Math.max(0, values[i]) / max;
      if (columns) {
        var w = Math.min(48, slot * 0.7), x = left + (i + 0.5) * slot, h = v * (height - 60);
        titled(draw('rect', { x: x - w / 2, y: height - 30 - h, width: w, height: h, fill: '#2563EB' }), i);
        if (i % every === 0) {
          draw('text', { x: x, y: height - 12, 'text-anchor': 'middle', 'font-size': 11, fill: '#111827' }, label);
          draw('text', { x: x, y: height - 34 - h, 'text-anchor': 'middle', 'font-size': 11, fill: '#4b5563' }, compact(values[i]));
        }
      } else {
        var y = 10 + i * band, bar = v * (width - left - 64);
        draw('text', { x: left - 6, y: y + 17, 'text-anchor': 'end', 'font-size': 12, fill: '#111827' }, label.length > chars ? label.slice(0, chars - 1) + '\u2026' : label);
        titled(draw('rect', { x: left, y: y + 4, width: bar, height: band - 8, fill: other && i === n - 1 ? '#9CA3AF' : '#2563EB' }), i);
        draw('text', { x: left + bar + 4, y: y + 17, 'font-size': 12, fill: '#4b5563' }, compact(values[i]));
      }
    });
    svg.hidden = n === 0;
    old.replaceWith(svg);
  }

  // The width a chart may take: the old chart's, measured at 100% of its box (through attributes, as the policy allows).
  function contentWidth(svg) {
    svg.setAttribute('width', '100%');
    return Math.floor(svg.getBoundingClientRect().width) || 720;
  }

  function groups(id, map, names, drill) {
    var section = panel(id), list = ranked(map, names);
    if (!section) { return; }
    rows(section.querySelector('table'), list.map(function (g) {
      return [drill ? button(g.name, function () { customers(g.key); }) : g.name, money(g.revenue), count(g.orders), count(size(g.customers)), count(g.units)];
    }));
    // Past maxBars groups the smallest fold into one grey "Other (n)" bar, as in the static chart (the table keeps every group).
    var kept = list.length > data.maxBars ? data.maxBars - 1 : list.length, rest = list.slice(kept);
    var labels = list.slice(0, kept).map(function (g) { return g.name; }).concat(rest.length ? ['Other (' + rest.length + ')'] : []);
    var values = list.slice(0, kept).map(function (g) { return g.revenue; }).concat(rest.length ? [rest.reduce(function (sum, g) { return sum + g.revenue; }, 0)] : []);
    chart(section, labels, values, false, kept < list.length);
  }

  // The top products (the whole data) drawn again for the width, from their own table: product (· name) and revenue.
  function products() {
    var section = panel('top-products');
    if (!section) { return; }
    var heads = Array.prototype.map.call(section.querySelector('thead').rows[0].cells, function (th) { return th.textContent; });
    var name = heads.indexOf('Name'), revenue = heads.indexOf('Revenue'), list = Array.prototype.slice.call(section.querySelector('tbody').rows);
    list.sort(function (a, b) { return value(b.cells[revenue], true) - value(a.cells[revenue], true); });
    chart(section, list.map(function (r) { return r.cells[0].textContent + (name > 0 && r.cells[name].textContent ? ' \u00b7 ' + r.cells[name].textContent : ''); }),
      list.map(function (r) { return Math.round(value(r.cells[revenue], true) * 10000); }), false, false);
  }

  function months(r) {
    var section = panel('revenue-by-month');
    if (!section || !data.monthly) { return; }
    var list = [], first = iso(state.from).slice(0, 7), last = iso(state.to).slice(0, 7);
    for (var m = first; m <= last; m = next(m)) { list.push([m, r.months[m] || group({}, 0)]); }
    function next(m) { var y = Number(m.slice(0, 4)), n = Number(m.slice(5, 7)); return n === 12 ? (y + 1) + '-01' : y + '-' + String(n + 1).padStart(2, '0'); }
    function partial(m) { return (m === first && iso(state.from).slice(8) !== '01') || (m === last && iso(state.to + 1).slice(0, 7) === m); }
    rows(section.querySelector('table'), list.map(function (e) {
      var g = e[1];
      return [partial(e[0]) ? e[0] + ' (partial)' : e[0], money(g.revenue), count(g.orders), count(g.units), count(size(g.customers)), count(size(g.fresh))];
    }));
    chart(section, list.map(function (e) { return e[0]; }), list.map(function (e) { return e[1].revenue; }), true);
  }

  function topCategories(r) {
    var section = panel('top-category-by-segment');
    if (!section) { return; }
    var best = {};
    Object.keys(r.pairs).forEach(function (k) {
      var parts = k.split(':'), seg = parts[0], cat = Number(parts[1]), revenue = r.pairs[k].revenue, b = best[seg];
      if (!b || revenue > b.revenue || (revenue === b.revenue && data.categories[cat] < data.categories[b.cat])) { best[seg] = { cat: cat, revenue: revenue }; }
    });
    var list = Object.keys(best).map(function (s) { return [data.segments[s], data.categories[best[s].cat], money(best[s].revenue)]; })
      .sort(function (a, b) { return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0; });
    rows(section.querySelector('table'), list);
  }

  // Drill-down: a segment's customers (most revenue first), then a customer's orders (latest first), each list capped.
  function drillPanel() {
    var panel = document.getElementById('drill-down');
    if (!panel) {
      panel = el('section', null, 'panel wide'); panel.id = 'drill-down';
      var anchor = document.getElementById('revenue-by-segment') || document.querySelector('.grid').firstChild;
      anchor.parentNode.insertBefore(panel, anchor ? anchor.nextSibling : null);
    }
    panel.textContent = '';
    panel.appendChild(button('Close', function () { panel.remove(); }));
    return panel;
  }
  function capped(panel, title, total, headers, list) {
    panel.appendChild(el('h2', title));
    panel.appendChild(el('p', count(total) + (total > data.maxRows ? ' rows; showing the first ' + count(data.maxRows) + ' (MaxDrillDownRows).' : (total === 1 ? ' row.' : ' rows.'))));
    var wrap = panel.appendChild(el('div', null, 'table-wrap')), table = wrap.appendChild(el('table')), head = table.createTHead().insertRow();
    headers.forEach(function (h) { var th = head.appendChild(el('th', h[0], h[1] ? 'num' : '')); th.scope = 'col'; });
    table.createTBody();
    rows(table, list.slice(0, data.maxRows));
    enhance(table, panel.id);
    panel.scrollIntoView();
  }
  function customers(segment) {
    var r = aggregate(state.from, state.to, segment, state.category), list = Object.keys(r.byCustomer).map(function (c) {
      var orders = r.byCustomer[c];
      return { c: Number(c), revenue: orders.reduce(function (s, o) { return s + o.revenue; }, 0), units: orders.reduce(function (s, o) { return s + o.units; }, 0),
        orders: orders.length, last: Math.max.apply(null, orders.map(function (o) { return o.order[1]; })) };
    }).sort(function (a, b) { return b.revenue - a.revenue || (data.customers[a.c][0] < data.customers[b.c][0] ? -1 : 1); });
    capped(drillPanel(), 'Customers of ' + data.segments[segment], list.length,
      [['Customer'], ['Orders', 1], ['Revenue', 1], ['Units', 1], ['Last order']],
      list.map(function (x) { return [button(data.customers[x.c][0], function () { orders(x.c, r.byCustomer[x.c]); }), count(x.orders), money(x.revenue), count(x.units), iso(x.last)]; }));
  }
  function orders(customer, list) {
    list = list.slice().sort(function (a, b) { return b.order[1] - a.order[1] || (a.order[0] < b.order[0] ? -1 : 1); });
    capped(drillPanel(), 'Orders of ' + data.customers[customer][0], list.length,
      [['Order'], ['Date'], ['Revenue', 1], ['Units', 1], ['Categories']],
      list.map(function (x) {
        var names = [];
        for (var i = 3; i < x.order.length; i += 3) { names.push(data.categories[x.order[i]]); }
        return [x.order[0], iso(x.order[1]), money(x.revenue), count(x.units), names.join(', ')];
      }));
  }

  // Sort (click a header; again to reverse) and CSV export of a table.
  // A formatted number (-£1,234.50, 25.0%) as invariant text (-1234.50, 25.0); a sort key as its value.
  function numberText(cell) { return cell.textContent.split(data.point).map(function (p) { return p.replace(/[^0-9-]/g, ''); }).join('.'); }
  function value(cell, numeric) {
    if (!numeric) { return cell.textContent; }
    var n = parseFloat(numberText(cell));
    return isNaN(n) ? 0 : n;
  }
  function enhance(table, name) {
    var heads = table.tHead.rows[0].cells;
    Array.prototype.forEach.call(heads, function (th, i) {
      var label = th.textContent, numeric = th.classList.contains('num');
      th.textContent = '';
      th.appendChild(button(label, function () {
        var down = th.getAttribute('aria-sort') !== (numeric ? 'descending' : 'ascending');
        var list = Array.prototype.slice.call(table.tBodies[0].rows).filter(function (r) { return r.cells.length === heads.length; });
        list.sort(function (a, b) {
          var x = value(a.cells[i], numeric), y = value(b.cells[i], numeric), c = x < y ? -1 : x > y ? 1 : 0;
          return numeric === down ? -c : c;
        });
        list.forEach(function (r) { table.tBodies[0].appendChild(r); });
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', numeric === down ? 'descending' : 'ascending');
      }));
    });
    var bar = el('div', null, 'table-tools');
    bar.appendChild(button('Download CSV', function () { download(table, name); }));
    table.parentNode.parentNode.insertBefore(bar, table.parentNode);
  }
  function csvCell(text, numeric) {
    if (numeric) { return String(text); }
    var formula = /^[=+\-@\t\r]/.test(text);
    return formula || /[",\r\n]/.test(text) ? '"' + (formula ? "'" : '') + text.replace(/"/g, '""') + '"' : text;
  }
  function download(table, name) {
    var lines = Array.prototype.map.call(table.rows, function (r, at) {
      return Array.prototype.map.call(r.cells, function (c, i) {
        var numeric = at > 0 && table.tHead.rows[0].cells[i] && table.tHead.rows[0].cells[i].classList.contains('num');
        return csvCell(numeric ? numberText(c) : c.textContent, numeric);
      }).join(',');
    });
    var link = el('a');
    link.href = URL.createObjectURL(new Blob([lines.join('\n') + '\n'], { type: 'text/csv' }));
    link.download = name + '.csv';
    document.body.appendChild(link); link.click(); link.remove();
  }

  function render() {
    var r = aggregate(state.from, state.to, state.segment, state.category);
    cards(r);
    groups('revenue-by-segment', r.segments, data.segments, true);
    groups('revenue-by-category', r.categories, data.categories, false);
    months(r);
    topCategories(r);
    products();
    var kit = { money: money, count: count, percent: percent, iso: iso, rows: rows, panel: panel, chart: chart };
    document.dispatchEvent(new CustomEvent('dashboard:render', { detail: { data: data, state: state, result: r, kit: kit } }));
  }

  controls();
  render();
  // A phone turned or a window resized: the charts are drawn again for their new width.
  var wide = document.documentElement.clientWidth, pending = 0;
  window.addEventListener('resize', function () {
    clearTimeout(pending);
    pending = setTimeout(function () { if (document.documentElement.clientWidth !== wide) { wide = document.documentElement.clientWidth; render(); } }, 150);
  });
  document.querySelectorAll('section.panel table').forEach(function (t) { enhance(t, t.closest('section').id); });
})();

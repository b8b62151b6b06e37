// The dashboard's script (allowed by its SHA-256 hash), the last of the files DashboardWriter joins into one function:
// filters by date range, segment and category that every section follows — the cards, segments, categories, months and
// top category per segment here, top products (dashboard-products.js), cohorts (dashboard-cohorts.js) and the model
// sections (through the 'dashboard:render' event, dashboard-models.js); the change of each card against the previous
// period of equal length. It reads the JSON in #dashboard-data, writes text only through textContent, and loads nothing.
var source = document.getElementById('dashboard-data');
if (!source) { return; }
var data = JSON.parse(source.textContent);
var DAY = 86400000, start = Date.parse(data.start + 'T00:00:00Z'), scale = Math.pow(10, 4 - data.decimals);
var state = { from: 0, to: data.days - 1, segment: -1, category: -1 };
var firstDay = firstDays();

function firstDays() {
  var first = {};
  data.orders.forEach(function (o) { if (!(o[2] in first) || o[1] < first[o[2]]) { first[o[2]] = o[1]; } });
  return first;
}

// The orders passing the segment and category filters between two days, summed: totals, per group and per product.
function group(map, key) { return map[key] || (map[key] = { revenue: 0, units: 0, orders: 0, customers: {}, fresh: {} }); }
function add(g, revenue, units, customer, fresh) {
  g.revenue += revenue; g.units += units; g.orders += 1;
  if (customer !== data.guest) { g.customers[customer] = true; if (fresh) { g.fresh[customer] = true; } }
}
function size(set) { return Object.keys(set).length; }
function aggregate(from, to, segment, category) {
  var r = { total: group({}, 0), segments: {}, categories: {}, months: {}, pairs: {}, byCustomer: {}, products: {} };
  data.orders.forEach(function (o, at) {
    var seg = data.customers[o[2]][1], revenue = 0, units = 0, hit = false, month = iso(o[1]).slice(0, 7), lines = data.productLines ? data.productLines[at] : [];
    if (o[1] < from || o[1] > to || (segment >= 0 && seg !== segment)) { return; }
    for (var p = 0; p < lines.length; p += 3) {
      if (category < 0 || data.products[lines[p]][2] === category) { add(group(r.products, lines[p]), lines[p + 1], lines[p + 2], o[2]); }
    }
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
  box.appendChild(el('p', 'Every section follows the filters' + (data.productsNote ? ' but ' + data.productsNote : '')
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

function render() {
  var r = aggregate(state.from, state.to, state.segment, state.category);
  cards(r);
  groups('revenue-by-segment', r.segments, data.segments, true);
  groups('revenue-by-category', r.categories, data.categories, false);
  months(r);
  topCategories(r);
  products(r);
  cohorts(r);
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

// The sections built from per-customer results (RFM segments and their customers, lifetime value, P(alive),
// recommendations per segment), redrawn for the filters: the main script sends 'dashboard:render' with the data, the
// filters, the filtered orders per customer and its formatting and drawing helpers. RFM is computed again on the
// filtered orders (RfmCalculator's rules); lifetime value and recommendations are the models' figures, fitted on all the
// data, shown for the customers with an order passing the filters.
(function () {
  'use strict';
  var RFM = ['Champions', 'Loyal', 'Potential Loyalists', 'New', 'Promising', 'Need Attention', 'About to Sleep', 'At Risk', 'Can\u0027t Lose', 'Hibernating'];
  var described = {};

  function byName(data) { return function (a, b) { var x = data.customers[a][0], y = data.customers[b][0]; return x < y ? -1 : x > y ? 1 : 0; }; }

  // RfmCalculator.Segment: the named segment of an (R, F) pair of scores, as an index of RFM.
  function segment(r, f) {
    if (r <= 2) { return f <= 2 ? 9 : f <= 4 ? 7 : 8; }
    if (r === 3 && f <= 3) { return f === 3 ? 5 : 6; }
    if (f === 1 && r >= 4) { return r === 4 ? 4 : 3; }
    return f <= 3 ? 2 : r === 5 ? 0 : 1;
  }
  // Quintile scores 1 + floor(5k / n), k the number of strictly smaller values (larger is better).
  function scores(values) {
    var order = values.map(function (v, i) { return i; }).sort(function (a, b) { return values[a] - values[b]; });
    var result = [], k = 0;
    order.forEach(function (at, i) {
      if (i > 0 && values[at] !== values[order[i - 1]]) { k = i; }
      result[at] = 1 + Math.floor(5 * k / values.length);
    });
    return result;
  }

  // Per customer with a filtered order: net revenue and purchases up to the analysis day (the RFM date, or the day after
  // the filter's last day when that is earlier), last purchase; the customers with a purchase scored.
  function rfm(d) {
    var data = d.data, to = d.state.to, day = to === data.days - 1 ? data.rfmDay : Math.min(data.rfmDay, to + 1), totals = {}, scored = [];
    Object.keys(d.result.byCustomer).forEach(function (key) {
      var c = Number(key), t = totals[c] = { c: c, m: 0, f: 0, last: -Infinity };
      if (c === data.guest) { return; }
      d.result.byCustomer[key].forEach(function (x) {
        if (x.order[1] > day) { return; }
        t.m += x.revenue;
        if (x.units > 0) { t.f += 1; t.last = Math.max(t.last, x.order[1]); }
      });
      if (t.f > 0) { scored.push(t); }
    });
    var r = scores(scored.map(function (t) { return t.last - day; })), f = scores(scored.map(function (t) { return t.f; })), m = scores(scored.map(function (t) { return t.m; }));
    scored.forEach(function (t, i) { t.recency = day - t.last; t.score = '' + r[i] + f[i] + m[i]; t.segment = segment(r[i], f[i]); });
    return { totals: totals, scored: scored };
  }

  function rfmGroups(scored) {
    var groups = RFM.map(function (name, i) { return { name: name, at: i, customers: [], revenue: 0 }; });
    scored.forEach(function (t) { groups[t.segment].customers.push(t); groups[t.segment].revenue += t.m; });
    return groups.filter(function (g) { return g.customers.length; })
      .sort(function (a, b) { return b.customers.length - a.customers.length || a.at - b.at; });
  }

  function rfmSections(d, result) {
    var k = d.kit, data = d.data, groups = rfmGroups(result.scored), n = result.scored.length;
    var total = groups.reduce(function (s, g) { return s + g.revenue; }, 0), section = k.panel('rfm-segments');
    if (section) {
      k.rows(section.querySelector('table'), groups.map(function (g) {
        return [g.name, k.count(g.customers.length), k.percent(g.customers.length / n), k.money(g.revenue), k.percent(total === 0 ? 0 : g.revenue / total)];
      }));
      k.chart(section, groups.map(function (g) { return g.name; }), groups.map(function (g) { return g.customers.length * 10000; }), false, false);
    }
    section = k.panel('rfm-customers');
    if (section) {
      var list = [];
      groups.forEach(function (g) {
        g.customers.slice().sort(function (a, b) { return b.m - a.m || byName(data)(a.c, b.c); }).slice(0, 5).forEach(function (t) {
          list.push([g.name, data.customers[t.c][0], t.score, k.iso(t.last), k.count(t.recency), k.count(t.f), k.money(t.m)]);
        });
      });
      k.rows(section.querySelector('table'), list);
    }
  }

  // A description's last sentence redrawn for the filters, or as written when nothing is filtered.
  function describe(section, whole, pattern, text) {
    var p = section.querySelector('p');
    if (!p) { return; }
    if (!(section.id in described)) { described[section.id] = p.textContent; }
    p.textContent = whole ? described[section.id] : described[section.id].replace(pattern, text);
  }
  function fixed(value, d) { var parts = value.toFixed(2).split('.'); return d.kit.count(parts[0]) + d.data.point + parts[1]; }

  function lifetime(d, whole) {
    var k = d.kit, data = d.data, clv = data.clv, picked = [];
    Object.keys(d.result.byCustomer).forEach(function (key) { var c = Number(key); if (c !== data.guest && clv.customers[c] !== 0) { picked.push(c); } });
    var value = k.panel('lifetime-value');
    if (value) {
      var bands = clv.bands.map(function () { return 0; }), sum = 0;
      picked.forEach(function (c) { bands[clv.customers[c][5]] += 1; sum += clv.customers[c][0]; });
      k.chart(value, clv.bands, bands.map(function (b) { return b * 10000; }), true);
      var top = picked.slice().sort(function (a, b) { return clv.customers[b][0] - clv.customers[a][0] || byName(data)(a, b); }).slice(0, 20);
      k.rows(value.querySelector('table'), top.map(function (c) {
        var x = clv.customers[c];
        return [data.customers[c][0], k.money(x[0]), k.percent(x[1]), fixed(x[2], d), k.count(x[3]), k.money(x[4])];
      }));
      describe(value, whole, /Total .* for .* customers\.$/, 'Total ' + k.money(sum) + ' for ' + k.count(picked.length) + ' customers (those passing the filters).');
    }
    var alive = document.getElementById('probability-alive');
    if (alive && alive.querySelector('svg.chart')) {
      var tenths = [0, 0, 0, 0, 0, 0, 0, 0, 0, 0], mean = 0;
      picked.forEach(function (c) { tenths[Math.min(9, Math.max(0, Math.floor(clv.customers[c][1] * 10)))] += 1; mean += clv.customers[c][1]; });
      k.chart(alive, tenths.map(function (t, i) { return (i * 10) + '\u2013' + ((i + 1) * 10) + '%'; }), tenths.map(function (t) { return t * 10000; }), true);
      describe(alive, whole, /mean .*\.$/, picked.length ? 'mean ' + k.percent(mean / picked.length) + ' (customers passing the filters).' : 'no customer passes the filters.');
    }
  }

  function recommendations(d, totals) {
    var k = d.kit, data = d.data, recs = data.recs, section = k.panel('recommendations-by-segment'), bySegment = {};
    if (!section) { return; }
    recs.customers.forEach(function (x) {
      if (!totals[x[0]] || x[0] === data.guest) { return; }
      var name = data.segments[data.customers[x[0]][1]];
      (bySegment[name] || (bySegment[name] = [])).push(x);
    });
    var list = [];
    Object.keys(bySegment).sort().forEach(function (name) {
      bySegment[name].sort(function (a, b) { return totals[b[0]].m - totals[a[0]].m || byName(data)(a[0], b[0]); }).slice(0, 3).forEach(function (x) {
        list.push([name, data.customers[x[0]][0], k.money(totals[x[0]].m), x.slice(2).map(function (p) { return recs.products[p]; }).join(', '), recs.reasons[x[1]]]);
      });
    });
    k.rows(section.querySelector('table'), list);
  }

  document.addEventListener('dashboard:render', function (e) {
    var d = e.detail, s = d.state, whole = s.from === 0 && s.to === d.data.days - 1 && s.segment < 0 && s.category < 0;
    var result = d.data.rfmDay === undefined ? null : rfm(d);
    if (result) { rfmSections(d, result); }
    if (d.data.clv) { lifetime(d, whole); }
    if (d.data.recs && result) { recommendations(d, result.totals); }
  });
})();

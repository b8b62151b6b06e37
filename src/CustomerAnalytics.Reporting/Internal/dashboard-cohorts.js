// Cohort retention with CustomerKpiCalculator.Cohorts' rules on the filtered orders: a customer's cohort is the month of
// their first filtered purchase (net units > 0; the guest left out); the cell n months later is the share of the cohort
// with a purchase in that month, for every month up to the last with a filtered order (later ones blank); the latest
// MaxCohorts cohorts, months M0 to M(CohortMonths − 1). Heat map and table are written again.
function monthOf(day) { var t = iso(day); return Number(t.slice(0, 4)) * 12 + Number(t.slice(5, 7)) - 1; }
function monthName(m) { return Math.floor(m / 12) + '-' + String(m % 12 + 1).padStart(2, '0'); }

function retention(r) {
  var last = -Infinity, first = {}, bought = [], members = {}, active = {};
  Object.keys(r.byCustomer).forEach(function (key) {
    var c = Number(key);
    r.byCustomer[key].forEach(function (x) {
      var m = monthOf(x.order[1]);
      last = Math.max(last, m);
      if (c === data.guest || x.units <= 0) { return; }
      bought.push([c, m]);
      if (!(c in first) || m < first[c]) { first[c] = m; }
    });
  });
  Object.keys(first).forEach(function (c) { members[first[c]] = (members[first[c]] || 0) + 1; });
  bought.forEach(function (b) { var k = first[b[0]] + ':' + (b[1] - first[b[0]]); (active[k] || (active[k] = {}))[b[0]] = true; });
  var list = Object.keys(members).map(Number).sort(function (a, b) { return a - b; }).slice(-data.maxCohorts);
  return list.map(function (m) {
    var shares = [];
    for (var k = 0; k < data.cohortMonths; k++) { shares.push(m + k <= last ? size(active[m + ':' + k] || {}) / members[m] : null); }
    return { name: monthName(m), customers: members[m], shares: shares };
  });
}

function cohorts(r) {
  var section = panel('cohort-retention');
  if (!section) { return; }
  var list = retention(r), table = section.querySelector('table'), months = headTexts(table).slice(2);
  rows(table, list.map(function (g) { return [g.name, count(g.customers)].concat(g.shares.map(function (s) { return s === null ? '' : percent(s); })); }));
  list.forEach(function (g, i) {
    g.shares.forEach(function (s, k) { if (s !== null) { table.tBodies[0].rows[i].cells[k + 2].className = 'num h' + heatStep(s); } });
  });
  heatMap(section, list.map(function (g) { return g.name; }), months, list.map(function (g) { return g.shares; }), 'Retention');
}

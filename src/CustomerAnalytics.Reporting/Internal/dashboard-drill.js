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

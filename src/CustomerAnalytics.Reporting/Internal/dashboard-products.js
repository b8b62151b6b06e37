// Top products with KpiCalculator.TopProducts' rules on the filtered orders: the lines of each product summed (net
// revenue, units, distinct orders, distinct buyers but the guest), highest revenue first, ties by product id (ordinal),
// the first TopProductCount; the table keeps the static page's columns. Without the embedded products (more order lines
// than MaxEmbeddedOrderLines) the static top products of the whole data are only drawn again for the width.
function products(r) {
  var section = panel('top-products');
  if (!section) { return; }
  var table = section.querySelector('table'), heads = headTexts(table);
  if (!data.products) { wholeProducts(section, table, heads); return; }
  var list = Object.keys(r.products).map(function (k) {
    var g = r.products[k], p = data.products[k];
    g.id = p[0]; g.label = p[1] ? p[0] + ' \u00b7 ' + p[1] : p[0];
    g.cells = { Product: p[0], Name: p[1], Category: data.categories[p[2]], Revenue: money(g.revenue), Units: count(g.units), Orders: count(g.orders), Buyers: count(size(g.customers)) };
    return g;
  }).sort(function (a, b) { return b.revenue - a.revenue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0); }).slice(0, data.topProducts);
  rows(table, list.map(function (g) { return heads.map(function (h) { return g.cells[h]; }); }));
  chart(section, list.map(function (g) { return g.label; }), list.map(function (g) { return g.revenue; }), false, false);
}

// The top products of the whole data drawn again for the width, from their own table: product (· name) and revenue.
function wholeProducts(section, table, heads) {
  var name = heads.indexOf('Name'), revenue = heads.indexOf('Revenue'), list = Array.prototype.slice.call(table.tBodies[0].rows);
  list.sort(function (a, b) { return value(b.cells[revenue], true) - value(a.cells[revenue], true); });
  chart(section, list.map(function (r) { return r.cells[0].textContent + (name > 0 && r.cells[name].textContent ? ' \u00b7 ' + r.cells[name].textContent : ''); }),
    list.map(function (r) { return Math.round(value(r.cells[revenue], true) * 10000); }), false, false);
}
